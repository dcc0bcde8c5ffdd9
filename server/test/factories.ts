import type { EntityManager } from 'typeorm';
import { Secret, TOTP } from 'otpauth';
import type { App } from '../src/app-context.js';
import { newId } from '../src/db/columns.js';
import { inTransaction } from '../src/db/transaction.js';
import { Account } from '../src/modules/account/account.entity.js';
import { Language, Role } from '../src/modules/account/account.enums.js';
import { Client } from '../src/modules/client/client.entity.js';
import { ApiTokenRow } from '../src/modules/api-token/api-token.entity.js';
import { hashToken, newToken } from '../src/auth/tokens.js';
import {
  Browser, CONFIRM_SMS, CONFIRM_TOTP, LOGIN, LOGIN_STEP, ok, REQUEST_LINK, settleMail, START_SMS, START_TOTP, tokenFrom, VERIFY, type TestPortal,
} from './harness.js';

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now().toString(36)}.${++counter}@example.nl`;

let mobiles = 0;
/** A valid Dutch mobile number not used before in this process: as a user types it, and in E.164. */
export function uniqueMobile(): { input: string; e164: string } {
  const digits = String(20_000_000 + ++mobiles);
  return { input: `06 ${digits.slice(0, 4)} ${digits.slice(4)}`, e164: `+316${digits}` };
}

export interface AccountSpec {
  email?: string; role?: Role; language?: Language; displayName?: string;
  /** The client (person or company) the account belongs to. */
  clientId?: string | null;
  /** A number as the firm enters it (not confirmed by SMS), in E.164. */
  mobileNumber?: string | null;
}

const createAccount = (app: App, m: EntityManager, spec: AccountSpec) => app.services.accounts.create(m, {
  email: spec.email ?? uniqueEmail(), displayName: spec.displayName ?? 'Test Gebruiker', role: spec.role ?? Role.CLIENT, language: spec.language,
  clientId: spec.clientId ?? null, mobileNumber: spec.mobileNumber ?? null,
});

/** A client of the firm: a company unless `isCompany` is false. */
export async function client(tp: TestPortal, name = 'Bakkerij Test B.V.', isCompany = true): Promise<Client> {
  const row = { id: newId(), externalRef: null, name, isCompany, createdAt: tp.clock.now() };
  await tp.portal.app.ds.getRepository(Client).insert(row);
  return tp.portal.app.ds.getRepository(Client).findOneByOrFail({ id: row.id });
}

/** An account as the firm creates it, with the invitation (first e-mail) on its way. */
export async function invitedAccount(tp: TestPortal, spec: AccountSpec = {}): Promise<Account> {
  const { app } = tp.portal;
  return inTransaction(app, async (m) => {
    const account = await createAccount(app, m, spec);
    await app.services.auth.issueLink(m, account, 'INVITATION', null, null);
    return account;
  });
}

/** An activated account with a known password and no mail sent. */
export async function activeAccount(tp: TestPortal, password: string, spec: AccountSpec = {}): Promise<Account> {
  const { app } = tp.portal;
  const hash = await app.passwords.hash(password);
  return inTransaction(app, async (m) => {
    const account = await createAccount(app, m, spec);
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

/** The password step of a login in `browser` (a fresh one by default); returns the browser and the AuthResult. */
export async function enterPassword(tp: TestPortal, account: Account, password: string, browser = new Browser(tp.url)) {
  const { login } = ok(await browser.gql(LOGIN_STEP, { identifier: account.email, password }));
  return { browser, result: login as { status: string; secondFactor: string | null; smsAvailable: boolean | null; maskedMobileNumber: string | null; account: { id: string; email: string } | null } };
}

/** Enters the password of a 2-step user in a fresh browser and then `code` as the second step; returns the browser and the answer. */
export async function signInWithCode(tp: TestPortal, account: Account, password: string, code: string) {
  const { browser, result } = await enterPassword(tp, account, password);
  if (result.status !== 'SECOND_FACTOR_REQUIRED') throw new Error(`no second step: ${JSON.stringify(result)}`);
  return { browser, response: await browser.gql(VERIFY, { code }) };
}

/** Requests a set-password link ("Wachtwoord vergeten") and returns the token of the mail that brings it. */
export async function passwordLinkToken(tp: TestPortal, email: string): Promise<string> {
  await settleMail(tp);
  const before = tp.mail.to(email).length;
  ok(await new Browser(tp.url).gql(REQUEST_LINK, { email }));
  return tokenFrom((await tp.mail.waitFor(email, before + 1))[before], 'set-password');
}

/** The notice e-mails about changes to two-step verification that reached `email` (after settleMail). */
export const twoFactorNotices = (tp: TestPortal, email: string) =>
  tp.mail.to(email).filter((m) => /Wijziging in uw 2-staps verificatie|A change to your two-step verification/.test(m.subject));

// ---- Two-step verification ----

const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

/** The authenticator code at the fake clock's time, `steps` time steps (30 s) away. */
export const totpCode = (tp: TestPortal, secret: string, steps = 0) =>
  totp(secret).generate({ timestamp: tp.clock.now().getTime() + steps * 30_000 });

/** Moves the fake clock one time step on and returns the code of that step (a code is never accepted twice). */
export function nextTotpCode(tp: TestPortal, secret: string): string {
  tp.clock.advance(30_000);
  return totpCode(tp, secret);
}

/** A six-digit code that the authenticator with `secret` does not show now, nor one step before or after. */
export function wrongTotpCode(tp: TestPortal, secret: string): string {
  const valid = new Set([-1, 0, 1].map((steps) => totpCode(tp, secret, steps)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Another six-digit code than `code`. */
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Runs `action`, which must make the portal send one SMS to `e164`, and returns its result and the code in that SMS. */
export async function withSmsCode<T>(tp: TestPortal, e164: string, action: () => Promise<T>): Promise<{ result: T; code: string }> {
  const before = tp.sms.to(e164).length;
  const result = await action();
  await settleMail(tp); // delivers now rather than at the worker's next poll
  return { result, code: await tp.sms.codeFor(e164, before + 1) };
}

/** Sets up the authenticator app in a session that may (password entered within 5 minutes); returns the secret and recovery codes. */
export async function setUpTotp(tp: TestPortal, browser: Browser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = ok(await browser.gql(START_TOTP)).startTotpSetup;
  const { codes } = ok(await browser.gql(CONFIRM_TOTP, { code: totpCode(tp, secret) })).confirmTotpSetup;
  return { secret, recoveryCodes: codes };
}

/** Sets up 2-step by SMS to `mobile` in a session that may; returns the recovery codes. */
export async function setUpSms(tp: TestPortal, browser: Browser, mobile: { input: string; e164: string }): Promise<{ recoveryCodes: string[] }> {
  const { code } = await withSmsCode(tp, mobile.e164, async () => ok(await browser.gql(START_SMS, { mobileNumber: mobile.input })));
  return { recoveryCodes: ok(await browser.gql(CONFIRM_SMS, { code })).confirmSmsVerification.codes };
}

/**
 * An active account that set up two-step verification through the API (`setUp`), signed in with a full session in
 * `browser`. Works for roles that must set it up at login (the setup then upgrades the session) and for others.
 */
export async function twoStepUser<T>(tp: TestPortal, password: string, setUp: (browser: Browser) => Promise<T>, spec: AccountSpec = {}) {
  const created = await activeAccount(tp, password, spec);
  const { browser, result } = await enterPassword(tp, created, password);
  if (result.status !== 'SIGNED_IN' && result.status !== 'TWO_FACTOR_SETUP_REQUIRED') throw new Error(`unexpected login: ${JSON.stringify(result)}`);
  const setup = await setUp(browser);
  return { ...setup, browser, account: await reload(tp, created) };
}

/** A signed-in user with the authenticator app. Its next code needs a later time step: use nextTotpCode. */
export const totpUser = (tp: TestPortal, password: string, spec: AccountSpec = {}) => twoStepUser(tp, password, (b) => setUpTotp(tp, b), spec);

/** A signed-in user with 2-step by SMS to a fresh number. */
export async function smsUser(tp: TestPortal, password: string, spec: AccountSpec = {}) {
  const mobile = uniqueMobile();
  return { ...(await twoStepUser(tp, password, (b) => setUpSms(tp, b, mobile), spec)), mobile };
}

// ---- The dossier workspace, fed like a case-management system does ----

/** An API token with `scopes`, made directly in the database (the API for it is admin-only); returns a Browser that sends it. */
export async function integration(tp: TestPortal, scopes = ['clients:write', 'dossiers:read', 'dossiers:write', 'documents:write', 'messages:write']): Promise<Browser> {
  const { app } = tp.portal;
  const secret = `dpt_${newToken()}`;
  await app.ds.getRepository(ApiTokenRow).insert({
    id: newId(), name: 'Test integration', scopes: scopes.join(','), tokenHash: hashToken(app.config.SESSION_SECRET, secret),
    createdById: null, createdAt: app.clock.now(), expiresAt: null, lastUsedAt: null, revokedAt: null,
  });
  return new Browser(tp.url, { authorization: `Bearer ${secret}` });
}

/** A minimal valid PDF with `text` in it. */
export const pdf = (text = 'Dossierportaal') =>
  Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);

export const UPSERT_CLIENT = 'mutation($input: ClientInput!) { upsertClient(input: $input) { id externalRef name isCompany } }';
export const CREATE_ACCOUNT = 'mutation($input: AccountInput!) { createAccount(input: $input) { id email role } }';
export const UPSERT_DOSSIER = 'mutation($input: DossierInput!) { upsertDossier(input: $input) { id number description status { code label active } externalRef } }';
export const SET_PROGRESS = 'mutation($dossierId: ID!, $steps: [ProgressStepInput!]!) { setProgressSteps(dossierId: $dossierId, steps: $steps) { done total steps { title done doneAt } } }';
export const PUBLISH = 'mutation($input: PublishDocumentInput!) { publishDocument(input: $input) { id title fileName contentType size sha256 downloadUrl category } }';
export const POST_MESSAGE = 'mutation($input: PostMessageInput!) { postMessage(input: $input) { id subject direction attachments { id fileName } } }';
export const SEND_MESSAGE = 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id subject body direction senderName readAt inReplyTo { id subject } attachments { id fileName category size sha256 downloadUrl } } }';

let refs = 0;
/** A unique external reference. */
export const ref = (prefix = 'REF') => `${prefix}-${Date.now().toString(36)}-${++refs}`;

/**
 * A client (company by default) with a signed-in account, and a dossier of it, all fed through the
 * integration API. `role` defaults to COMPANY_MAIN for companies and CLIENT for persons.
 */
export async function clientWithDossier(tp: TestPortal, api: Browser, password: string, options: { isCompany?: boolean; number?: string; description?: string; statusCode?: string } = {}) {
  const isCompany = options.isCompany ?? true;
  const client = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: isCompany ? 'Bakkerij Test B.V.' : 'Jan Test', isCompany } })).upsertClient;
  const { account, browser } = await signedIn(tp, password, { clientId: client.id, role: isCompany ? Role.COMPANY_MAIN : Role.CLIENT });
  const dossier = ok(await api.gql(UPSERT_DOSSIER, { input: {
    externalRef: ref('DOS'), number: options.number ?? `2026.${String(++refs).padStart(4, '0')}`, description: options.description ?? 'Levering woning Dorpsstraat 1',
    statusCode: options.statusCode ?? 'IN_PROGRESS', handlerName: 'mr. Eva Mulder', handlerEmail: 'e.mulder@example.nl', clientIds: [client.id],
  } })).upsertDossier;
  return { client, account, browser, dossier };
}
