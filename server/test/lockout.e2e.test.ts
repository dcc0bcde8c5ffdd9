import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Account } from '../src/modules/account/account.entity.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { LoginFailure } from '../src/auth/login-failure.entity.js';
import { activeAccount, passwordLinkToken, reload, uniqueEmail } from './factories.js';
import { Browser, LOGIN, REQUEST_LINK, SET_PASSWORD, settleMail, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const NEW_PASSWORD = 'Tulpenveld-Brug-77';
const LOCK_SUBJECT = 'Uw toegang tot het klantenportaal is tijdelijk geblokkeerd';
const RESET_SUBJECT = 'Stel een nieuw wachtwoord in voor het klantenportaal';
const HIGH_LIMITS = { LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' };

const lockMails = (tp: TestPortal, account: Account) => tp.mail.to(account.email).filter((m) => m.subject === LOCK_SUBJECT);
const resetMails = (tp: TestPortal, account: Account) => tp.mail.to(account.email).filter((m) => m.subject === RESET_SUBJECT);

async function login(tp: TestPortal, identifier: string, password: string, browser = new Browser(tp.url)) {
  return browser.gql(LOGIN, { identifier, password });
}

/** `count` wrong passwords, each answered INVALID_CREDENTIALS; `gapMinutes` of fake time after each. */
async function fail(tp: TestPortal, account: Account, count: number, gapMinutes = 0): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await login(tp, account.email, `Fout-Wachtwoord-${i}`);
    assert.equal(Browser.code(response), 'INVALID_CREDENTIALS', `attempt ${i + 1}`);
    if (gapMinutes) tp.clock.advanceMinutes(gapMinutes);
  }
}

/** Counts calls of Passwords.verify (one argon2 verification each) while `work` runs. */
async function countVerifications<T>(tp: TestPortal, work: () => Promise<T>): Promise<{ result: T; calls: (string | null)[] }> {
  const passwords = tp.portal.app.passwords;
  const original = passwords.verify;
  const calls: (string | null)[] = [];
  passwords.verify = async function (hash, password) {
    calls.push(hash);
    return original.call(this, hash, password);
  };
  try {
    return { result: await work(), calls };
  } finally {
    delete (passwords as { verify?: unknown }).verify;
  }
}

async function setPasswordViaLink(tp: TestPortal, account: Account, password: string): Promise<Browser> {
  const browser = new Browser(tp.url);
  const set = await browser.gql(SET_PASSWORD, { token: await passwordLinkToken(tp, account.email), password });
  assert.equal(set.errors, undefined, JSON.stringify(set.errors));
  assert.equal(set.data?.setPassword.status, 'SIGNED_IN');
  return browser;
}

