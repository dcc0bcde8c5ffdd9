import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Session } from '../src/auth/session.entity.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { activeAccount, signedIn } from './factories.js';
import { Browser, LOGIN, ME, me, settleMail, startPortal, UPDATE_SETTINGS, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const NEW_PASSWORD = 'Tulpenveld-Brug-77';
const LIMITS = { LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' };
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const INVALID_NL = 'De combinatie van e-mailadres/accountnummer en wachtwoord is onjuist.';
const INVALID_EN = 'The combination of e-mail address/account number and password is incorrect.';

interface SetCookie { name: string; value: string; attributes: Map<string, string> }

function parseSetCookie(line: string): SetCookie {
  const [pair, ...rest] = line.split(';');
  const index = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const [key, ...value] = part.trim().split('=');
    attributes.set(key.toLowerCase(), value.join('='));
  }
  return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), attributes };
}

/** A login with fetch, to read the raw Set-Cookie header. */
async function rawLogin(url: string, identifier: string, password: string): Promise<{ cookies: SetCookie[]; body: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { identifier, password } }),
  });
  return { cookies: response.headers.getSetCookie().map(parseSetCookie), body: await response.text() };
}

/** A fresh browser holding only the given session cookie (a replayed token). */
const replay = (tp: TestPortal, name: string, value: string) => new Browser(tp.url).setCookie(name, value);

