import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret } from 'otpauth';
import { SecretBox } from '../src/auth/secret-box.js';
import type { Account } from '../src/modules/account/account.entity.js';
import {
  enterPassword, nextTotpCode, reload, signedIn, signInWithCode, totpCode, totpUser, twoFactorNotices, uniqueMobile, withSmsCode, wrongTotpCode,
} from './factories.js';
import {
  Browser, CONFIRM_SMS, CONFIRM_TOTP, HIGH_LIMITS, me, MY_TWO_FACTOR, ok, SEND_LOGIN_CODE, settleMail, START_SMS, START_TOTP, startPortal, VERIFY,
  type TestPortal,
} from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';

describe('two-step verification with an authenticator app', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  const signInWith = (account: Account, code: string) => signInWithCode(tp, account, PASSWORD, code);

  it('sets up: a 160-bit secret, an otpauth URI and an SVG QR code; a wrong code is refused, a right one turns it on', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const { secret, otpauthUri, qrCodeSvg } = ok(await browser.gql(START_TOTP)).startTotpSetup;
    assert.match(secret, /^[A-Z2-7]{32,}$/, 'base32');
    assert.ok(Secret.fromBase32(secret).bytes.length * 8 >= 160, 'at least 160 bits');
    const uri = new URL(otpauthUri);
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), `/Notariskantoor Demo:${account.email}`);
    assert.deepEqual(Object.fromEntries(uri.searchParams), { issuer: 'Notariskantoor Demo', secret, algorithm: 'SHA1', digits: '6', period: '30' });
    assert.match(qrCodeSvg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);

    const pending = await reload(tp, account);
    assert.equal(pending.twoFactorMethod, 'NONE', 'not on before confirmation');
    assert.ok(pending.pendingTotpSecret && !pending.pendingTotpSecret.includes(secret), 'the pending secret is stored sealed');

    assert.equal(Browser.code(await browser.gql(CONFIRM_TOTP, { code: wrongTotpCode(tp, secret) })), 'INVALID_CODE');
    assert.equal((await reload(tp, account)).twoFactorMethod, 'NONE');
    const { codes } = ok(await browser.gql(CONFIRM_TOTP, { code: totpCode(tp, secret) })).confirmTotpSetup;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.method, 'TOTP');

    const stored = await reload(tp, account);
    assert.equal(stored.twoFactorMethod, 'TOTP');
    assert.equal(stored.pendingTotpSecret, null);
    assert.ok(stored.totpSecret, 'a secret is stored');
    for (const form of [secret, secret.toLowerCase(), Buffer.from(Secret.fromBase32(secret).bytes).toString('base64'), Buffer.from(Secret.fromBase32(secret).bytes).toString('hex')]) {
      assert.ok(!stored.totpSecret.includes(form), 'the column does not hold the plain secret');
    }
    assert.equal(new SecretBox(tp.config.APP_ENCRYPTION_KEY).open(stored.totpSecret), secret, 'but the encrypted one');
    assert.throws(() => new SecretBox('another-key-of-enough-length').open(stored.totpSecret!), 'useless without the key');

    await settleMail(tp);
    const notices = twoFactorNotices(tp, account.email);
    assert.equal(notices.length, 1);
    assert.match(notices[0].text, /2-staps verificatie met een authenticator-app is ingeschakeld/);
  });

  it('signs in with a code from the app; the same code is refused in another login', async () => {
    const { account, secret } = await totpUser(tp, PASSWORD);
    const code = nextTotpCode(tp, secret);
    const { browser, result } = await enterPassword(tp, account, PASSWORD);
    assert.deepEqual(result, { status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'TOTP', smsAvailable: false, maskedMobileNumber: null, account: null });
    const halfway = browser.sessionCookie;
    // Typed as apps show it, with a space in the middle.
    const verified = ok(await browser.gql(VERIFY, { code: `${code.slice(0, 3)} ${code.slice(3)}` })).verifySecondFactor;
    assert.equal(verified.status, 'SIGNED_IN');
    assert.notEqual(browser.sessionCookie, halfway, 'a new session cookie');
    assert.equal((await me(browser))?.email, account.email);

    const replay = await signInWith(account, code);
    assert.equal(Browser.code(replay.response), 'INVALID_CODE', 'the same code in another login');
    assert.equal(await me(replay.browser), null);
  });

  it('accepts the code of one time step before or after (clock drift), not two, and never an earlier step than the last', async () => {
    const { account, secret } = await totpUser(tp, PASSWORD);
    tp.clock.advanceMinutes(5);
    assert.equal(ok((await signInWith(account, totpCode(tp, secret, -1))).response).verifySecondFactor.status, 'SIGNED_IN', 'one step before');
    assert.equal(ok((await signInWith(account, totpCode(tp, secret, 1))).response).verifySecondFactor.status, 'SIGNED_IN', 'one step after');

    // Now the step last used is the current one.
    tp.clock.advance(30_000);
    const { browser } = await enterPassword(tp, account, PASSWORD);
    for (const steps of [-2, 2]) assert.equal(Browser.code(await browser.gql(VERIFY, { code: totpCode(tp, secret, steps) })), 'INVALID_CODE', `${steps} steps`);
    assert.equal(Browser.code(await browser.gql(VERIFY, { code: totpCode(tp, secret, -1) })), 'INVALID_CODE', 'a step before the last one used');
    assert.equal(Browser.code(await browser.gql(VERIFY, { code: totpCode(tp, secret, 0) })), 'INVALID_CODE', 'the step last used');
    assert.equal(ok(await browser.gql(VERIFY, { code: totpCode(tp, secret, 1) })).verifySecondFactor.status, 'SIGNED_IN', 'a later step in the window');
  });

  it('replaces the authenticator only when the new one is confirmed: until then the old codes work, then they stop', async () => {
    const { account, browser, secret: oldSecret } = await totpUser(tp, PASSWORD);
    const { secret: newSecret } = ok(await browser.gql(START_TOTP)).startTotpSetup;
    assert.notEqual(newSecret, oldSecret);

    tp.clock.advance(30_000);
    assert.equal(Browser.code((await signInWith(account, totpCode(tp, newSecret))).response), 'INVALID_CODE', 'the unconfirmed app does not sign in');
    assert.equal(ok((await signInWith(account, totpCode(tp, oldSecret))).response).verifySecondFactor.status, 'SIGNED_IN', 'the old app still does');

    ok(await browser.gql(CONFIRM_TOTP, { code: totpCode(tp, newSecret) }));
    tp.clock.advance(30_000);
    assert.equal(Browser.code((await signInWith(account, totpCode(tp, oldSecret))).response), 'INVALID_CODE', 'the old app no longer signs in');
    assert.equal(ok((await signInWith(account, totpCode(tp, newSecret))).response).verifySecondFactor.status, 'SIGNED_IN', 'the new one does');
    await settleMail(tp);
    assert.equal(twoFactorNotices(tp, account.email).length, 2, 'a notice for each authenticator turned on');
  });

  it('offers "code per SMS" to an app user with a confirmed mobile number', async () => {
    const { account, browser } = await totpUser(tp, PASSWORD);
    const mobile = uniqueMobile();
    const setup = await withSmsCode(tp, mobile.e164, () => browser.gql(START_SMS, { mobileNumber: mobile.input, twoFactor: false }));
    assert.deepEqual(ok(await browser.gql(CONFIRM_SMS, { code: setup.code })).confirmSmsVerification, { codes: [] }, 'only the number changed');
    const state = ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor;
    assert.deepEqual([state.method, state.mobileNumber, state.mobileVerified, state.recoveryCodesLeft], ['TOTP', mobile.e164, true, 10]);

    const { browser: other, result } = await enterPassword(tp, account, PASSWORD);
    assert.deepEqual(result, {
      status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'TOTP', smsAvailable: true, maskedMobileNumber: `+31 6 ••• ••• ${mobile.e164.slice(-2)}`, account: null,
    });
    await settleMail(tp);
    assert.equal(tp.sms.to(mobile.e164).length, 1, 'no SMS at login for an app user');
    const login = await withSmsCode(tp, mobile.e164, () => other.gql(SEND_LOGIN_CODE));
    assert.deepEqual(login.result.data, { sendLoginCodeBySms: true });
    assert.match(tp.sms.to(mobile.e164).at(-1)!.body, /is uw inlogcode/);
    assert.equal(ok(await other.gql(VERIFY, { code: login.code })).verifySecondFactor.status, 'SIGNED_IN');
    await settleMail(tp);
    assert.match(twoFactorNotices(tp, account.email).at(-1)!.text, /Uw mobiele nummer is gewijzigd/);
  });

  it('refuses "code per SMS" (FORBIDDEN) to an app user without a confirmed mobile number', async () => {
    const unconfirmed = uniqueMobile();
    for (const spec of [{}, { mobileNumber: unconfirmed.e164 }]) {
      const { account } = await totpUser(tp, PASSWORD, spec);
      const { browser, result } = await enterPassword(tp, account, PASSWORD);
      assert.equal(result.smsAvailable, false, JSON.stringify(spec));
      assert.equal(Browser.code(await browser.gql(SEND_LOGIN_CODE)), 'FORBIDDEN', JSON.stringify(spec));
    }
    await settleMail(tp);
    assert.equal(tp.sms.to(unconfirmed.e164).length, 0, 'no SMS to a number the firm entered');
  });
});
