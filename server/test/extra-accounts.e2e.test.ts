import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RecoveryCode } from '../src/auth/recovery-code.entity.js';
import { Session } from '../src/auth/session.entity.js';
import { Account } from '../src/modules/account/account.entity.js';
import { Role } from '../src/modules/account/account.enums.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { client, passwordLinkToken, signedIn, totpUser, uniqueEmail } from './factories.js';
import {
  Browser, HIGH_LIMITS, LOGIN, me, ok, OPEN_INVITATION, SET_PASSWORD, settleMail, startPortal, tokenFrom, UPDATE_SETTINGS, type TestPortal,
} from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const FIELDS = 'id email displayName role language mobileNumber';
const LIST = `{ extraAccounts { ${FIELDS} } }`;
const ONE = `query($id: ID!) { extraAccount(id: $id) { ${FIELDS} } }`;
const ADD = `mutation($input: ExtraAccountInput!) { addExtraAccount(input: $input) { ${FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeExtraAccount(id: $id) }';

describe('extra accounts of a company main account', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  /** The main account of a new company, signed in. */
  async function companyMain() {
    const company = await client(tp);
    return { company, ...(await signedIn(tp, PASSWORD, { role: Role.COMPANY_MAIN, clientId: company.id })) };
  }

  /** An extra account of `main`'s company added through the API; returns it as the API answered. */
  async function addExtra(main: { browser: Browser }, input: Record<string, unknown> = {}) {
    return ok(await main.browser.gql(ADD, { input: { displayName: 'Sanne Bakker', email: uniqueEmail('extra'), ...input } })).addExtraAccount;
  }

  it('adds an extra account of the same company, invites it by e-mail, lists it and reads it', async () => {
    const main = await companyMain();
    const email = uniqueEmail('Extra');
    const added = await addExtra(main, { email, displayName: '  Sanne Bakker ', language: 'EN', mobileNumber: '06 1234 5678' });
    assert.deepEqual({ ...added, id: undefined }, {
      id: undefined, email: email.toLowerCase(), displayName: 'Sanne Bakker', role: 'COMPANY_EXTRA', language: 'EN', mobileNumber: '+31612345678',
    });
    const stored = await tp.portal.app.ds.getRepository(Account).findOneByOrFail({ id: added.id });
    assert.equal(stored.clientId, main.company.id, 'the main account\'s company');
    assert.equal(stored.passwordHash, null);

    const [invitation] = await tp.mail.waitFor(email.toLowerCase());
    assert.match(invitation.subject, /^Your account for the client portal of/, 'in the extra account\'s language');
    assert.match(invitation.text, /Dear Sanne Bakker/);
    assert.ok(tokenFrom(invitation, 'activate'));

    assert.deepEqual(ok(await main.browser.gql(LIST)).extraAccounts, [added]);
    assert.deepEqual(ok(await main.browser.gql(ONE, { id: added.id })).extraAccount, added);
    const audit = await tp.portal.app.ds.getRepository(AuditEntry).findOneByOrFail({ action: 'extra-account.added', targetId: added.id });
    assert.equal(audit.actorId, main.account.id);
  });

  it('lets the extra account activate through its invitation; it may not manage extra accounts itself', async () => {
    const main = await companyMain();
    const added = await addExtra(main);
    const [invitation] = await tp.mail.waitFor(added.email);
    const browser = new Browser(tp.url);
    assert.equal(ok(await browser.gql(OPEN_INVITATION, { token: tokenFrom(invitation, 'activate') })).openInvitation, 'VALID');
    const set = ok(await browser.gql(SET_PASSWORD, { token: await passwordLinkToken(tp, added.email), password: PASSWORD })).setPassword;
    assert.equal(set.status, 'SIGNED_IN');
    assert.equal((await me(browser))?.email, added.email);

    for (const [query, variables] of [[LIST, {}], [ONE, { id: added.id }], [ADD, { input: { displayName: 'X', email: uniqueEmail() } }], [REMOVE, { id: added.id }]] as const) {
      const response = await browser.gql(query, variables);
      assert.equal(Browser.code(response), 'FORBIDDEN', query);
      assert.equal(response.data, null);
    }
    assert.deepEqual(ok(await main.browser.gql(LIST)).extraAccounts.map((a: { id: string }) => a.id), [added.id], 'nothing added or removed');
  });

  it('refuses other roles (FORBIDDEN) and anonymous requests (UNAUTHENTICATED)', async () => {
    const person = await client(tp, 'Jan de Vries', false);
    for (const spec of [{ role: Role.CLIENT, clientId: person.id }, { role: Role.CLIENT }, { role: Role.COMPANY_MAIN }]) {
      const { browser } = await signedIn(tp, PASSWORD, spec);
      assert.equal(Browser.code(await browser.gql(LIST)), 'FORBIDDEN', JSON.stringify(spec));
      assert.equal(Browser.code(await browser.gql(ADD, { input: { displayName: 'X', email: uniqueEmail() } })), 'FORBIDDEN', JSON.stringify(spec));
    }
    assert.equal(Browser.code(await new Browser(tp.url).gql(LIST)), 'UNAUTHENTICATED');
  });

  it('answers another company\'s extra account NOT_FOUND, exactly like an id that does not exist', async () => {
    const a = await companyMain();
    const b = await companyMain();
    const extraOfA = await addExtra(a);
    const missing = randomUUID();
    for (const query of [ONE, REMOVE]) {
      const foreign = await b.browser.gql(query, { id: extraOfA.id });
      assert.equal(Browser.code(foreign), 'NOT_FOUND', query);
      assert.deepEqual(foreign, await b.browser.gql(query, { id: missing }), 'the same response as for a random id');
    }
    assert.deepEqual(ok(await b.browser.gql(LIST)).extraAccounts, [], 'B sees none of A\'s');
    assert.deepEqual(ok(await a.browser.gql(ONE, { id: extraOfA.id })).extraAccount, extraOfA, 'still there for A');
    assert.equal(Browser.code(await a.browser.gql(ONE, { id: a.account.id })), 'NOT_FOUND', 'the main account is no extra account');
  });

  it('removes an extra account: its session ends at once and it is gone from the list', async () => {
    const main = await companyMain();
    const kept = await addExtra(main, { displayName: 'Anna Visser' });
    // With an authenticator and recovery codes: rows that must go with the account on both dialects.
    const extra = await totpUser(tp, PASSWORD, { role: Role.COMPANY_EXTRA, clientId: main.company.id, displayName: 'Bram Bakker' });
    assert.deepEqual(ok(await main.browser.gql(LIST)).extraAccounts.map((x: { id: string }) => x.id), [kept.id, extra.account.id], 'by name');
    assert.equal((await me(extra.browser))?.email, extra.account.email);

    assert.equal(ok(await main.browser.gql(REMOVE, { id: extra.account.id })).removeExtraAccount, true);
    assert.equal(await me(extra.browser), null, 'its next request has no session');
    assert.equal(Browser.code(await extra.browser.gql(UPDATE_SETTINGS, { input: { language: 'EN' } })), 'UNAUTHENTICATED');
    assert.deepEqual(ok(await main.browser.gql(LIST)).extraAccounts.map((x: { id: string }) => x.id), [kept.id]);
    assert.equal(Browser.code(await main.browser.gql(ONE, { id: extra.account.id })), 'NOT_FOUND');
    assert.equal(Browser.code(await main.browser.gql(REMOVE, { id: extra.account.id })), 'NOT_FOUND', 'removed once');
    assert.equal(await tp.portal.app.ds.getRepository(Account).countBy({ id: extra.account.id }), 0);
    assert.equal(await tp.portal.app.ds.getRepository(RecoveryCode).countBy({ accountId: extra.account.id }), 0);
    assert.equal(await tp.portal.app.ds.getRepository(Session).countBy({ accountId: extra.account.id }), 0);
    assert.equal(Browser.code(await new Browser(tp.url).gql(LOGIN, { identifier: extra.account.email, password: PASSWORD })), 'INVALID_CREDENTIALS');
    const audit = await tp.portal.app.ds.getRepository(AuditEntry).findOneByOrFail({ action: 'extra-account.removed', targetId: extra.account.id });
    assert.equal(audit.actorId, main.account.id);
  });

  it('refuses an e-mail address that already has an account (BAD_USER_INPUT, email EMAIL_TAKEN) and adds nothing', async () => {
    const main = await companyMain();
    const existing = await addExtra(main);
    await settleMail(tp);
    for (const email of [existing.email, existing.email.toUpperCase(), main.account.email]) {
      const response = await main.browser.gql(ADD, { input: { displayName: 'Nog Iemand', email } });
      assert.equal(Browser.code(response), 'BAD_USER_INPUT', email);
      assert.deepEqual(response.errors![0].extensions!.fields, [{ field: 'email', message: 'EMAIL_TAKEN' }], email);
    }
    const invalidMobile = await main.browser.gql(ADD, { input: { displayName: 'Nog Iemand', email: uniqueEmail(), mobileNumber: '020 123 4567' } });
    assert.deepEqual(invalidMobile.errors![0].extensions!.fields, [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }]);
    assert.deepEqual(ok(await main.browser.gql(LIST)).extraAccounts.map((a: { id: string }) => a.id), [existing.id]);
    await settleMail(tp);
    assert.equal(tp.mail.to(existing.email).length, 1, 'no second invitation');
  });
});
