import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeAccount, reload } from './factories.js';
import { Browser, LOGIN, REQUEST_LINK, SET_PASSWORD, settleMail, startPortal, tokenFrom, type TestPortal } from './harness.js';
import type { Account } from '../src/modules/account/account.entity.js';

const CURRENT = 'Zonnebloem-Akte-42';
const LINK_STATE = 'query($t: String!) { passwordLinkState(token: $t) }';
const POLICY = '{ portalInfo { passwordPolicy { mode minLength maxLength requireUppercase requireDigit } } }';
const LIMITS = { LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' };

/** Requests a set-password link for the account and returns its token. */
async function linkFor(tp: TestPortal, account: Account): Promise<string> {
  await settleMail(tp);
  const before = tp.mail.to(account.email).length;
  assert.equal((await new Browser(tp.url).gql(REQUEST_LINK, { email: account.email })).data?.requestPasswordLink, true);
  return tokenFrom((await tp.mail.waitFor(account.email, before + 1))[before], 'set-password');
}

/** Tries a password that the policy refuses; asserts the reasons and that nothing changed. */
async function assertRefused(tp: TestPortal, account: Account, token: string, password: string, reasons: string[]): Promise<void> {
  const hashBefore = (await reload(tp, account)).passwordHash;
  const browser = new Browser(tp.url);
  const response = await browser.gql(SET_PASSWORD, { token, password });
  assert.equal(Browser.code(response), 'PASSWORD_POLICY', `${JSON.stringify(password)} refused`);
  assert.deepEqual([...response.errors![0].extensions!.reasons].sort(), [...reasons].sort(), `reasons for ${JSON.stringify(password)}`);
  assert.equal(response.data, null);
  assert.equal(browser.sessionCookie, undefined, 'not signed in');
  assert.equal((await reload(tp, account)).passwordHash, hashBefore, 'password hash unchanged');
  assert.equal((await browser.gql(LINK_STATE, { t: token })).data?.passwordLinkState, 'VALID', 'link still usable');
}

async function setPassword(tp: TestPortal, token: string, password: string) {
  const response = await new Browser(tp.url).gql(SET_PASSWORD, { token, password });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  assert.equal(response.data?.setPassword.status, 'SIGNED_IN');
}

const login = (tp: TestPortal, account: Account, password: string) => new Browser(tp.url).gql(LOGIN, { identifier: account.email, password });

describe('password policy: seed mode (default)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(LIMITS); });
  after(async () => { await tp.close(); });

  it('describes the seed rules in portalInfo', async () => {
    const response = await new Browser(tp.url).gql(POLICY);
    assert.deepEqual(response.data?.portalInfo.passwordPolicy, { mode: 'SEED', minLength: 8, maxLength: 128, requireUppercase: true, requireDigit: true });
  });

  it('refuses short, capital-less, digit-less and blocklisted passwords with their reasons, changing nothing', async () => {
    const account = await activeAccount(tp, CURRENT);
    const token = await linkFor(tp, account);
    await assertRefused(tp, account, token, 'Kort-1', ['TOO_SHORT']);
    await assertRefused(tp, account, token, 'zonder-hoofdletter-9', ['NO_UPPERCASE']);
    await assertRefused(tp, account, token, 'Zonder-Cijfers-Hier', ['NO_DIGIT']);
    await assertRefused(tp, account, token, 'kort', ['TOO_SHORT', 'NO_UPPERCASE', 'NO_DIGIT']);
    await assertRefused(tp, account, token, 'Welkom01', ['BLOCKLISTED']);
    await assertRefused(tp, account, token, 'Password1', ['BLOCKLISTED']);
    await assertRefused(tp, account, token, 'wELKOM01', ['BLOCKLISTED']);
    await assertRefused(tp, account, token, 'PASSWORD1', ['BLOCKLISTED']);
    // The current password still works, and the link still sets a good one.
    assert.equal((await login(tp, account, CURRENT)).data?.login.status, 'SIGNED_IN');
    await setPassword(tp, token, 'Kastanjeboom-Zeil-31');
    assert.equal((await login(tp, account, 'Kastanjeboom-Zeil-31')).data?.login.status, 'SIGNED_IN');
  });

  it('accepts 128 characters and refuses one more with TOO_LONG', async () => {
    const account = await activeAccount(tp, CURRENT);
    const token = await linkFor(tp, account);
    const long = 'Aa1-' + 'x'.repeat(124);
    assert.equal(long.length, 128);
    await assertRefused(tp, account, token, long + 'y', ['TOO_LONG']);
    await setPassword(tp, token, long);
    assert.equal((await login(tp, account, long)).data?.login.status, 'SIGNED_IN', 'all 128 characters count');
    assert.equal(Browser.code(await login(tp, account, long.slice(0, 127))), 'INVALID_CREDENTIALS', 'not truncated: a prefix fails');
    assert.equal(Browser.code(await login(tp, account, long.slice(0, 72))), 'INVALID_CREDENTIALS', 'not truncated at 72 bytes either');
  });

  it('keeps leading and trailing spaces: only the exact string logs in', async () => {
    const account = await activeAccount(tp, CURRENT);
    const token = await linkFor(tp, account);
    const spaced = '  Zeilboot Haven 2026  ';
    await setPassword(tp, token, spaced);
    assert.equal(Browser.code(await login(tp, account, spaced.trim())), 'INVALID_CREDENTIALS', 'trimmed fails');
    assert.equal(Browser.code(await login(tp, account, spaced.trimEnd())), 'INVALID_CREDENTIALS', 'without trailing spaces fails');
    assert.equal((await login(tp, account, spaced)).data?.login.status, 'SIGNED_IN', 'exact string works');
  });
});

describe('password policy: standards mode', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...LIMITS, PASSWORD_POLICY: 'standards' }); });
  after(async () => { await tp.close(); });

  it('describes the length-only rules in portalInfo', async () => {
    const response = await new Browser(tp.url).gql(POLICY);
    assert.deepEqual(response.data?.portalInfo.passwordPolicy, { mode: 'STANDARDS', minLength: 8, maxLength: 128, requireUppercase: false, requireDigit: false });
  });

  it('accepts a lower-case passphrase but still applies length and the blocklist', async () => {
    const account = await activeAccount(tp, CURRENT);
    const token = await linkFor(tp, account);
    await assertRefused(tp, account, token, 'kort', ['TOO_SHORT']);
    await assertRefused(tp, account, token, 'welkom01', ['BLOCKLISTED']);
    await assertRefused(tp, account, token, 'Password1', ['BLOCKLISTED']);
    await assertRefused(tp, account, token, 'p'.repeat(129), ['TOO_LONG']);
    await setPassword(tp, token, 'alllowercaselongpassphrase');
    assert.equal((await login(tp, account, 'alllowercaselongpassphrase')).data?.login.status, 'SIGNED_IN');
  });
});