describe('sessions (SPEC §2.11)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(LIMITS); });
  after(async () => { await tp.close(); });

  it('sets an opaque HttpOnly, SameSite=Lax cookie for path / without Secure over http', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const { cookies, body } = await rawLogin(tp.url, account.email, PASSWORD);
    assert.equal(cookies.length, 1);
    const [cookie] = cookies;
    assert.equal(cookie.name, 'dp_session');
    assert.ok(Buffer.from(cookie.value, 'base64url').length >= 32, 'at least 256 random bits');
    assert.equal(cookie.attributes.has('httponly'), true);
    assert.equal(cookie.attributes.get('samesite'), 'Lax');
    assert.equal(cookie.attributes.get('path'), '/');
    assert.equal(cookie.attributes.has('secure'), false);
    assert.equal(cookie.attributes.has('domain'), false);
    assert.ok(!body.includes(cookie.value), 'the token is not in the response body');
    const stored = await tp.portal.app.ds.getRepository(Session).findBy({ accountId: account.id });
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0].tokenHash, cookie.value, 'stored hashed');
    assert.ok(!JSON.stringify(stored).includes(cookie.value));
    assert.equal((await me(replay(tp, cookie.name, cookie.value)))?.email, account.email);
    for (const forged of [cookie.value.slice(0, -1), 'x'.repeat(5000), `${cookie.value}%00`, '']) {
      const response = await replay(tp, 'dp_session', forged).gql(ME);
      assert.equal(response.errors, undefined, 'a forged cookie is no error');
      assert.equal(response.data?.me, null, 'and no session');
    }
  });

  it('issues a new token at every login; a new login from the same browser ends the old session', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const browser = new Browser(tp.url);
    await browser.gql(LOGIN, { identifier: account.email, password: PASSWORD });
    const first = browser.sessionCookie!;
    const other = new Browser(tp.url);
    await other.gql(LOGIN, { identifier: account.accountNumber, password: PASSWORD });
    await browser.gql(LOGIN, { identifier: account.email, password: PASSWORD });
    const second = browser.sessionCookie!;
    assert.ok(first && second);
    assert.notEqual(second, first, 'new token');
    assert.notEqual(other.sessionCookie, first);
    assert.equal(await me(replay(tp, 'dp_session', first)), null, 'the replaced session is over');
    assert.equal((await me(browser))?.email, account.email);
    assert.equal((await me(other))?.email, account.email, 'a login elsewhere does not end this browser\'s session');
  });

  it('ends a session after 30 idle minutes', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    tp.clock.advanceMinutes(29);
    const cookie = browser.sessionCookie!;
    const other = (await signedIn(tp, PASSWORD)).browser; // a second account, active just before the idle end
    tp.clock.advanceMinutes(2);
    assert.equal(await me(browser), null, '31 minutes idle');
    assert.ok(await me(other), 'a session active 2 minutes ago is not affected');
    assert.equal(await me(replay(tp, 'dp_session', cookie)), null, 'and it stays over');
    const ended = await tp.portal.app.ds.getRepository(AuditEntry).findBy({ targetId: account.id, action: 'session.ended' });
    assert.deepEqual(ended.map((e) => JSON.parse(e.detail!).reason), ['idle-timeout']);
  });

  it('keeps a session alive past 30 minutes with activity every 20 minutes', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    for (let minute = 20; minute <= 100; minute += 20) {
      tp.clock.advanceMinutes(20);
      assert.equal((await me(browser))?.email, account.email, `alive after ${minute} minutes`);
    }
  });

  it('ends a session after 12 hours even with activity', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      tp.clock.advanceMinutes(20);
      assert.equal((await me(browser))?.email, account.email, `alive after ${minute} minutes`);
    }
    tp.clock.advanceMinutes(20); // 12 h after login, 20 minutes after the last request
    assert.equal(await me(browser), null, 'absolute timeout');
    const ended = await tp.portal.app.ds.getRepository(AuditEntry).findBy({ targetId: account.id, action: 'session.ended' });
    assert.deepEqual(ended.map((e) => JSON.parse(e.detail!).reason), ['absolute-timeout']);
  });

  it('ends the session on the server at logout', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const cookie = browser.sessionCookie!;
    const response = await browser.gql('mutation { logout }');
    assert.equal(response.data?.logout, true);
    assert.equal(browser.sessionCookie, undefined, 'cookie cleared');
    assert.equal(await me(browser), null);
    assert.equal(await me(replay(tp, 'dp_session', cookie)), null, 'the old token no longer works');
    const session = await tp.portal.app.ds.getRepository(Session).findOneByOrFail({ accountId: account.id });
    assert.ok(session.endedAt, 'ended in the database');
    assert.equal((await new Browser(tp.url).gql('mutation { logout }')).data?.logout, true, 'logout without a session is harmless');
  });

  it('changes the password: wrong current password refused, other sessions ended, this one kept, confirmation mailed', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const other = new Browser(tp.url);
    await other.gql(LOGIN, { identifier: account.email, password: PASSWORD });
    const otherCookie = other.sessionCookie!;
    const cookie = browser.sessionCookie;

    const wrong = await browser.gql(CHANGE_PASSWORD, { c: 'Niet-Het-Wachtwoord-1', n: NEW_PASSWORD });
    assert.equal(Browser.code(wrong), 'INVALID_CREDENTIALS');
    assert.equal(wrong.errors![0].message, INVALID_NL);
    assert.equal((await me(other))?.email, account.email, 'a refused change ends nothing');

    const changed = await browser.gql(CHANGE_PASSWORD, { c: PASSWORD, n: NEW_PASSWORD });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    assert.equal(changed.data?.changePassword, true);
    assert.equal(browser.sessionCookie, cookie, 'this session keeps its token');
    assert.equal((await me(browser))?.email, account.email, 'this session continues');
    assert.equal(await me(other), null, 'the other session ended');
    assert.equal(await me(replay(tp, 'dp_session', otherCookie)), null);

    const mails = await tp.mail.waitFor(account.email, 1);
    assert.match(mails[0].subject, /Uw wachtwoord is gewijzigd/);
    assert.equal(Browser.code(await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: PASSWORD })), 'INVALID_CREDENTIALS');
    assert.equal((await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: NEW_PASSWORD })).data?.login.status, 'SIGNED_IN');
    assert.equal(Browser.code(await new Browser(tp.url).gql(CHANGE_PASSWORD, { c: NEW_PASSWORD, n: PASSWORD })), 'UNAUTHENTICATED', 'only when signed in');
  });

  it('stores language and notification settings; the session then speaks English', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const before = await browser.gql(CHANGE_PASSWORD, { c: 'Niet-Het-Wachtwoord-1', n: NEW_PASSWORD });
    assert.equal(before.errors![0].message, INVALID_NL, 'Dutch by default');

    const updated = await browser.gql(UPDATE_SETTINGS, { input: { language: 'EN', newDocuments: false, newMessages: false } });
    assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
    assert.deepEqual(updated.data?.updateMySettings, { language: 'EN', notifications: { newDocuments: false, newQuestionnaires: true, newMessages: false } });
    // Persisted: a new session of the account sees the same.
    const fresh = new Browser(tp.url);
    await fresh.gql(LOGIN, { identifier: account.email, password: PASSWORD });
    const read = await fresh.gql('{ me { language notifications { newDocuments newQuestionnaires newMessages } } }');
    assert.deepEqual(read.data?.me, { language: 'EN', notifications: { newDocuments: false, newQuestionnaires: true, newMessages: false } });
    // Omitted fields stay as they are.
    const partial = await browser.gql(UPDATE_SETTINGS, { input: { newMessages: true } });
    assert.deepEqual(partial.data?.updateMySettings, { language: 'EN', notifications: { newDocuments: false, newQuestionnaires: true, newMessages: true } });

    const wrong = await browser.gql(CHANGE_PASSWORD, { c: 'Niet-Het-Wachtwoord-1', n: NEW_PASSWORD });
    assert.equal(Browser.code(wrong), 'INVALID_CREDENTIALS');
    assert.equal(wrong.errors![0].message, INVALID_EN, 'errors of the session come in English');
    const policy = await browser.gql(CHANGE_PASSWORD, { c: PASSWORD, n: 'kort' });
    assert.equal(policy.errors![0].message, 'The password does not meet the requirements.');

    // The account's language wins over the browser's; anonymous requests follow Accept-Language.
    const dutch = await signedIn(tp, PASSWORD, {}, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal((await dutch.browser.gql(CHANGE_PASSWORD, { c: 'Niet-Het-Wachtwoord-1', n: NEW_PASSWORD })).errors![0].message, INVALID_NL);
    const englishVisitor = new Browser(tp.url, { 'accept-language': 'en' });
    assert.equal((await englishVisitor.gql(LOGIN, { identifier: account.email, password: 'Niet-Het-Wachtwoord-1' })).errors![0].message, INVALID_EN);
    const dutchVisitor = new Browser(tp.url, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' });
    assert.equal((await dutchVisitor.gql(LOGIN, { identifier: account.email, password: 'Niet-Het-Wachtwoord-1' })).errors![0].message, INVALID_NL);

    // Mail follows the account's language too.
    const changed = await browser.gql(CHANGE_PASSWORD, { c: PASSWORD, n: NEW_PASSWORD });
    assert.equal(changed.data?.changePassword, true);
    const [mail] = await tp.mail.waitFor(account.email, 1);
    assert.match(mail.subject, /Your password has been changed/);
  });

  it('refuses updateMySettings without a session', async () => {
    const anonymous = await new Browser(tp.url).gql(UPDATE_SETTINGS, { input: { language: 'EN' } });
    assert.equal(Browser.code(anonymous), 'UNAUTHENTICATED');
    assert.equal(anonymous.data, null);
    const english = await new Browser(tp.url, { 'accept-language': 'en' }).gql(UPDATE_SETTINGS, { input: { language: 'EN' } });
    assert.equal(english.errors![0].message, 'You are not signed in.');
  });
});

