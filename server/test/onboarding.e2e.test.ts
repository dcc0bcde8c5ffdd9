import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { invitedAccount, uniqueEmail } from './factories.js';
import { Browser, LOGIN, ME, OPEN_INVITATION, REQUEST_LINK, SET_PASSWORD, startPortal, tokenFrom, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';

describe('onboarding: invitation → e-mail entry → set-password link → password set → confirmation', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(); });
  after(async () => { await tp.close(); });

  it('walks the three e-mails of SPEC §2 and signs the user in', async () => {
    const account = await invitedAccount(tp, { displayName: 'Anna Visser' });
    const [invitation] = await tp.mail.waitFor(account.email, 1);
    assert.match(invitation.subject, /Uw account voor het klantenportaal/);
    assert.match(invitation.text, /Anna Visser/);
    const inviteToken = tokenFrom(invitation, 'activate');
    assert.ok(Buffer.from(inviteToken, 'base64url').length >= 16, 'token carries at least 128 random bits');
    assert.ok(invitation.links.some((l) => l.startsWith(`${tp.url}/activate/`)), 'links use PUBLIC_URL');

    const browser = new Browser(tp.url);
    assert.equal((await browser.gql(OPEN_INVITATION, { token: inviteToken })).data?.openInvitation, 'VALID');
    assert.equal((await browser.gql(REQUEST_LINK, { email: account.email.toUpperCase() })).data?.requestPasswordLink, true);
    const mails = await tp.mail.waitFor(account.email, 2);
    assert.match(mails[1].subject, /Instellen wachtwoord/);
    const setToken = tokenFrom(mails[1], 'set-password');

    assert.equal((await browser.gql('query($t: String!) { passwordLinkState(token: $t) }', { t: setToken })).data?.passwordLinkState, 'VALID');
    const set = await browser.gql(SET_PASSWORD, { token: setToken, password: PASSWORD });
    assert.equal(set.errors, undefined);
    assert.equal(set.data?.setPassword.status, 'SIGNED_IN');
    assert.equal(set.data?.setPassword.account.firstLogin, true);
    assert.ok(set.data?.setPassword.account.activatedAt);
    assert.ok(browser.sessionCookie, 'session cookie set');

    const me = await browser.gql(ME);
    assert.equal(me.data?.me.email, account.email);
    const confirmation = await tp.mail.waitFor(account.email, 3);
    assert.match(confirmation[2].subject, /Uw wachtwoord is ingesteld/);

    // The invitation was made void by the newer link, the set-password link by its use.
    assert.equal((await browser.gql(OPEN_INVITATION, { token: inviteToken })).data?.openInvitation, 'INVALID');
    const reuse = await new Browser(tp.url).gql(SET_PASSWORD, { token: setToken, password: 'Andere-Zin-99' });
    assert.equal(Browser.code(reuse), 'LINK_INVALID');

    const done = await browser.gql('mutation { markFirstLoginDone { firstLogin } }');
    assert.equal(done.data?.markFirstLoginDone.firstLogin, false);

    const login = await new Browser(tp.url).gql(LOGIN, { identifier: account.accountNumber, password: PASSWORD });
    assert.equal(login.data?.login.status, 'SIGNED_IN', 'login by account number');

    const actions = (await tp.portal.app.ds.getRepository(AuditEntry).findBy({ targetId: account.id })).map((a) => a.action);
    for (const expected of ['invitation.sent', 'password-link.sent', 'password.set', 'account.activated', 'login.succeeded']) {
      assert.ok(actions.includes(expected), `audit has ${expected}: ${actions.join(', ')}`);
    }
  });

  it('answers the same for unknown and known addresses, and mails only the known one', async () => {
    const account = await invitedAccount(tp);
    await tp.mail.waitFor(account.email, 1);
    const unknown = uniqueEmail('unknown');
    const browser = new Browser(tp.url);
    const known = await browser.gql(REQUEST_LINK, { email: account.email });
    const missing = await browser.gql(REQUEST_LINK, { email: unknown });
    assert.deepEqual({ ...known, status: 0 }, { ...missing, status: 0 });
    assert.deepEqual(known, { data: { requestPasswordLink: true }, status: 200 });
    await tp.mail.waitFor(account.email, 2);
    await tp.portal.app.outbox.drain();
    assert.equal(tp.mail.to(unknown).length, 0);
  });

  it('renews an expired invitation automatically and expires set-password links after an hour', async () => {
    const account = await invitedAccount(tp);
    const [invitation] = await tp.mail.waitFor(account.email, 1);
    tp.clock.advance(7 * 24 * 3_600_000 + 1000);
    const browser = new Browser(tp.url);
    assert.equal((await browser.gql(OPEN_INVITATION, { token: tokenFrom(invitation, 'activate') })).data?.openInvitation, 'EXPIRED_RESENT');
    const mails = await tp.mail.waitFor(account.email, 2);
    assert.match(mails[1].subject, /Uw account voor het klantenportaal/);
    assert.equal((await browser.gql(OPEN_INVITATION, { token: tokenFrom(mails[1], 'activate') })).data?.openInvitation, 'VALID');
    assert.equal((await browser.gql(OPEN_INVITATION, { token: tokenFrom(invitation, 'activate') })).data?.openInvitation, 'INVALID', 'old invitation void');

    await browser.gql(REQUEST_LINK, { email: account.email });
    const [, , linkMail] = await tp.mail.waitFor(account.email, 3);
    const token = tokenFrom(linkMail, 'set-password');
    tp.clock.advance(60 * 60_000 + 1000);
    assert.equal((await browser.gql('query($t: String!) { passwordLinkState(token: $t) }', { t: token })).data?.passwordLinkState, 'EXPIRED');
    assert.equal(Browser.code(await browser.gql(SET_PASSWORD, { token, password: PASSWORD })), 'LINK_EXPIRED');
    assert.equal(Browser.code(await browser.gql(SET_PASSWORD, { token: 'not-a-token', password: PASSWORD })), 'LINK_INVALID');
  });

  it('lets a newer link void the older one', async () => {
    const account = await invitedAccount(tp);
    await tp.mail.waitFor(account.email, 1);
    const browser = new Browser(tp.url);
    await browser.gql(REQUEST_LINK, { email: account.email });
    await browser.gql(REQUEST_LINK, { email: account.email });
    const mails = await tp.mail.waitFor(account.email, 3);
    const [older, newer] = [tokenFrom(mails[1], 'set-password'), tokenFrom(mails[2], 'set-password')];
    assert.equal(Browser.code(await browser.gql(SET_PASSWORD, { token: older, password: PASSWORD })), 'LINK_INVALID');
    assert.equal((await browser.gql(SET_PASSWORD, { token: newer, password: PASSWORD })).data?.setPassword.status, 'SIGNED_IN');
  });
});
