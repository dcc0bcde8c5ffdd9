import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RecoveryCode } from '../src/auth/recovery-code.entity.js';
import { Role } from '../src/modules/account/account.enums.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import {
  activeAccount, enterPassword, nextTotpCode, passwordLinkToken, reload, setUpTotp, signedIn, smsUser, totpUser, twoFactorNotices, uniqueMobile,
} from './factories.js';
import {
  AUTH_STATE, Browser, HIGH_LIMITS, me, MY_TWO_FACTOR, ok, SET_PASSWORD, settleMail, START_SMS, START_TOTP, startPortal, UPDATE_SETTINGS, VERIFY,
  type TestPortal,
} from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const NEW_PASSWORD = 'Tulpenveld-Brug-77';
const RESET = 'mutation($id: ID!) { resetTwoFactor(accountId: $id) { id twoFactorMethod } }';
const REMINDER = 'mutation($n: String!) { requestEmailReminder(mobileNumber: $n) }';

describe('two-step policy: required roles, e-mailed links, admin reset, e-mail reminder', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  it('leads a STAFF account to set up 2-step before anything else; the setup upgrades the session', async () => {
    const account = await activeAccount(tp, PASSWORD, { role: Role.STAFF });
    const { browser, result } = await enterPassword(tp, account, PASSWORD);
    assert.deepEqual(result, { status: 'TWO_FACTOR_SETUP_REQUIRED', secondFactor: null, smsAvailable: null, maskedMobileNumber: null, account: null });
    const restricted = browser.sessionCookie!;
    assert.equal(await me(browser), null, 'me is null during the setup');
    assert.equal(Browser.code(await browser.gql(UPDATE_SETTINGS, { input: { language: 'EN' } })), 'TWO_FACTOR_SETUP_REQUIRED');
    assert.equal(Browser.code(await browser.gql('mutation { markFirstLoginDone { id } }')), 'TWO_FACTOR_SETUP_REQUIRED');
    const state = ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor;
    assert.deepEqual([state.method, state.required], ['NONE', true], 'the setup operations work');

    await setUpTotp(tp, browser);
    assert.ok(browser.sessionCookie && browser.sessionCookie !== restricted, 'a new session cookie');
    assert.equal((await me(browser))?.email, account.email, 'me works');
    assert.equal(ok(await browser.gql(AUTH_STATE)).authState.status, 'SIGNED_IN');
    assert.ok(ok(await browser.gql(UPDATE_SETTINGS, { input: { language: 'EN' } })).updateMySettings);
    assert.equal(await me(new Browser(tp.url).setCookie(browser.sessionCookieName!, restricted)), null, 'the setup-stage token is over');
  });

  it('asks the second step after an e-mailed set-password link: the link proves the mailbox, not the phone', async () => {
    const { account, secret } = await totpUser(tp, PASSWORD);
    const browser = new Browser(tp.url);
    const set = ok(await browser.gql(SET_PASSWORD, { token: await passwordLinkToken(tp, account.email), password: NEW_PASSWORD })).setPassword;
    assert.deepEqual(set, { status: 'SECOND_FACTOR_REQUIRED', account: null });
    assert.equal(await me(browser), null);
    assert.equal(ok(await browser.gql(VERIFY, { code: nextTotpCode(tp, secret) })).verifySecondFactor.status, 'SIGNED_IN');
    assert.equal((await me(browser))?.email, account.email);
  });

  it('lets only an admin reset 2-step: the target\'s sessions end, it is audited and announced, and setup is asked again', async () => {
    const admin = await totpUser(tp, PASSWORD, { role: Role.ADMIN });
    const target = await smsUser(tp, PASSWORD, { role: Role.STAFF });
    const client = await signedIn(tp, PASSWORD);
    assert.equal(Browser.code(await client.browser.gql(RESET, { id: target.account.id })), 'FORBIDDEN', 'a client');
    assert.equal(Browser.code(await target.browser.gql(RESET, { id: target.account.id })), 'FORBIDDEN', 'staff');
    assert.equal((await reload(tp, target.account)).twoFactorMethod, 'SMS');
    assert.ok((await reload(tp, target.account)).mobileVerifiedAt);
    assert.equal(Browser.code(await admin.browser.gql(RESET, { id: randomUUID() })), 'NOT_FOUND', 'an unknown id');

    assert.deepEqual(ok(await admin.browser.gql(RESET, { id: target.account.id })).resetTwoFactor, { id: target.account.id, twoFactorMethod: 'NONE' });
    assert.equal(await me(target.browser), null, 'the target\'s session has ended');
    assert.equal(await tp.portal.app.ds.getRepository(RecoveryCode).countBy({ accountId: target.account.id }), 0, 'its recovery codes are gone');
    assert.equal((await reload(tp, target.account)).mobileVerifiedAt, null, 'a number on file no longer counts as confirmed (the phone may be lost)');
    const audit = await tp.portal.app.ds.getRepository(AuditEntry).findBy({ action: 'two-factor.reset' });
    assert.deepEqual(audit.map((a) => [a.actorId, a.targetId]), [[admin.account.id, target.account.id]]);
    await settleMail(tp);
    assert.match(twoFactorNotices(tp, target.account.email).at(-1)!.text, /Een beheerder heeft uw 2-staps verificatie opnieuw ingesteld/);

    const { result } = await enterPassword(tp, target.account, PASSWORD);
    assert.equal(result.status, 'TWO_FACTOR_SETUP_REQUIRED', 'the role requires it: set up again at the next login');
    assert.equal((await me(admin.browser))?.email, admin.account.email, 'the admin stays signed in');
  });

  it('tells the login address by SMS to the one account with that number, and answers the same for an unknown number', async () => {
    const known = uniqueMobile();
    const account = await activeAccount(tp, PASSWORD, { mobileNumber: known.e164 });
    const unknown = uniqueMobile();
    const shared = uniqueMobile();
    await activeAccount(tp, PASSWORD, { mobileNumber: shared.e164 });
    await activeAccount(tp, PASSWORD, { mobileNumber: shared.e164 });

    const answers = [];
    for (const number of [known, unknown, shared]) answers.push(await new Browser(tp.url).gql(REMINDER, { n: number.input }));
    for (const answer of answers) assert.deepEqual(answer, { data: { requestEmailReminder: true }, status: 200 }, 'the same answer');
    const [sms] = await tp.sms.waitFor(known.e164);
    assert.equal(sms.body, `U logt in op het klantenportaal van Notariskantoor Demo met het e-mailadres ${account.email}.`);
    await settleMail(tp);
    assert.equal(tp.sms.to(unknown.e164).length, 0, 'no SMS to an unknown number');
    assert.equal(tp.sms.to(shared.e164).length, 0, 'no SMS when several accounts have the number');
    assert.deepEqual(
      (await new Browser(tp.url).gql(REMINDER, { n: '020 123 4567' })).errors?.[0].extensions,
      { code: 'BAD_USER_INPUT', fields: [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }] },
    );
  });
});

