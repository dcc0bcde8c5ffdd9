import type { SessionAccount } from '../app/core/session/session.store';

/** A signed-in client as the server would describe it; override what a test needs. */
export function anAccount(overrides: Partial<SessionAccount> = {}): SessionAccount {
  return {
    id: 'a1',
    email: 'jan@example.nl',
    accountNumber: '100001',
    displayName: 'Jan Jansen',
    role: 'CLIENT',
    language: 'NL',
    mobileNumber: null,
    twoFactorMethod: 'NONE',
    firstLogin: false,
    notifications: { newDocuments: true, newQuestionnaires: true, newMessages: true },
    ...overrides,
  };
}

/** Lets pending promises, timers and change detection settle. */
export async function settle(fixture?: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await fixture?.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
  await fixture?.whenStable();
}