describe('lockout (SPEC §2.8)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  it('locks after 5 wrong passwords within 15 minutes, for 15 minutes, answering exactly like an unknown identifier', async () => {
    const account = await activeAccount(tp, PASSWORD);
    await fail(tp, account, 4, 2);
    assert.equal((await reload(tp, account)).lockedUntil, null, 'not locked after 4 failures');
    await fail(tp, account, 1);
    const lockedAt = tp.clock.now();
    const stored = await reload(tp, account);
    assert.equal(stored.lockedUntil?.getTime(), lockedAt.getTime() + 15 * 60_000, 'locked for 15 minutes');

    // The right password fails, by e-mail and by account number, and the answer is the one an unknown identifier gets.
    const browser = new Browser(tp.url);
    const { result: [locked, lockedByNumber, unknown], calls } = await countVerifications(tp, async () => [
      await login(tp, account.email, PASSWORD, browser),
      await login(tp, account.accountNumber, PASSWORD, browser),
      await login(tp, uniqueEmail('nobody'), PASSWORD, browser),
    ]);
    assert.equal(Browser.code(locked), 'INVALID_CREDENTIALS');
    assert.deepEqual(locked, unknown, 'locked account and unknown identifier give the same response');
    assert.deepEqual(lockedByNumber, unknown);
    assert.equal(locked.data, null);
    assert.equal(browser.sessionCookie, undefined, 'no session cookie');
    assert.equal(calls.length, 3, 'one argon2 verification per attempt, also for the unknown identifier');
    assert.equal(calls[2], null, 'the unknown identifier is verified against the dummy hash');

    // More failures during the lock: no second mail and the lock is not extended.
    await fail(tp, account, 3);
    await settleMail(tp);
    const mails = lockMails(tp, account);
    assert.equal(mails.length, 1, 'exactly one lock e-mail');
    assert.match(mails[0].text, /15 minuten/);
    assert.match(mails[0].text, /Wachtwoord vergeten/);
    assert.ok(mails[0].links.some((l) => l.startsWith(`${tp.url}/`)), 'the mail links to the portal');
    assert.equal((await reload(tp, account)).lockedUntil?.getTime(), stored.lockedUntil?.getTime(), 'lock not extended');

    tp.clock.advance(14 * 60_000 + 59_000);
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS', 'still locked just before 15 minutes');
    tp.clock.advance(1000);
    const unlocked = await login(tp, account.email, PASSWORD);
    assert.equal(unlocked.errors, undefined);
    assert.equal(unlocked.data?.login.status, 'SIGNED_IN', 'right password works after 15 minutes');
    const actions = (await tp.portal.app.ds.getRepository(AuditEntry).findBy({ targetId: account.id, action: 'account.locked' }));
    assert.equal(actions.length, 1, 'one account.locked audit entry');
    await settleMail(tp);
    assert.equal(lockMails(tp, account).length, 1, 'still one lock e-mail');
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    const account = await activeAccount(tp, PASSWORD);
    await fail(tp, account, 5, 4); // at 0, 4, 8, 12, 16 minutes: never 5 within 15 minutes
    const stored = await reload(tp, account);
    assert.equal(stored.lockedUntil, null);
    assert.equal(stored.consecutiveFailures, 5, 'the failures were counted');
    assert.equal((await login(tp, account.email, PASSWORD)).data?.login.status, 'SIGNED_IN');
    await settleMail(tp);
    assert.equal(lockMails(tp, account).length, 0, 'no lock e-mail');
    assert.equal((await reload(tp, account)).consecutiveFailures, 0, 'a success resets the counter');
  });

  it('lifts a lock at once when the password is set through a link', async () => {
    const account = await activeAccount(tp, PASSWORD);
    await fail(tp, account, 5);
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS', 'locked');
    await setPasswordViaLink(tp, account, NEW_PASSWORD);
    const stored = await reload(tp, account);
    assert.equal(stored.lockedUntil, null);
    assert.equal(stored.consecutiveFailures, 0);
    assert.equal(await tp.portal.app.ds.getRepository(LoginFailure).countBy({ accountId: account.id }), 0);
    // No clock movement: the lock is gone now, not in 15 minutes.
    assert.equal((await login(tp, account.email, NEW_PASSWORD)).data?.login.status, 'SIGNED_IN');
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS', 'the old password is gone');
  });

  it('charges every aliased login in one request as its own failure, so aliases cannot multiply guesses', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const guesses = [...Array.from({ length: 9 }, (_, i) => `Geraden-Wachtwoord-${i}`), PASSWORD];
    const aliased = `mutation { ${guesses.map((p, i) => `a${i + 1}: login(identifier: ${JSON.stringify(account.email)}, password: ${JSON.stringify(p)}) { status }`).join(' ')} }`;
    const browser = new Browser(tp.url);

    // One request with 10 aliases: every password the server checks is charged as a failure. (login returns
    // AuthResult!, so graphql-js stops a mutation at the first failed alias: today one request checks one guess.)
    const first = await countVerifications(tp, () => browser.gql(aliased));
    assert.equal(first.result.status, 200);
    assert.equal(first.result.data, null, 'nothing signed in');
    assert.equal(browser.sessionCookie, undefined);
    assert.ok(first.result.errors?.length, 'errors returned');
    assert.ok(first.result.errors!.every((e) => e.extensions?.code === 'INVALID_CREDENTIALS'));
    assert.ok(first.calls.length >= 1 && first.calls.length <= 10);
    assert.equal(first.result.errors!.length, first.calls.length, 'one error per password checked');
    assert.equal((await reload(tp, account)).consecutiveFailures, first.calls.length, 'each checked alias counted as one failure');

    // Keep sending the same request until ten aliased guesses were checked: then the account is locked.
    let checked = first.calls.length;
    for (let request = 2; checked < 10; request++) {
      assert.ok(request <= 10, 'every request checks at least one guess');
      const next = await countVerifications(tp, () => browser.gql(aliased));
      assert.equal(next.result.data, null);
      assert.equal(next.result.errors!.length, next.calls.length);
      checked += next.calls.length;
    }
    const stored = await reload(tp, account);
    assert.equal(stored.consecutiveFailures, checked, 'guesses checked = failures counted');
    const failedAudit = await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id, action: 'login.failed' });
    assert.equal(failedAudit, checked, 'one login.failed audit entry per checked guess');
    assert.ok(stored.lockedUntil && stored.lockedUntil > tp.clock.now(), 'account locked');
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS', 'the right password fails while locked');
    await settleMail(tp);
    assert.equal(lockMails(tp, account).length, 1, 'one lock e-mail');
  });

  it('counts concurrent wrong passwords one after another: one lock, one e-mail', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(tp, account.email, `Parallel-Fout-${i}`)));
    assert.deepEqual(responses.map((r) => Browser.code(r)), Array(12).fill('INVALID_CREDENTIALS'), 'no request failed otherwise');
    const stored = await reload(tp, account);
    assert.equal(stored.consecutiveFailures, 12, 'no failure lost');
    assert.ok(stored.lockedUntil && stored.lockedUntil > tp.clock.now(), 'locked');
    await settleMail(tp);
    assert.equal(lockMails(tp, account).length, 1, 'one lock e-mail');
    assert.equal(await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id, action: 'account.locked' }), 1);
  });

  it('refuses batched HTTP requests without trying any password', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const operation = (password: string) => ({ query: LOGIN, variables: { identifier: account.email, password } });
    const { result: response, calls } = await countVerifications(tp, () => fetch(`${tp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([operation('Fout-1-Wachtwoord'), operation('Fout-2-Wachtwoord'), operation(PASSWORD)]),
    }));
    assert.equal(response.status, 400);
    const body = await response.json() as { errors?: { message: string }[]; data?: unknown };
    assert.ok(!Array.isArray(body), 'not answered per operation');
    assert.match(body.errors?.[0]?.message ?? '', /batching/i);
    assert.equal(response.headers.getSetCookie().length, 0, 'no session cookie');
    assert.equal(calls.length, 0, 'no password checked');
    assert.equal((await reload(tp, account)).consecutiveFailures, 0);
    assert.equal(await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id }), 0, 'nothing audited about the account');
  });

  it('requires a password reset after 100 consecutive failures, with one e-mail saying so', async () => {
    const account = await activeAccount(tp, PASSWORD);
    assert.equal(tp.config.LOCKOUT_RESET_AFTER, 100);
    for (let round = 0; round < 20; round++) {
      // 5 failures lock the account; moving past the lock lets the next 5 count as fresh attempts.
      await fail(tp, account, 5);
      if (round < 19) {
        assert.equal((await reload(tp, account)).resetRequired, false, `no reset required after ${(round + 1) * 5} failures`);
        tp.clock.advanceMinutes(16);
      }
    }
    const stored = await reload(tp, account);
    assert.equal(stored.consecutiveFailures, 100);
    assert.equal(stored.resetRequired, true);
    await settleMail(tp);
    assert.equal(resetMails(tp, account).length, 1, 'one reset-required e-mail');
    assert.match(resetMails(tp, account)[0].text, /Wachtwoord vergeten/);
    assert.equal(lockMails(tp, account).length, 20, 'one lock e-mail per lock');

    // Past the last lock, the right password still fails; more failures send nothing new.
    tp.clock.advanceMinutes(16);
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS');
    tp.clock.advance(24 * 3_600_000);
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'INVALID_CREDENTIALS', 'a day later still');
    await fail(tp, account, 6);
    await settleMail(tp);
    assert.equal(resetMails(tp, account).length, 1, 'still one reset-required e-mail');
    assert.equal(lockMails(tp, account).length, 20, 'no lock e-mail while a reset is required');
    assert.equal(await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id, action: 'account.reset-required' }), 1);

    await setPasswordViaLink(tp, account, NEW_PASSWORD);
    const after = await reload(tp, account);
    assert.equal(after.resetRequired, false);
    assert.equal(after.consecutiveFailures, 0);
    assert.equal((await login(tp, account.email, NEW_PASSWORD)).data?.login.status, 'SIGNED_IN');
  });
});

describe('IP throttle on login and link requests', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ LOGIN_IP_LIMIT_PER_MINUTE: '3', LINK_IP_LIMIT_PER_15_MINUTES: '3' }); });
  after(async () => { await tp.close(); });

  it('answers RATE_LIMITED after LOGIN_IP_LIMIT_PER_MINUTE logins in a minute, and allows again a minute later', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const other = await activeAccount(tp, PASSWORD);
    assert.equal(Browser.code(await login(tp, account.email, 'Fout-Wachtwoord-1')), 'INVALID_CREDENTIALS');
    tp.clock.advance(20_000);
    assert.equal(Browser.code(await login(tp, uniqueEmail('nobody'), PASSWORD)), 'INVALID_CREDENTIALS');
    tp.clock.advance(20_000);
    assert.equal((await login(tp, other.email, PASSWORD)).data?.login.status, 'SIGNED_IN');

    const { result: limited, calls } = await countVerifications(tp, () => login(tp, account.email, PASSWORD));
    assert.equal(Browser.code(limited), 'RATE_LIMITED');
    assert.equal(limited.data, null);
    assert.equal(calls.length, 0, 'no password checked when throttled');
    assert.equal(Browser.code(await login(tp, other.email, PASSWORD)), 'RATE_LIMITED', 'per address, for every account');
    assert.equal((await reload(tp, account)).consecutiveFailures, 1, 'throttled attempts are not charged to the account');

    tp.clock.advance(20_000); // a minute after the first attempt: that one has left the window
    assert.equal((await login(tp, account.email, PASSWORD)).data?.login.status, 'SIGNED_IN');
    assert.equal(Browser.code(await login(tp, account.email, PASSWORD)), 'RATE_LIMITED', 'the other two still count');
    tp.clock.advanceMinutes(1);
    assert.equal((await login(tp, account.email, PASSWORD)).data?.login.status, 'SIGNED_IN');
  });

  it('answers RATE_LIMITED after LINK_IP_LIMIT_PER_15_MINUTES link requests, and allows again after 15 minutes', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const browser = new Browser(tp.url);
    for (let i = 0; i < 3; i++) {
      assert.equal((await browser.gql(REQUEST_LINK, { email: account.email })).data?.requestPasswordLink, true, `request ${i + 1}`);
      tp.clock.advanceMinutes(1);
    }
    await tp.mail.waitFor(account.email, 3);
    const limited = await browser.gql(REQUEST_LINK, { email: account.email });
    assert.equal(Browser.code(limited), 'RATE_LIMITED');
    assert.equal(Browser.code(await browser.gql(REQUEST_LINK, { email: uniqueEmail('nobody') })), 'RATE_LIMITED', 'also for unknown addresses');
    assert.equal(Browser.code(await browser.gql('mutation { openInvitation(token: "x") }')), 'RATE_LIMITED', 'invitation links share the limit');
    assert.equal((await login(tp, account.email, PASSWORD)).data?.login.status, 'SIGNED_IN', 'login has its own limit');
    await settleMail(tp);
    assert.equal(tp.mail.to(account.email).length, 3, 'no mail for the throttled request');

    tp.clock.advanceMinutes(11); // 14 minutes after the first request
    assert.equal(Browser.code(await browser.gql(REQUEST_LINK, { email: account.email })), 'RATE_LIMITED');
    tp.clock.advanceMinutes(1); // 15 minutes after the first request
    assert.equal((await browser.gql(REQUEST_LINK, { email: account.email })).data?.requestPasswordLink, true);
    await tp.mail.waitFor(account.email, 4);
    assert.equal(await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id, action: 'password-link.sent' }), 4);
  });
});
