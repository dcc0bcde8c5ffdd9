import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SmsCode } from '../src/auth/sms-code.entity.js';
import { Language } from '../src/modules/account/account.enums.js';
import { OutboxMessage } from '../src/notify/outbox.entity.js';
import { enterPassword, otherCode, signedIn, smsUser, twoFactorNotices, uniqueMobile, withSmsCode } from './factories.js';
import {
  AUTH_STATE, Browser, CONFIRM_PASSWORD, CONFIRM_SMS, HIGH_LIMITS, me, MY_TWO_FACTOR, ok, SEND_LOGIN_CODE, settleMail, START_SMS, START_TOTP,
  startPortal, UPDATE_SETTINGS, VERIFY, type TestPortal,
} from './harness.js';
import { TEST_TWILIO } from './twilio-stand-in.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const RECOVERY_CODE = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/;

describe('two-step verification by SMS', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  /** A user with 2-step by SMS who has entered the password in a fresh browser; returns it with the login code sent. */
  async function atSecondStep(language?: Language) {
    const user = await smsUser(tp, PASSWORD, { language });
    const { result: { browser, result }, code } = await withSmsCode(tp, user.mobile.e164, () => enterPassword(tp, user.account, PASSWORD));
    return { ...user, browser, result, code };
  }

  it('sets up SMS through the real Twilio SDK: E.164 recipient, the From number, a Dutch text with the code', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const sent = await browser.gql(START_SMS, { mobileNumber: '06 1234 5678' });
    assert.deepEqual(sent.data, { startSmsVerification: true });
    const [sms] = await tp.sms.waitFor('+31612345678');
    assert.equal(sms.from, TEST_TWILIO.from);
    assert.equal(sms.accountSid, TEST_TWILIO.sid);
    const code = /^(\d{6}) is uw code om dit mobiele nummer te bevestigen voor het klantenportaal van Notariskantoor Demo\. 10 minuten geldig\.$/.exec(sms.body)?.[1];
    assert.ok(code, `Dutch setup text with the code: ${sms.body}`);
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.method, 'NONE', 'not on before the code is confirmed');

    const { codes } = ok(await browser.gql(CONFIRM_SMS, { code })).confirmSmsVerification;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10, 'unique');
    for (const c of codes) assert.match(c, RECOVERY_CODE);
    const { passwordConfirmedUntil, ...state } = ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor;
    assert.ok(passwordConfirmedUntil);
    assert.deepEqual(state, { method: 'SMS', mobileNumber: '+31612345678', mobileVerified: true, recoveryCodesLeft: 10, required: false, smsAllowed: true });
    assert.equal(Browser.code(await browser.gql(CONFIRM_SMS, { code })), 'INVALID_CODE', 'the setup code works once');

    await settleMail(tp);
    const notices = twoFactorNotices(tp, account.email);
    assert.equal(notices.length, 1, 'one notice e-mail');
    assert.match(notices[0].subject, /^Wijziging in uw 2-staps verificatie/);
    assert.match(notices[0].text, /2-staps verificatie met een code per sms is ingeschakeld/);
    assert.equal(tp.sms.to('+31612345678').length, 1, 'one SMS');
  });

  it('writes the SMS and the notice in the account\'s language (English)', async () => {
    const { account, mobile, browser, code, result } = await atSecondStep(Language.EN);
    const [setup, login] = tp.sms.to(mobile.e164);
    assert.match(setup.body, /^\d{6} is your code to confirm this mobile number for the client portal of Notariskantoor Demo\. Valid for 10 minutes\.$/);
    assert.equal(login.body, `${code} is your sign-in code for the client portal of Notariskantoor Demo. Valid for 10 minutes. Never share it.`);
    assert.equal(result.status, 'SECOND_FACTOR_REQUIRED');
    assert.equal(ok(await browser.gql(VERIFY, { code })).verifySecondFactor.status, 'SIGNED_IN');
    await settleMail(tp);
    const [notice] = twoFactorNotices(tp, account.email);
    assert.match(notice.subject, /^A change to your two-step verification/);
    assert.match(notice.text, /Two-step verification with a code by text message has been turned on/);
  });

  it('sends the login code when the password is entered; the code signs in with a new session cookie', async () => {
    const { account, mobile, browser, result, code } = await atSecondStep();
    assert.deepEqual(result, {
      status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: `+31 6 ••• ••• ${mobile.e164.slice(-2)}`, account: null,
    });
    const login = tp.sms.to(mobile.e164).at(-1)!;
    assert.equal(login.body, `${code} is uw inlogcode voor het klantenportaal van Notariskantoor Demo. 10 minuten geldig. Deel deze code met niemand.`);
    const halfway = browser.sessionCookie!;
    assert.ok(halfway, 'a session for the second step');

    const verified = ok(await browser.gql(VERIFY, { code })).verifySecondFactor;
    assert.equal(verified.status, 'SIGNED_IN');
    assert.equal(verified.account.email, account.email);
    assert.ok(browser.sessionCookie && browser.sessionCookie !== halfway, 'a new session cookie');
    assert.equal((await me(browser))?.email, account.email);
    assert.equal(await me(new Browser(tp.url).setCookie(browser.sessionCookieName!, halfway)), null, 'the second-step token is over');
  });

  it('lets only the second-step operations work before the code is entered', async () => {
    const { browser, mobile } = await atSecondStep();
    assert.equal(await me(browser), null, 'me is null');
    assert.equal(Browser.code(await browser.gql(UPDATE_SETTINGS, { input: { language: 'EN' } })), 'SECOND_FACTOR_REQUIRED');
    assert.equal(Browser.code(await browser.gql(MY_TWO_FACTOR)), 'SECOND_FACTOR_REQUIRED');
    assert.equal(Browser.code(await browser.gql(START_SMS, { mobileNumber: uniqueMobile().input })), 'SECOND_FACTOR_REQUIRED');
    assert.deepEqual(ok(await browser.gql(AUTH_STATE)).authState, {
      status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: `+31 6 ••• ••• ${mobile.e164.slice(-2)}`, account: null,
    }, 'a reloaded page resumes the second step');
    assert.equal(ok(await browser.gql('mutation { logout }')).logout, true);
    assert.equal(ok(await browser.gql(AUTH_STATE)).authState, null);
  });

  it('accepts a login code once: two submissions of it in the same session sign in only one', async () => {
    const { account, browser, code } = await atSecondStep();
    const twin = new Browser(tp.url).setCookie(browser.sessionCookieName!, browser.sessionCookie!);
    const answers = await Promise.all([browser.gql(VERIFY, { code }), twin.gql(VERIFY, { code })]);
    const signedIn = answers.filter((a) => a.data?.verifySecondFactor?.status === 'SIGNED_IN');
    assert.equal(signedIn.length, 1, `exactly one sign-in: ${JSON.stringify(answers)}`);
    const refused = answers.find((a) => a !== signedIn[0])!;
    assert.ok(['INVALID_CODE', 'UNAUTHENTICATED'].includes(Browser.code(refused)!), JSON.stringify(refused));
    const rows = await tp.portal.app.ds.getRepository(SmsCode).findBy({ accountId: account.id, purpose: 'LOGIN' });
    assert.equal(rows.length, 1);
    assert.ok(rows[0].usedAt, 'the code is used up');
  });

  it('refuses a login code after 10 minutes; a new one can be asked for', async () => {
    const { browser, mobile, code } = await atSecondStep();
    tp.clock.advanceMinutes(11);
    assert.equal(Browser.code(await browser.gql(VERIFY, { code })), 'INVALID_CODE');
    const fresh = await withSmsCode(tp, mobile.e164, () => browser.gql(SEND_LOGIN_CODE));
    assert.deepEqual(fresh.result.data, { sendLoginCodeBySms: true });
    assert.notEqual(fresh.code, code);
    assert.equal(ok(await browser.gql(VERIFY, { code: fresh.code })).verifySecondFactor.status, 'SIGNED_IN');
  });

  it('binds a login code to its login: the code of login A does not work in login B', async () => {
    const a = await atSecondStep();
    const b = await withSmsCode(tp, a.mobile.e164, () => enterPassword(tp, a.account, PASSWORD));
    assert.notEqual(b.code, a.code);
    assert.equal(Browser.code(await b.result.browser.gql(VERIFY, { code: a.code })), 'INVALID_CODE', 'A\'s code in B');
    assert.equal(ok(await b.result.browser.gql(VERIFY, { code: b.code })).verifySecondFactor.status, 'SIGNED_IN');
    assert.equal(ok(await a.browser.gql(VERIFY, { code: a.code })).verifySecondFactor.status, 'SIGNED_IN', 'A\'s code still works in A');
  });

  it('kills a code after 5 wrong entries; 4 wrong entries leave it working', async () => {
    const { account, browser } = await signedIn(tp, PASSWORD);
    const mobile = uniqueMobile();
    const first = await withSmsCode(tp, mobile.e164, () => browser.gql(START_SMS, { mobileNumber: mobile.input }));
    for (let i = 0; i < 5; i++) assert.equal(Browser.code(await browser.gql(CONFIRM_SMS, { code: otherCode(first.code) })), 'INVALID_CODE', `wrong entry ${i + 1}`);
    assert.equal(Browser.code(await browser.gql(CONFIRM_SMS, { code: first.code })), 'INVALID_CODE', 'the right code after 5 wrong entries');
    const dead = await tp.portal.app.ds.getRepository(SmsCode).findOneByOrFail({ accountId: account.id });
    assert.equal(dead.attempts, 5);
    assert.ok(dead.usedAt);

    const second = await withSmsCode(tp, mobile.e164, () => browser.gql(START_SMS, { mobileNumber: mobile.input }));
    for (let i = 0; i < 4; i++) assert.equal(Browser.code(await browser.gql(CONFIRM_SMS, { code: otherCode(second.code) })), 'INVALID_CODE');
    assert.equal(ok(await browser.gql(CONFIRM_SMS, { code: second.code })).confirmSmsVerification.codes.length, 10);
  });

  it('sends at most 5 SMS per number per 10 minutes, whatever their purpose (RATE_LIMITED), then again', async () => {
    const { browser, mobile, code } = await atSecondStep(); // the setup SMS and the login SMS are the first two
    for (let i = 3; i <= 4; i++) assert.deepEqual((await browser.gql(SEND_LOGIN_CODE)).data, { sendLoginCodeBySms: true }, `SMS ${i}`);
    const fifth = await withSmsCode(tp, mobile.e164, () => browser.gql(SEND_LOGIN_CODE));
    assert.deepEqual(fifth.result.data, { sendLoginCodeBySms: true });
    const limited = await browser.gql(SEND_LOGIN_CODE);
    assert.equal(Browser.code(limited), 'RATE_LIMITED');
    assert.equal(limited.data, null);
    await settleMail(tp);
    assert.equal(tp.sms.to(mobile.e164).length, 5, 'the setup SMS and 4 login SMS');
    assert.equal(Browser.code(await browser.gql(VERIFY, { code })), 'INVALID_CODE', 'a new code replaces the previous one');

    tp.clock.advance(10 * 60_000 - 1);
    assert.equal(Browser.code(await browser.gql(SEND_LOGIN_CODE)), 'RATE_LIMITED', 'still within 10 minutes');
    tp.clock.advance(1);
    const later = await withSmsCode(tp, mobile.e164, () => browser.gql(SEND_LOGIN_CODE));
    assert.deepEqual(later.result.data, { sendLoginCodeBySms: true });
    assert.equal(ok(await browser.gql(VERIFY, { code: later.code })).verifySecondFactor.status, 'SIGNED_IN');
  });

  it('needs the password within 5 minutes to change the phone; confirmPassword renews it', async () => {
    const { browser } = await signedIn(tp, PASSWORD);
    const loginAt = tp.clock.now();
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.passwordConfirmedUntil, new Date(loginAt.getTime() + 5 * 60_000).toISOString(), 'the login counts');
    tp.clock.advanceMinutes(5);
    const mobile = uniqueMobile();
    assert.equal(Browser.code(await browser.gql(START_SMS, { mobileNumber: mobile.input })), 'REAUTHENTICATION_REQUIRED');
    assert.equal(Browser.code(await browser.gql(START_TOTP)), 'REAUTHENTICATION_REQUIRED');
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.passwordConfirmedUntil, null);
    assert.equal(Browser.code(await browser.gql(CONFIRM_PASSWORD, { password: 'Niet-Het-Wachtwoord-1' })), 'INVALID_CREDENTIALS');
    assert.equal(Browser.code(await browser.gql(START_SMS, { mobileNumber: mobile.input })), 'REAUTHENTICATION_REQUIRED', 'a wrong password does not count');

    const until = ok(await browser.gql(CONFIRM_PASSWORD, { password: PASSWORD })).confirmPassword;
    assert.equal(until, new Date(tp.clock.now().getTime() + 5 * 60_000).toISOString());
    await settleMail(tp);
    assert.equal(tp.sms.to(mobile.e164).length, 0, 'nothing sent without the password');
    assert.deepEqual((await browser.gql(START_SMS, { mobileNumber: mobile.input })).data, { startSmsVerification: true });
    await tp.sms.waitFor(mobile.e164, 1);
  });

  it('refuses a malformed or non-mobile number as BAD_USER_INPUT on mobileNumber, sending nothing', async () => {
    const { browser } = await signedIn(tp, PASSWORD);
    await settleMail(tp);
    const before = tp.sms.messages.length;
    for (const mobileNumber of ['12345', '020 123 4567', '+31 6 1234', 'zes-een-twee', '']) {
      const response = await browser.gql(START_SMS, { mobileNumber });
      assert.equal(Browser.code(response), 'BAD_USER_INPUT', mobileNumber);
      assert.deepEqual(response.errors![0].extensions!.fields, [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }], mobileNumber);
    }
    await settleMail(tp);
    assert.equal(tp.sms.messages.length, before);
  });

  it('blanks the text of a delivered SMS in the outbox, so the code is not kept', async () => {
    const { mobile, code } = await atSecondStep();
    await settleMail(tp);
    const rows = await tp.portal.app.ds.getRepository(OutboxMessage).findBy({ channel: 'SMS', recipient: mobile.e164 });
    assert.equal(rows.length, 2, 'the setup SMS and the login SMS');
    for (const row of rows) {
      assert.ok(row.sentAt, 'delivered');
      assert.deepEqual([row.textBody, row.htmlBody, row.subject], ['', '', ''], 'nothing of the text is kept');
    }
    assert.ok(tp.sms.to(mobile.e164).at(-1)!.body.includes(code), 'while the SMS itself carried it');
  });
});
