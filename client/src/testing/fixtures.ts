import type { PortalInfo, SessionAccount } from '../app/core/session/session.store';
import type { AuthResultFieldsFragment, TwoFactorStatusFieldsFragment } from '../app/graphql/generated';

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

/** What `login`, `setPassword` and `verifySecondFactor` answer; signed in unless overridden. */
export function anAuthResult(overrides: Partial<AuthResultFieldsFragment> = {}): AuthResultFieldsFragment {
  return { status: 'SIGNED_IN', secondFactor: null, smsAvailable: null, maskedMobileNumber: null, account: anAccount(), ...overrides };
}

/** The firm's public facts, with the seed's password rules and SMS allowed. */
export function aPortalInfo(overrides: Partial<PortalInfo> = {}): PortalInfo {
  return {
    firmName: 'Notariskantoor De Vries',
    smsAllowed: true,
    passwordPolicy: { mode: 'SEED', minLength: 8, maxLength: 128, requireUppercase: true, requireDigit: true },
    ...overrides,
  };
}

/** `myTwoFactor` of a user without 2-step verification, password not recently confirmed. */
export function aTwoFactorStatus(overrides: Partial<TwoFactorStatusFieldsFragment> = {}): TwoFactorStatusFieldsFragment {
  return {
    method: 'NONE',
    mobileNumber: null,
    mobileVerified: false,
    passwordConfirmedUntil: null,
    recoveryCodesLeft: 0,
    required: false,
    smsAllowed: true,
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
