import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Account } from '../src/modules/account/account.entity.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { Role } from '../src/modules/account/account.enums.js';
import { enterPassword, nextTotpCode, reload, signedIn, signInWithCode, totpUser, twoFactorNotices, wrongTotpCode } from './factories.js';
import { AUTH_STATE, Browser, HIGH_LIMITS, LOGIN, me, MY_TWO_FACTOR, ok, settleMail, startPortal, VERIFY, type GqlResponse, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const WRONG_PASSWORD = 'Niet-Het-Wachtwoord-1';
const LOCK_SUBJECT = 'Uw toegang tot het klantenportaal is tijdelijk geblokkeerd';
const REGENERATE = 'mutation($password: String!) { regenerateRecoveryCodes(password: $password) { codes } }';
const DISABLE = 'mutation($password: String!) { disableTwoFactor(password: $password) { id twoFactorMethod } }';

describe('recovery codes, turning 2-step off, and lockout in the second step', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  const secondStep = (account: Account, code: string) => signInWithCode(tp, account, PASSWORD, code);
  const status = (response: GqlResponse) => response.data?.verifySecondFactor.status ?? Browser.code(response);
  const codesLeft = async (browser: Browser) => ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.recoveryCodesLeft;

  it('signs in once with a recovery code; a second use is refused', async () => {
    const { account, browser, recoveryCodes } = await totpUser(tp, PASSWORD);
    assert.equal(await codesLeft(browser), 10);
    const first = await secondStep(account, recoveryCodes[0]);
    assert.equal(status(first.response), 'SIGNED_IN');
    assert.equal((await me(first.browser))?.email, account.email);
    assert.equal(await codesLeft(first.browser), 9);
    const used = await tp.portal.app.ds.getRepository(AuditEntry).findOneByOrFail({ targetId: account.id, action: 'recovery-code.used' });
    assert.deepEqual(JSON.parse(used.detail!), { left: 9 });

    assert.equal(status((await secondStep(account, recoveryCodes[0])).response), 'INVALID_CODE', 'second use');
    const typed = recoveryCodes[1].toLowerCase().replace('-', ' ');
    assert.equal(status((await secondStep(account, typed)).response), 'SIGNED_IN', 'lower case with a space is the same code');
    assert.equal(await codesLeft(browser), 8);
  });

  it('regenerates the codes with the password: 10 new ones, the old ones stop working', async () => {
    const { account, browser, recoveryCodes: old } = await totpUser(tp, PASSWORD);
    assert.equal(Browser.code(await browser.gql(REGENERATE, { password: WRONG_PASSWORD })), 'INVALID_CREDENTIALS');
    assert.equal(status((await secondStep(account, old[0])).response), 'SIGNED_IN', 'a wrong password changes nothing');

    const { codes } = ok(await browser.gql(REGENERATE, { password: PASSWORD })).regenerateRecoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set([...codes, ...old]).size, 20, 'all new');
    assert.equal(await codesLeft(browser), 10);
    assert.equal(status((await secondStep(account, old[1])).response), 'INVALID_CODE', 'an old unused code');
    assert.equal(status((await secondStep(account, codes[0])).response), 'SIGNED_IN', 'a new code');

    await settleMail(tp);
    assert.match(twoFactorNotices(tp, account.email).at(-1)!.text, /Er zijn nieuwe herstelcodes aangemaakt/);
    assert.equal(Browser.code(await (await signedIn(tp, PASSWORD)).browser.gql(REGENERATE, { password: PASSWORD })), 'FORBIDDEN', 'without 2-step there are no codes');
  });

  it('turns 2-step off with the password; the login is then password-only', async () => {
    const { account, browser } = await totpUser(tp, PASSWORD);
    assert.equal(Browser.code(await browser.gql(DISABLE, { password: WRONG_PASSWORD })), 'INVALID_CREDENTIALS');
    assert.equal((await reload(tp, account)).twoFactorMethod, 'TOTP');
    assert.deepEqual(ok(await browser.gql(DISABLE, { password: PASSWORD })).disableTwoFactor, { id: account.id, twoFactorMethod: 'NONE' });
    assert.equal(await codesLeft(browser), 0, 'the recovery codes are gone');
    const stored = await reload(tp, account);
    assert.equal(stored.totpSecret, null);

    const { result } = await enterPassword(tp, account, PASSWORD);
    assert.equal(result.status, 'SIGNED_IN');
    assert.equal(result.account?.email, account.email);
    await settleMail(tp);
    assert.match(twoFactorNotices(tp, account.email).at(-1)!.text, /2-staps verificatie is uitgeschakeld/);
  });

  it('refuses to turn 2-step off for a role that requires it (FORBIDDEN)', async () => {
    const { account, browser } = await totpUser(tp, PASSWORD, { role: Role.STAFF });
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.required, true);
    assert.equal(Browser.code(await browser.gql(DISABLE, { password: PASSWORD })), 'FORBIDDEN');
    assert.equal((await reload(tp, account)).twoFactorMethod, 'TOTP');
    assert.equal(await codesLeft(browser), 10);
  });

  it('locks the account after 5 wrong second-step codes: the session ends, the right password then fails, one lock e-mail', async () => {
    const { account, secret } = await totpUser(tp, PASSWORD);
    tp.clock.advance(30_000);
    const { browser } = await enterPassword(tp, account, PASSWORD);
    for (let i = 1; i <= 4; i++) {
      assert.equal(Browser.code(await browser.gql(VERIFY, { code: wrongTotpCode(tp, secret) })), 'INVALID_CODE', `wrong code ${i}`);
      assert.equal((await reload(tp, account)).lockedUntil, null, `not locked after ${i}`);
    }
    assert.equal(Browser.code(await browser.gql(VERIFY, { code: wrongTotpCode(tp, secret) })), 'INVALID_CODE', 'wrong code 5');
    assert.equal((await reload(tp, account)).lockedUntil?.getTime(), tp.clock.now().getTime() + 15 * 60_000, 'locked for 15 minutes');

    assert.equal(ok(await browser.gql(AUTH_STATE)).authState, null, 'the half-finished session has ended');
    assert.equal(Browser.code(await browser.gql(VERIFY, { code: nextTotpCode(tp, secret) })), 'UNAUTHENTICATED', 'even the right code is too late');
    const again = await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: PASSWORD });
    assert.equal(Browser.code(again), 'INVALID_CREDENTIALS', 'the right password while locked');
    await settleMail(tp);
    assert.equal(tp.mail.to(account.email).filter((m) => m.subject === LOCK_SUBJECT).length, 1, 'exactly one lock e-mail');
  });
});
