import { inTransaction } from '../src/db/transaction.js';
import { Account } from '../src/modules/account/account.entity.js';
import { Language, Role } from '../src/modules/account/account.enums.js';
import { Browser, LOGIN, type TestPortal } from './harness.js';

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now().toString(36)}.${++counter}@example.nl`;

export interface AccountSpec { email?: string; role?: Role; language?: Language; displayName?: string }

/** An account as the firm creates it, with the invitation (first e-mail) on its way. */
export async function invitedAccount(tp: TestPortal, spec: AccountSpec = {}): Promise<Account> {
  const { app } = tp.portal;
  return inTransaction(app, async (m) => {
    const account = await app.services.accounts.create(m, {
      email: spec.email ?? uniqueEmail(), displayName: spec.displayName ?? 'Test Gebruiker', role: spec.role ?? Role.CLIENT, language: spec.language,
    });
    await app.services.auth.issueLink(m, account, 'INVITATION', null, null);
    return account;
  });
}

/** An activated account with a known password and no mail sent. */
export async function activeAccount(tp: TestPortal, password: string, spec: AccountSpec = {}): Promise<Account> {
  const { app } = tp.portal;
  const hash = await app.passwords.hash(password);
  return inTransaction(app, async (m) => {
    const account = await app.services.accounts.create(m, {
      email: spec.email ?? uniqueEmail(), displayName: spec.displayName ?? 'Test Gebruiker', role: spec.role ?? Role.CLIENT, language: spec.language,
    });
    const now = app.clock.now();
    await m.update(Account, { id: account.id }, { passwordHash: hash, passwordChangedAt: now, activatedAt: now, firstLogin: false });
    return m.findOneByOrFail(Account, { id: account.id });
  });
}

/** An active account signed in through the API in a fresh Browser. */
export async function signedIn(tp: TestPortal, password: string, spec: AccountSpec = {}, headers: Record<string, string> = {}): Promise<{ account: Account; browser: Browser }> {
  const account = await activeAccount(tp, password, spec);
  const browser = new Browser(tp.url, headers);
  const login = await browser.gql(LOGIN, { identifier: account.email, password });
  if (login.data?.login.status !== 'SIGNED_IN') throw new Error(`login failed: ${JSON.stringify(login)}`);
  return { account, browser };
}

/** The account as stored now. */
export const reload = (tp: TestPortal, account: Account): Promise<Account> =>
  tp.portal.app.ds.getRepository(Account).findOneByOrFail({ id: account.id });