describe('sessions behind HTTPS', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...LIMITS, PUBLIC_URL: 'https://portal.example.nl' }); });
  after(async () => { await tp.close(); });

  it('names the cookie __Host-dp_session and marks it Secure', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const { cookies } = await rawLogin(tp.url, account.email, PASSWORD);
    assert.equal(cookies.length, 1);
    const [cookie] = cookies;
    assert.equal(cookie.name, '__Host-dp_session');
    assert.equal(cookie.attributes.has('secure'), true);
    assert.equal(cookie.attributes.has('httponly'), true);
    assert.equal(cookie.attributes.get('samesite'), 'Lax');
    assert.equal(cookie.attributes.get('path'), '/', '__Host- requires Path=/');
    assert.equal(cookie.attributes.has('domain'), false, '__Host- forbids Domain');
    assert.equal((await me(replay(tp, cookie.name, cookie.value)))?.email, account.email);
    assert.equal(await me(replay(tp, 'dp_session', cookie.value)), null, 'the unprefixed name is not accepted');
  });
});

describe('password expiry (PASSWORD_MAX_AGE_DAYS=90)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...LIMITS, PASSWORD_MAX_AGE_DAYS: '90' }); });
  after(async () => { await tp.close(); });

  it('lets an expired password sign in only to change it', async () => {
    const account = await activeAccount(tp, PASSWORD);
    tp.clock.advance(89 * 24 * 3_600_000);
    assert.equal((await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: PASSWORD })).data?.login.status, 'SIGNED_IN', 'valid at 89 days');
    tp.clock.advance(2 * 24 * 3_600_000);

    const browser = new Browser(tp.url);
    const login = await browser.gql(LOGIN, { identifier: account.email, password: PASSWORD });
    assert.equal(login.errors, undefined);
    assert.deepEqual(login.data?.login, { status: 'PASSWORD_CHANGE_REQUIRED', account: null });
    const restricted = browser.sessionCookie!;
    assert.ok(restricted, 'a restricted session');
    assert.equal(await me(browser), null, 'me is null in the password-change stage');
    assert.equal(Browser.code(await browser.gql(UPDATE_SETTINGS, { input: { language: 'EN' } })), 'PASSWORD_CHANGE_REQUIRED');
    assert.equal(Browser.code(await browser.gql('mutation { markFirstLoginDone { id } }')), 'PASSWORD_CHANGE_REQUIRED');
    assert.equal(Browser.code(await browser.gql(CHANGE_PASSWORD, { c: 'Niet-Het-Wachtwoord-1', n: NEW_PASSWORD })), 'INVALID_CREDENTIALS');
    const same = await browser.gql(CHANGE_PASSWORD, { c: PASSWORD, n: PASSWORD });
    assert.equal(Browser.code(same), 'PASSWORD_POLICY');
    assert.deepEqual(same.errors![0].extensions!.reasons, ['SAME_AS_CURRENT']);

    const changed = await browser.gql(CHANGE_PASSWORD, { c: PASSWORD, n: NEW_PASSWORD });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    assert.equal(changed.data?.changePassword, true);
    assert.notEqual(browser.sessionCookie, restricted, 'a new token for the full session');
    assert.equal((await me(browser))?.email, account.email, 'me returns the account after the change');
    assert.equal(await me(replay(tp, 'dp_session', restricted)), null, 'the restricted token is over');
    await settleMail(tp);
    assert.ok(tp.mail.to(account.email).some((m) => /Uw wachtwoord is gewijzigd/.test(m.subject)));

    const again = await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: NEW_PASSWORD });
    assert.equal(again.data?.login.status, 'SIGNED_IN', 'the new password is valid for another 90 days');
  });
});
