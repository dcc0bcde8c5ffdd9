import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Role } from '../src/modules/account/account.enums.js';
import {
  clientWithDossier, CREATE_ACCOUNT, integration, ref, SET_PROGRESS, signedIn, totpUser, uniqueEmail, UPSERT_CLIENT, UPSERT_DOSSIER,
} from './factories.js';
import { Browser, HIGH_LIMITS, ok, settleMail, startPortal, tokenFrom, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const CREATE_TOKEN = 'mutation($name: String!, $scopes: [String!]!, $expiresAt: DateTimeISO) { createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) { secret token { id name scopes createdAt expiresAt lastUsedAt } } }';
const TOKENS = '{ apiTokens { id name scopes expiresAt lastUsedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) }';
const HOME = '{ home { dossiersTotal } }';
const DOSSIER = 'query($id: ID!) { dossier(id: $id) { id number closedAt status { code } } }';

describe('API tokens and what an integration may do', () => {
  let tp: TestPortal;
  let admin: Browser;
  before(async () => {
    tp = await startPortal(HIGH_LIMITS);
    ({ browser: admin } = await totpUser(tp, PASSWORD, { role: Role.ADMIN }));
  });
  after(async () => { await tp.close(); });

  const bearer = (secret: string) => new Browser(tp.url, { authorization: `Bearer ${secret}` });

  it('an admin creates a token: the secret is shown once, only its hash is stored; apiTokens shows lastUsedAt after use', async () => {
    const created = ok(await admin.gql(CREATE_TOKEN, { name: 'Zaaksysteem', scopes: ['dossiers:read', 'clients:write'] })).createApiToken;
    assert.match(created.secret, /^dpt_[A-Za-z0-9_-]{40,}$/);
    assert.deepEqual({ ...created.token, id: undefined, createdAt: undefined }, { id: undefined, createdAt: undefined, name: 'Zaaksysteem', scopes: ['dossiers:read', 'clients:write'], expiresAt: null, lastUsedAt: null });

    const rows = await tp.portal.app.sql.rows<Record<string, unknown>>('SELECT * FROM api_token WHERE id = ?', [created.token.id]);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(created.secret.slice(4)), 'the secret is not stored');
    assert.match(String(rows[0].tokenHash), /^[0-9a-f]{64}$/);
    const audit = await tp.portal.app.sql.rows<Record<string, unknown>>("SELECT * FROM audit_entry WHERE action = 'api-token.created'");
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes(created.secret.slice(4)), 'nor audited');

    const listed = ok(await admin.gql(TOKENS)).apiTokens.find((t: { id: string }) => t.id === created.token.id);
    assert.equal(listed.lastUsedAt, null);
    tp.clock.advanceMinutes(2);
    const usedAt = tp.clock.now().toISOString();
    assert.equal(ok(await bearer(created.secret).gql(HOME)).home.dossiersTotal, 0);
    assert.equal(ok(await admin.gql(TOKENS)).apiTokens.find((t: { id: string }) => t.id === created.token.id).lastUsedAt, usedAt);
    assert.equal(Browser.code(await admin.gql('{ apiTokens { id secret } }')), 'GRAPHQL_VALIDATION_FAILED', 'no secret field to read back');
  });

  it('revoked and expired tokens, unknown secrets and other schemes get 401 UNAUTHENTICATED', async () => {
    const revoked = ok(await admin.gql(CREATE_TOKEN, { name: 'Oud', scopes: ['dossiers:read'] })).createApiToken;
    assert.equal(ok(await bearer(revoked.secret).gql(HOME)).home.dossiersTotal, 0);
    assert.equal(ok(await admin.gql(REVOKE, { id: revoked.token.id })).revokeApiToken, true);
    const refused = await bearer(revoked.secret).gql(HOME);
    assert.equal(refused.status, 401);
    assert.equal(Browser.code(refused), 'UNAUTHENTICATED');
    assert.ok(!ok(await admin.gql(TOKENS)).apiTokens.some((t: { id: string }) => t.id === revoked.token.id), 'revoked tokens leave the list');
    assert.equal(Browser.code(await admin.gql(REVOKE, { id: revoked.token.id })), 'NOT_FOUND', 'revoking twice');

    const expiresAt = new Date(tp.clock.now().getTime() + 60 * 60_000).toISOString();
    const expiring = ok(await admin.gql(CREATE_TOKEN, { name: 'Tijdelijk', scopes: ['dossiers:read'], expiresAt })).createApiToken;
    assert.equal(expiring.token.expiresAt, expiresAt);
    assert.equal((await bearer(expiring.secret).gql(HOME)).status, 200);
    tp.clock.advanceMinutes(60);
    const expired = await bearer(expiring.secret).gql(HOME);
    assert.equal(expired.status, 401);
    assert.equal(Browser.code(expired), 'UNAUTHENTICATED');
    ({ browser: admin } = await totpUser(tp, PASSWORD, { role: Role.ADMIN })); // the admin's session ended idle meanwhile

    for (const authorization of ['Bearer dpt_unknownunknownunknownunknownunknown', `Bearer ${expiring.secret.slice(0, -1)}x`, 'Bearer', `Basic ${expiring.secret}`]) {
      const response = await new Browser(tp.url, { authorization }).gql(HOME);
      assert.equal(Browser.code(response), 'UNAUTHENTICATED', authorization);
    }
    const past = await admin.gql(CREATE_TOKEN, { name: 'Verleden', scopes: ['dossiers:read'], expiresAt: new Date(tp.clock.now().getTime() - 1000).toISOString() });
    assert.deepEqual(past.errors?.[0].extensions?.fields, [{ field: 'expiresAt', message: 'MUST_BE_IN_FUTURE' }]);
    assert.equal(Browser.code(await admin.gql(CREATE_TOKEN, { name: 'Alles', scopes: ['admin'] })), 'BAD_USER_INPUT');
    assert.equal(Browser.code(await admin.gql(CREATE_TOKEN, { name: 'Niets', scopes: [] })), 'BAD_USER_INPUT');
  });

  it('a token can do only what its scopes allow, and never manage tokens', async () => {
    const reader = bearer(ok(await admin.gql(CREATE_TOKEN, { name: 'Lezer', scopes: ['dossiers:read'] })).createApiToken.secret);
    const clients = bearer(ok(await admin.gql(CREATE_TOKEN, { name: 'Klanten', scopes: ['clients:write'] })).createApiToken.secret);
    const client = ok(await clients.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'Scope B.V.', isCompany: true } })).upsertClient;
    const dossierInput = { externalRef: ref('DOS'), number: '2026.9001', description: 'Scope', statusCode: 'IN_PROGRESS', clientIds: [client.id] };
    assert.equal(Browser.code(await reader.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'X', isCompany: false } })), 'FORBIDDEN');
    assert.equal(Browser.code(await clients.gql(UPSERT_DOSSIER, { input: dossierInput })), 'FORBIDDEN');
    assert.equal(Browser.code(await reader.gql(UPSERT_DOSSIER, { input: dossierInput })), 'FORBIDDEN');
    assert.equal(Browser.code(await clients.gql(HOME)), 'FORBIDDEN', 'reading dossiers needs dossiers:read');
    assert.equal(Browser.code(await reader.gql('mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }', { input: { dossierId: client.id, subject: 'x', body: 'y' } })), 'FORBIDDEN');
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM dossier WHERE number = '2026.9001'");
    assert.equal(Number(n), 0);
    for (const token of [reader, clients, await integration(tp)]) {
      assert.equal(Browser.code(await token.gql(TOKENS)), 'FORBIDDEN');
      assert.equal(Browser.code(await token.gql(CREATE_TOKEN, { name: 'Zelf', scopes: ['dossiers:read'] })), 'FORBIDDEN');
    }
  });

  it('non-admins get FORBIDDEN for token management: staff, clients', async () => {
    const { browser: staff } = await totpUser(tp, PASSWORD, { role: Role.STAFF });
    const { browser: client } = await signedIn(tp, PASSWORD, { role: Role.CLIENT });
    for (const browser of [staff, client]) {
      assert.equal(Browser.code(await browser.gql(TOKENS)), 'FORBIDDEN');
      assert.equal(Browser.code(await browser.gql(CREATE_TOKEN, { name: 'Mag niet', scopes: ['dossiers:read'] })), 'FORBIDDEN');
    }
    assert.equal(Browser.code(await new Browser(tp.url).gql(TOKENS)), 'UNAUTHENTICATED');
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM api_token WHERE name = 'Mag niet'");
    assert.equal(Number(n), 0);
  });

  it('upsertClient is idempotent on externalRef', async () => {
    const api = await integration(tp);
    const externalRef = ref('CL');
    const first = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef, name: 'Eerste Naam B.V.', isCompany: true } })).upsertClient;
    const second = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef, name: 'Nieuwe Naam B.V.', isCompany: true } })).upsertClient;
    assert.equal(second.id, first.id);
    assert.equal(second.name, 'Nieuwe Naam B.V.');
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM client WHERE externalRef = ?', [externalRef]);
    assert.equal(Number(n), 1);
    assert.equal(ok(await api.gql('query($r: String!) { clientByExternalRef(externalRef: $r) { id name } }', { r: externalRef })).clientByExternalRef.id, first.id);
    ok(await api.gql(CREATE_ACCOUNT, { input: { clientId: first.id, email: uniqueEmail(), displayName: 'Medewerker', role: 'COMPANY_MAIN', invite: false } }));
    const flip = await api.gql(UPSERT_CLIENT, { input: { externalRef, name: 'Nieuwe Naam B.V.', isCompany: false } });
    assert.deepEqual(flip.errors?.[0].extensions?.fields, [{ field: 'isCompany', message: 'HAS_ACCOUNTS' }]);
  });

  it('upsertDossier is idempotent on externalRef and replaces the grants; closing sets closedAt, reopening clears it', async () => {
    const api = await integration(tp);
    const a = await clientWithDossier(tp, api, PASSWORD);
    const b = await clientWithDossier(tp, api, PASSWORD);
    const input = { externalRef: ref('DOS'), number: '2026.9100', description: 'Gedeeld', statusCode: 'IN_PROGRESS', clientIds: [a.client.id] };
    // Two upserts of a new externalRef at once make one dossier.
    const [one, two] = await Promise.all([api.gql(UPSERT_DOSSIER, { input }), api.gql(UPSERT_DOSSIER, { input })]);
    assert.equal(ok(one).upsertDossier.id, ok(two).upsertDossier.id);
    const id = ok(one).upsertDossier.id;
    assert.equal(ok(await a.browser.gql(DOSSIER, { id })).dossier.number, '2026.9100');
    assert.equal(Browser.code(await b.browser.gql(DOSSIER, { id })), 'NOT_FOUND');

    const moved = ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, number: '2026.9101', statusCode: 'COMPLETED', clientIds: [b.client.id, b.client.id] } })).upsertDossier;
    assert.equal(moved.id, id);
    assert.equal(Browser.code(await a.browser.gql(DOSSIER, { id })), 'NOT_FOUND', 'grant of a revoked');
    const seen = ok(await b.browser.gql(DOSSIER, { id })).dossier;
    assert.deepEqual({ number: seen.number, status: seen.status.code }, { number: '2026.9101', status: 'COMPLETED' });
    assert.ok(seen.closedAt);
    const grants = await tp.portal.app.sql.rows<{ clientId: string }>('SELECT clientId FROM dossier_client WHERE dossierId = ?', [id]);
    assert.deepEqual(grants.map((g) => g.clientId), [b.client.id]);
    const reopened = ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [a.client.id, b.client.id] } })).upsertDossier;
    assert.equal(reopened.id, id);
    assert.equal(ok(await a.browser.gql(DOSSIER, { id })).dossier.closedAt, null);
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM dossier WHERE externalRef = ?', [input.externalRef]);
    assert.equal(Number(n), 1);
    assert.equal(ok(await api.gql('query($r: String!) { dossierByExternalRef(externalRef: $r) { id externalRef } }', { r: input.externalRef })).dossierByExternalRef.id, id);

    const bad = await api.gql(UPSERT_DOSSIER, { input: { ...input, statusCode: 'NOPE', clientIds: ['00000000-0000-4000-8000-000000000000'] } });
    assert.deepEqual(bad.errors?.[0].extensions?.fields, [{ field: 'statusCode', message: 'UNKNOWN_STATUS' }, { field: 'clientIds', message: 'UNKNOWN_CLIENT' }]);
  });

  it('setProgressSteps replaces the list; a step that stays done keeps its doneAt', async () => {
    const api = await integration(tp);
    const { browser, dossier } = await clientWithDossier(tp, api, PASSWORD);
    const first = ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [{ title: 'Intake', done: true }, { title: 'Concept', done: false }, { title: 'Passeren', done: false }] })).setProgressSteps;
    assert.deepEqual({ done: first.done, total: first.total }, { done: 1, total: 3 });
    const doneAt = first.steps[0].doneAt;
    tp.clock.advanceMinutes(5);
    const second = ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [{ title: 'Intake', done: true }, { title: 'Akte', done: true }] })).setProgressSteps;
    assert.deepEqual(second.steps.map((s: { title: string; done: boolean }) => [s.title, s.done]), [['Intake', true], ['Akte', true]]);
    assert.equal(second.steps[0].doneAt, doneAt);
    assert.equal(second.steps[1].doneAt, tp.clock.now().toISOString());
    assert.deepEqual(ok(await browser.gql('query($id: ID!) { dossier(id: $id) { progress { done total steps { title position } } } }', { id: dossier.id })).dossier.progress,
      { done: 2, total: 2, steps: [{ title: 'Intake', position: 0 }, { title: 'Akte', position: 1 }] });
    assert.deepEqual(ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [] })).setProgressSteps, { done: 0, total: 0, steps: [] });
    assert.equal(Browser.code(await api.gql(SET_PROGRESS, { dossierId: '00000000-0000-4000-8000-000000000000', steps: [] })), 'NOT_FOUND');
  });

  it('createAccount sends the invitation (unless invite is false); sendInvitation sends it again, only to accounts not yet active', async () => {
    const api = await integration(tp);
    const client = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'Uitnodiging B.V.', isCompany: true } })).upsertClient;
    const email = uniqueEmail('invite');
    const account = ok(await api.gql(CREATE_ACCOUNT, { input: { clientId: client.id, email, displayName: 'Ina Nodig', role: 'COMPANY_MAIN', language: 'EN' } })).createAccount;
    const [invitation] = await tp.mail.waitFor(email, 1);
    assert.match(invitation.subject, /^Your account for the client portal/);
    assert.ok(tokenFrom(invitation, 'activate'));

    const quiet = uniqueEmail('quiet');
    const later = ok(await api.gql(CREATE_ACCOUNT, { input: { clientId: client.id, email: quiet, displayName: 'Later', role: 'COMPANY_EXTRA', invite: false } })).createAccount;
    await settleMail(tp);
    assert.equal(tp.mail.to(quiet).length, 0);
    assert.equal(ok(await api.gql('mutation($id: ID!) { sendInvitation(accountId: $id) }', { id: later.id })).sendInvitation, true);
    const [sent] = await tp.mail.waitFor(quiet, 1);
    assert.match(sent.subject, /^Uw account voor het klantenportaal/);
    assert.equal(ok(await api.gql('mutation($id: ID!) { sendInvitation(accountId: $id) }', { id: account.id })).sendInvitation, true);
    await tp.mail.waitFor(email, 2);

    const active = await signedIn(tp, PASSWORD, { clientId: client.id, role: Role.COMPANY_EXTRA });
    const again = await api.gql('mutation($id: ID!) { sendInvitation(accountId: $id) }', { id: active.account.id });
    assert.deepEqual(again.errors?.[0].extensions?.fields, [{ field: 'accountId', message: 'ALREADY_ACTIVE' }]);
    assert.equal(Browser.code(await api.gql('mutation($id: ID!) { sendInvitation(accountId: $id) }', { id: '00000000-0000-4000-8000-000000000000' })), 'NOT_FOUND');
    const wrongRole = await api.gql(CREATE_ACCOUNT, { input: { clientId: client.id, email: uniqueEmail(), displayName: 'X', role: 'CLIENT' } });
    assert.deepEqual(wrongRole.errors?.[0].extensions?.fields, [{ field: 'role', message: 'ROLE_NOT_FOR_CLIENT' }]);
    const staff = await api.gql(CREATE_ACCOUNT, { input: { clientId: client.id, email: uniqueEmail(), displayName: 'X', role: 'ADMIN' } });
    assert.equal(Browser.code(staff), 'BAD_USER_INPUT', 'an integration cannot make admins');
  });
});

describe('API tokens: rate limit per token (API_TOKEN_LIMIT_PER_MINUTE=3)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...HIGH_LIMITS, API_TOKEN_LIMIT_PER_MINUTE: '3' }); });
  after(async () => { await tp.close(); });

  it('the 4th request within a minute is 429 RATE_LIMITED, for that token only, and it passes again a minute later', async () => {
    const busy = await integration(tp, ['dossiers:read']);
    const calm = await integration(tp, ['dossiers:read']);
    for (let i = 0; i < 3; i++) assert.equal((await busy.gql(HOME)).status, 200);
    const limited = await busy.gql(HOME);
    assert.equal(limited.status, 429);
    assert.equal(Browser.code(limited), 'RATE_LIMITED');
    assert.equal((await busy.get('/files/00000000-0000-4000-8000-000000000000')).status, 429, 'downloads count too');
    assert.equal((await calm.gql(HOME)).status, 200);
    tp.clock.advance(61_000);
    assert.equal((await busy.gql(HOME)).status, 200);
  });
});
