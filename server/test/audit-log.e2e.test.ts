import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTransaction } from '../src/db/transaction.js';
import { csvCell } from '../src/http/audit-export.js';
import { Role } from '../src/modules/account/account.enums.js';
import {
  clientWithDossier, CREATE_ACCOUNT, integration, pdf, POST_MESSAGE, PUBLISH, SEND_MESSAGE, SET_PROGRESS, signedIn, totpUser, uniqueEmail,
} from './factories.js';
import { Browser, HIGH_LIMITS, LOGIN, ok, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const WRONG = 'Verkeerd-Wachtwoord-77';
const AUDIT = `query($after: String, $first: Int, $actorId: ID, $targetId: ID) {
  auditLog(after: $after, first: $first, actorId: $actorId, targetId: $targetId) { edges { cursor node { id at actorId action targetId ip detail } } pageInfo { hasNextPage endCursor } } }`;
const UNLOCK = 'mutation($id: ID!) { unlockAccount(accountId: $id) { id email } }';
const RESET_2FA = 'mutation($id: ID!) { resetTwoFactor(accountId: $id) { id twoFactorMethod } }';
const CREATE_TOKEN = 'mutation($name: String!, $scopes: [String!]!) { createApiToken(name: $name, scopes: $scopes) { secret token { id } } }';

interface Entry { id: string; at: string; actorId: string | null; action: string; targetId: string | null; ip: string | null; detail: string | null }

/** Every entry the filter admits, following pages of `first`. */
async function auditLog(reader: Browser, filter: { actorId?: string; targetId?: string } = {}, first = 100): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page = ok(await reader.gql(AUDIT, { ...filter, first, after })).auditLog as { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    entries.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return entries;
    after = page.pageInfo.endCursor;
  }
}