describe('two-step policy with TWO_FACTOR_REQUIRED_ROLES empty', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...HIGH_LIMITS, TWO_FACTOR_REQUIRED_ROLES: '' }); });
  after(async () => { await tp.close(); });

  it('signs STAFF and ADMIN in directly', async () => {
    for (const role of [Role.STAFF, Role.ADMIN]) {
      const account = await activeAccount(tp, PASSWORD, { role });
      const { browser, result } = await enterPassword(tp, account, PASSWORD);
      assert.equal(result.status, 'SIGNED_IN', role);
      assert.equal((await me(browser))?.email, account.email, role);
      assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.required, false, role);
    }
  });
});

describe('two-step policy with SMS_ALLOWED=false', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...HIGH_LIMITS, SMS_ALLOWED: 'false' }); });
  after(async () => { await tp.close(); });

  it('refuses SMS setup (FORBIDDEN) and sends no SMS at all; the authenticator app still works', async () => {
    const { browser } = await signedIn(tp, PASSWORD);
    const mobile = uniqueMobile();
    await activeAccount(tp, PASSWORD, { mobileNumber: mobile.e164 }); // the one account a reminder would go to
    assert.equal(Browser.code(await browser.gql(START_SMS, { mobileNumber: mobile.input })), 'FORBIDDEN');
    assert.equal(Browser.code(await browser.gql(START_SMS, { mobileNumber: mobile.input, twoFactor: false })), 'FORBIDDEN');
    assert.deepEqual((await new Browser(tp.url).gql(REMINDER, { n: mobile.input })).data, { requestEmailReminder: true });
    assert.equal(ok(await new Browser(tp.url).gql('{ portalInfo { smsAllowed } }')).portalInfo.smsAllowed, false);
    assert.equal(ok(await browser.gql(MY_TWO_FACTOR)).myTwoFactor.smsAllowed, false);
    assert.ok(ok(await browser.gql(START_TOTP)).startTotpSetup.secret);
    await settleMail(tp);
    assert.equal(tp.sms.messages.length, 0, 'no SMS');
  });
});