/** RFC 4180 parser for the test's own check of the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('audit log and administration', () => {
  let tp: TestPortal;
  let api: Browser;
  let admin: Awaited<ReturnType<typeof totpUser>>;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  let apiTokenId: string;
  const secrets: string[] = [PASSWORD, WRONG];
  const start = new Date('2026-03-02T09:00:00.000Z');

  before(async () => {
    tp = await startPortal({ ...HIGH_LIMITS, LOCKOUT_THRESHOLD: '3' });
    api = await integration(tp);
    secrets.push((api as unknown as { headers: { authorization: string } }).headers.authorization.slice('Bearer '.length));
    admin = await totpUser(tp, PASSWORD, { role: Role.ADMIN });
    secrets.push(admin.secret, ...admin.recoveryCodes);
    owner = await clientWithDossier(tp, api, PASSWORD);
    const [{ id }] = await tp.portal.app.sql.rows<{ id: string }>("SELECT id FROM api_token WHERE name = 'Test integration'");
    apiTokenId = id;
  });
  after(async () => { await tp.close(); });

  it('has a sample of every happening with actor, UTC time and IP, and never a secret', async () => {
    const { dossier, account, browser } = owner;
    // Office side, as a case-management tool: an account, progress, a published document, a message.
    const created = ok(await api.gql(CREATE_ACCOUNT, { input: { clientId: owner.client.id, email: uniqueEmail('extra'), displayName: 'Extra', role: 'COMPANY_EXTRA' } })).createAccount;
    ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [{ title: 'Intake', done: true }] }));
    const published = ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'DOCUMENT', title: 'Akte', file: null } }, { 'input.file': { name: 'akte.pdf', content: pdf() } })).publishDocument;
    const posted = ok(await api.gql(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Van kantoor', body: 'Hallo' } })).postMessage;
    // Client side: a message with an attachment, a download, a logout.
    const sent = ok(await browser.upload(SEND_MESSAGE, { input: { dossierId: dossier.id, subject: 'Stukken', body: 'Zie bijlage', attachments: [null] } }, { 'input.attachments.0': { name: 'a.pdf', content: pdf('a') } })).sendMessage;
    assert.equal((await browser.get(published.downloadUrl)).status, 200);
    ok(await browser.gql('mutation { logout }'));
    // Failures up to a lockout, unlocked by the admin.
    for (let i = 0; i < 3; i++) assert.equal(Browser.code(await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: WRONG })), 'INVALID_CREDENTIALS');
    assert.equal(Browser.code(await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: PASSWORD })), 'INVALID_CREDENTIALS', 'locked');
    ok(await admin.browser.gql(UNLOCK, { id: account.id }));
    const again = new Browser(tp.url);
    assert.equal(ok(await again.gql(LOGIN, { identifier: account.email, password: PASSWORD })).login.status, 'SIGNED_IN', 'unlocked');
    // Admin: tokens, a 2-step reset (which ends the user's sessions).
    const token = ok(await admin.browser.gql(CREATE_TOKEN, { name: 'SIEM', scopes: ['audit:read'] })).createApiToken;
    secrets.push(token.secret);
    ok(await admin.browser.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: token.token.id }));
    const twoStep = await totpUser(tp, PASSWORD, { role: Role.CLIENT });
    secrets.push(twoStep.secret, ...twoStep.recoveryCodes);
    ok(await admin.browser.gql(RESET_2FA, { id: twoStep.account.id }));

    const entries = await auditLog(admin.browser);
    const adminId = admin.account.id;
    const samples: [string, string | null, string | null][] = [
      ['client.created', apiTokenId, owner.client.id],
      ['dossier.created', apiTokenId, dossier.id],
      ['account.created', apiTokenId, created.id],
      ['dossier.progress-set', apiTokenId, dossier.id],
      ['document.uploaded', apiTokenId, published.id],
      ['message.sent', apiTokenId, posted.id],
      ['message.sent', account.id, sent.id],
      ['document.uploaded', account.id, sent.attachments[0].id],
      ['document.downloaded', account.id, published.id],
      ['login.succeeded', account.id, account.id],
      ['logout', account.id, account.id],
      ['session.ended', account.id, account.id],
      ['login.failed', null, account.id],
      ['account.locked', null, account.id],
      ['account.unlocked', adminId, account.id],
      ['two-factor.enabled', adminId, adminId],
      ['api-token.created', adminId, token.token.id],
      ['api-token.revoked', adminId, token.token.id],
      ['two-factor.reset', adminId, twoStep.account.id],
      ['session.ended', twoStep.account.id, twoStep.account.id],
    ];
    for (const [action, actorId, targetId] of samples) {
      const entry = entries.find((e) => e.action === action && e.actorId === actorId && e.targetId === targetId);
      assert.ok(entry, `audited: ${action} by ${actorId} on ${targetId}`);
      assert.match(entry.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'UTC time');
      assert.ok(new Date(entry.at) >= start && new Date(entry.at) <= tp.clock.now());
      assert.match(entry.ip ?? '', /127\.0\.0\.1|::1/, `${action} has the client's IP`);
    }
    // No secret anywhere in the log (all columns of all rows, straight from the database).
    const rows = await tp.portal.app.sql.rows<Record<string, unknown>>('SELECT * FROM audit_entry');
    assert.ok(rows.length >= samples.length);
    const dump = JSON.stringify(rows);
    for (const secret of secrets) assert.ok(!dump.includes(secret), `secret ${secret.slice(0, 4)}… not in the audit log`);
  });

  it('filters by actor and target, pages newest first, and refuses bad input', async () => {
    const all = await auditLog(admin.browser);
    const keys = all.map((e) => [e.at, e.id].join(' '));
    assert.deepEqual(keys, [...keys].sort().reverse(), 'newest first, ids break ties');
    const byThree = await auditLog(admin.browser, {}, 3);
    assert.deepEqual(byThree.map((e) => e.id), all.map((e) => e.id));
    const mine = await auditLog(admin.browser, { actorId: owner.account.id }, 2);
    assert.ok(mine.length >= 4 && mine.every((e) => e.actorId === owner.account.id));
    assert.deepEqual(mine.map((e) => e.id), all.filter((e) => e.actorId === owner.account.id).map((e) => e.id));
    const onDossier = await auditLog(admin.browser, { targetId: owner.dossier.id });
    assert.deepEqual(onDossier.map((e) => e.id), all.filter((e) => e.targetId === owner.dossier.id).map((e) => e.id));
    assert.ok(onDossier.length >= 2);
    const both = await auditLog(admin.browser, { actorId: apiTokenId, targetId: owner.dossier.id });
    assert.deepEqual(both.map((e) => e.action).sort(), ['dossier.created', 'dossier.progress-set']);
    assert.equal(Browser.code(await admin.browser.gql(AUDIT, { actorId: 'nope' })), 'BAD_USER_INPUT');
    assert.equal(Browser.code(await admin.browser.gql(AUDIT, { first: 101 })), 'BAD_USER_INPUT');
    assert.equal(Browser.code(await admin.browser.gql(AUDIT, { after: 'garbage' })), 'BAD_USER_INPUT');
  });

  it('is for admins (and tokens with audit:read) only; unlockAccount for admins only', async () => {
    const staff = await totpUser(tp, PASSWORD, { role: Role.STAFF });
    const { browser: clientBrowser } = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    for (const reader of [clientBrowser, staff.browser, api]) {
      const refused = await reader.gql(AUDIT);
      assert.equal(Browser.code(refused), 'FORBIDDEN');
      assert.equal(refused.data, null);
      assert.equal(Browser.code(await reader.gql(UNLOCK, { id: owner.account.id })), 'FORBIDDEN');
    }
    assert.equal(Browser.code(await new Browser(tp.url).gql(AUDIT)), 'UNAUTHENTICATED');
    const auditor = await integration(tp, ['audit:read']);
    assert.ok(ok(await auditor.gql(AUDIT, { first: 1 })).auditLog.edges.length === 1);
    assert.equal(Browser.code(await auditor.gql(UNLOCK, { id: owner.account.id })), 'FORBIDDEN');
    assert.equal(Browser.code(await admin.browser.gql(UNLOCK, { id: '00000000-0000-4000-8000-000000000000' })), 'NOT_FOUND');
  });

  it('exports a period as CSV and as JSON lines, escaped against formulas; admins and audit:read tokens only', async () => {
    const { app } = tp.portal;
    tp.clock.advance(60_000);
    const from = tp.clock.now();
    await inTransaction(app, (m) => app.audit.record(m, { action: '=HYPERLINK("http://x","y")', actorId: owner.account.id, ip: '-1+1', detail: { note: 'a,"b"\nc' } }));
    tp.clock.advance(1000);
    await inTransaction(app, (m) => app.audit.record(m, { action: 'test.second', ip: '@SUM(1)' }));
    tp.clock.advance(1000);
    const to = tp.clock.now();
    await inTransaction(app, (m) => app.audit.record(m, { action: 'test.outside', ip: '127.0.0.1' }));
    const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;

    const csv = await admin.browser.get(`/admin/audit-log/export?${query}&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="?audit-log_[0-9T-]+Z_[0-9T-]+Z\.csv"?$/);
    const table = parseCsv(await csv.text());
    assert.deepEqual(table[0], ['id', 'at', 'actorId', 'action', 'targetId', 'ip', 'detail']);
    assert.deepEqual(table.slice(1).map((r) => [r[1], r[2], r[3], r[5], r[6]]), [
      [from.toISOString(), owner.account.id, `'=HYPERLINK("http://x","y")`, "'-1+1", '{"note":"a,\\"b\\"\\nc"}'],
      [new Date(from.getTime() + 1000).toISOString(), '', 'test.second', "'@SUM(1)", ''],
    ]);

    const jsonl = await admin.browser.get(`/admin/audit-log/export?${query}&format=jsonl`);
    assert.equal(jsonl.status, 200);
    assert.match(jsonl.headers.get('content-disposition') ?? '', /^attachment; filename="?audit-log_[0-9T-]+Z_[0-9T-]+Z\.jsonl"?$/);
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as Entry);
    assert.deepEqual(lines.map((l) => [l.at, l.action, l.ip]), [
      [from.toISOString(), '=HYPERLINK("http://x","y")', '-1+1'],
      [new Date(from.getTime() + 1000).toISOString(), 'test.second', '@SUM(1)'],
    ]);

    // A whole day of this test's activity, in batches, is every entry of the period exactly once.
    const day = await admin.browser.get(`/admin/audit-log/export?from=2026-03-01&to=${encodeURIComponent(from.toISOString())}&format=jsonl`);
    const dayIds = (await day.text()).trim().split('\n').map((l) => (JSON.parse(l) as Entry).id);
    const [{ n }] = await app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entry WHERE at < ?', [from]);
    assert.equal(dayIds.length, Number(n));
    assert.equal(new Set(dayIds).size, dayIds.length);

    assert.equal((await new Browser(tp.url).get(`/admin/audit-log/export?${query}`)).status, 401);
    const { browser: clientBrowser } = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    assert.equal((await clientBrowser.get(`/admin/audit-log/export?${query}`)).status, 403);
    assert.equal((await api.get(`/admin/audit-log/export?${query}`)).status, 403, 'token without audit:read');
    const auditor = await integration(tp, ['audit:read']);
    assert.equal((await auditor.get(`/admin/audit-log/export?${query}&format=jsonl`)).status, 200);
    const bad = await admin.browser.get(`/admin/audit-log/export?from=yesterday&to=${encodeURIComponent(to.toISOString())}&format=xls`);
    assert.equal(bad.status, 400);
    assert.deepEqual(((await bad.json()) as { errors: { extensions: { fields: { field: string }[] } }[] }).errors[0].extensions.fields.map((f: { field: string }) => f.field), ['from', 'format']);
    const exports = (await auditLog(admin.browser, { actorId: admin.account.id })).filter((e) => e.action === 'audit-log.exported');
    assert.ok(exports.length >= 3, 'exports are audited');
  });

  it('escapes CSV cells (RFC 4180) and neutralises formulas', () => {
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    for (const formula of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) assert.ok(csvCell(formula).replace(/^"/, '').startsWith("'"), formula);
    assert.equal(csvCell('=A1,B1'), `"'=A1,B1"`);
  });
});
