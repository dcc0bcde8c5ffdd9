import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Role } from '../src/modules/account/account.enums.js';
import { clientWithDossier, integration, pdf, POST_MESSAGE, PUBLISH, SEND_MESSAGE, signedIn } from './factories.js';
import { Browser, HIGH_LIMITS, ok, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const DOSSIER = 'query($id: ID!) { dossier(id: $id) { id number counts { messages { total } } } }';
const DOCS = `query($id: ID!) { dossier(id: $id) {
  correspondence: documents(category: CORRESPONDENCE) { edges { node { id downloadedAt } } }
  supplied: documents(category: SUPPLIED) { edges { node { id downloadedAt } } } } }`;
const MARK_READ = 'mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }';
const HOME = '{ home { dossiersInProgress dossiersTotal openActions unreadMessages } }';

describe('dossier access: not yours = not found, for every id; downloads', () => {
  let tp: TestPortal;
  let api: Browser;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  let letter: { id: string; downloadUrl: string; size: number };
  let deed: { id: string; downloadUrl: string };
  let posted: { id: string; attachments: { id: string }[] };
  let reply: { id: string; attachments: { id: string; downloadUrl: string }[] };
  let documentIds: string[];

  before(async () => {
    tp = await startPortal(HIGH_LIMITS);
    api = await integration(tp);
    owner = await clientWithDossier(tp, api, PASSWORD);
    const dossierId = owner.dossier.id;
    letter = ok(await api.upload(PUBLISH, { input: { dossierId, category: 'CORRESPONDENCE', title: 'Brief', file: null } }, { 'input.file': { name: 'brief.pdf', content: pdf('brief met wat meer tekst') } })).publishDocument;
    deed = ok(await api.upload(PUBLISH, { input: { dossierId, category: 'DOCUMENT', title: 'Akte', file: null } }, { 'input.file': { name: 'akte.pdf', content: pdf('akte') } })).publishDocument;
    posted = ok(await api.upload(POST_MESSAGE, { input: { dossierId, subject: 'Vraag', body: 'Tekenen a.u.b.', attachments: [null] } }, { 'input.attachments.0': { name: 'bijlage.pdf', content: pdf('bijlage') } })).postMessage;
    reply = ok(await owner.browser.upload(SEND_MESSAGE, { input: { dossierId, subject: 'Re: Vraag', body: 'Getekend', inReplyToId: posted.id, attachments: [null] } }, { 'input.attachments.0': { name: 'getekend.pdf', content: pdf('getekend') } })).sendMessage;
    documentIds = [letter.id, deed.id, posted.attachments[0].id, reply.attachments[0].id];
  });
  after(async () => { await tp.close(); });

  /** The parts of a response a caller can compare (the same for a foreign and an unknown id). */
  const answer = (r: { status: number; errors?: unknown; data?: unknown }) => ({ status: r.status, errors: r.errors, data: r.data });

  it('a client of another company gets NOT_FOUND for every id of the dossier, exactly like for an unknown id', async () => {
    const outsider = await clientWithDossier(tp, api, PASSWORD);
    const unknown = randomUUID();
    const dossierAnswer = answer(await outsider.browser.gql(DOSSIER, { id: owner.dossier.id }));
    assert.equal((dossierAnswer.errors as { extensions: { code: string } }[])[0].extensions.code, 'NOT_FOUND');
    assert.deepEqual(dossierAnswer, answer(await outsider.browser.gql(DOSSIER, { id: unknown })));
    assert.deepEqual(dossierAnswer, answer(await outsider.browser.gql(DOSSIER, { id: 'not-an-id' })));

    const missingFile = await outsider.browser.get(`/files/${unknown}`);
    const missingBody = await missingFile.text();
    assert.equal(missingFile.status, 404);
    for (const id of documentIds) {
      const response = await outsider.browser.get(`/files/${id}`);
      assert.equal(response.status, 404, id);
      assert.equal(await response.text(), missingBody);
      assert.equal(response.headers.get('content-disposition'), null);
    }

    for (const id of [posted.id, reply.id]) {
      const foreign = answer(await outsider.browser.gql(MARK_READ, { id }));
      assert.equal((foreign.errors as { extensions: { code: string } }[])[0].extensions.code, 'NOT_FOUND');
      assert.deepEqual(foreign, answer(await outsider.browser.gql(MARK_READ, { id: unknown })));
    }

    const send = (input: Record<string, unknown>) => outsider.browser.gql(SEND_MESSAGE, { input: { subject: 'Hallo', body: 'Even testen', ...input } });
    const toForeign = answer(await send({ dossierId: owner.dossier.id }));
    assert.equal((toForeign.errors as { extensions: { code: string } }[])[0].extensions.code, 'NOT_FOUND');
    assert.deepEqual(toForeign, answer(await send({ dossierId: unknown })));
    const replyToForeign = answer(await send({ dossierId: outsider.dossier.id, inReplyToId: posted.id }));
    assert.equal((replyToForeign.errors as { extensions: { code: string } }[])[0].extensions.code, 'NOT_FOUND');
    assert.deepEqual(replyToForeign, answer(await send({ dossierId: outsider.dossier.id, inReplyToId: unknown })));

    // Nothing of it was changed or written by all that.
    const [{ n: messages }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM message WHERE dossierId = ?', [outsider.dossier.id]);
    assert.equal(Number(messages), 0);
    const [{ n: reads }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM message_read WHERE accountId = ?', [outsider.account.id]);
    assert.equal(Number(reads), 0);
    assert.equal(await downloadsAudited(), 0);
  });

  it('a client of another company without dossiers has an empty list and zero counts; office queries are forbidden', async () => {
    const other = ok(await api.gql('mutation($input: ClientInput!) { upsertClient(input: $input) { id } }', { input: { externalRef: 'CL-EMPTY', name: 'Leeg B.V.', isCompany: true } })).upsertClient;
    for (const spec of [{ clientId: other.id, role: Role.COMPANY_MAIN }, { clientId: null, role: Role.CLIENT }]) {
      const { browser } = await signedIn(tp, PASSWORD, spec);
      assert.deepEqual(ok(await browser.gql('{ dossiers { totalCount edges { node { id } } } }')).dossiers, { totalCount: 0, edges: [] });
      assert.deepEqual(ok(await browser.gql(HOME)).home, { dossiersInProgress: 0, dossiersTotal: 0, openActions: 0, unreadMessages: 0 });
      assert.deepEqual(ok(await browser.gql('{ dossierStatuses { code } }')).dossierStatuses, []);
      assert.equal(Browser.code(await browser.gql('query($r: String!) { dossierByExternalRef(externalRef: $r) { id } }', { r: 'x' })), 'FORBIDDEN');
      assert.equal(Browser.code(await browser.gql('query($id: ID!) { client(id: $id) { id } }', { id: owner.client.id })), 'FORBIDDEN');
    }
  });

  it('an extra account of the same company sees the dossier and can download; downloadedAt is per user', async () => {
    const { browser: extra } = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    assert.equal(ok(await extra.gql(DOSSIER, { id: owner.dossier.id })).dossier.counts.messages.total, 2);
    assert.equal(ok(await extra.gql('{ dossiers { totalCount } }')).dossiers.totalCount, 1);

    const before = await downloadsAudited();
    assert.equal((await owner.browser.get(letter.downloadUrl)).status, 200);
    const mine = ok(await owner.browser.gql(DOCS, { id: owner.dossier.id })).dossier;
    const firstAt = mine.correspondence.edges[0].node.downloadedAt;
    assert.ok(firstAt, 'the downloader sees it downloaded');
    assert.equal(ok(await extra.gql(DOCS, { id: owner.dossier.id })).dossier.correspondence.edges[0].node.downloadedAt, null, 'a colleague does not');

    tp.clock.advanceMinutes(5);
    assert.equal((await extra.get(letter.downloadUrl)).status, 200);
    assert.ok(ok(await extra.gql(DOCS, { id: owner.dossier.id })).dossier.correspondence.edges[0].node.downloadedAt);
    assert.equal((await owner.browser.get(letter.downloadUrl)).status, 200);
    assert.equal(ok(await owner.browser.gql(DOCS, { id: owner.dossier.id })).dossier.correspondence.edges[0].node.downloadedAt, firstAt, 'the first download is kept');
    assert.equal(await downloadsAudited(), before + 3, 'every download is audited');
    const [entry] = await tp.portal.app.sql.rows<{ actorId: string; detail: string }>("SELECT actorId, detail FROM audit_entry WHERE action = 'document.downloaded' AND targetId = ? ORDER BY at, id", [letter.id]);
    assert.equal(entry.actorId, owner.account.id);
    assert.equal(JSON.parse(entry.detail).dossierId, owner.dossier.id);
  });

  it('a download without a session or with a bad token is 401; a token without dossiers:read is refused', async () => {
    const anonymous = await new Browser(tp.url).get(letter.downloadUrl);
    assert.equal(anonymous.status, 401);
    assert.equal((await anonymous.json() as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(anonymous.headers.get('cache-control'), 'no-store');
    assert.equal((await new Browser(tp.url, { authorization: 'Bearer dpt_nope' }).get(letter.downloadUrl)).status, 401);

    const before = await downloadsAudited();
    const writer = await integration(tp, ['documents:write', 'messages:write']);
    const refused = await writer.get(letter.downloadUrl);
    assert.equal(refused.status, 403, 'a token without dossiers:read is refused (the document is not even looked up)');
    assert.equal(refused.headers.get('content-disposition'), null);
    assert.equal(Browser.code(await writer.gql(DOSSIER, { id: owner.dossier.id })), 'FORBIDDEN');
    assert.equal(await downloadsAudited(), before, 'nothing served, nothing audited');

    const reader = await integration(tp, ['dossiers:read']);
    assert.equal((await reader.get(letter.downloadUrl)).status, 200);
    assert.equal(await downloadsAudited(), before + 1);
  });

  it('serves one byte range (206), refuses an unsatisfiable one (416), always as a non-sniffed, uncached attachment', async () => {
    const whole = Buffer.from(await (await owner.browser.get(deed.downloadUrl)).arrayBuffer());
    const size = whole.length;

    const head = await owner.browser.get(deed.downloadUrl, { range: 'bytes=0-4' });
    assert.equal(head.status, 206);
    assert.equal(head.headers.get('content-range'), `bytes 0-4/${size}`);
    assert.equal(head.headers.get('content-length'), '5');
    assert.equal(Buffer.from(await head.arrayBuffer()).toString('latin1'), '%PDF-');

    const tail = await owner.browser.get(deed.downloadUrl, { range: 'bytes=-6' });
    assert.equal(tail.status, 206);
    assert.equal(tail.headers.get('content-range'), `bytes ${size - 6}-${size - 1}/${size}`);
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), whole.subarray(size - 6));

    const rest = await owner.browser.get(deed.downloadUrl, { range: `bytes=10-` });
    assert.equal(rest.status, 206);
    assert.deepEqual(Buffer.from(await rest.arrayBuffer()), whole.subarray(10));

    const before = await downloadsAudited();
    const beyond = await owner.browser.get(deed.downloadUrl, { range: `bytes=${size}-` });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${size}`);
    assert.equal(await downloadsAudited(), before, 'nothing served, nothing audited');

    for (const response of [head, tail, rest, beyond, await owner.browser.get(deed.downloadUrl)]) {
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="?akte\.pdf"?$/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('content-type'), 'application/pdf');
    }
  });

  it('a reply to a visible message of another of the caller\'s dossiers is BAD_USER_INPUT; a body of exactly 4000 characters is fine', async () => {
    const second = ok(await api.gql('mutation($input: DossierInput!) { upsertDossier(input: $input) { id } }', { input: {
      externalRef: 'DOS-SECOND', number: '2026.8888', description: 'Tweede', statusCode: 'IN_PROGRESS', clientIds: [owner.client.id],
    } })).upsertDossier;
    const response = await owner.browser.gql(SEND_MESSAGE, { input: { dossierId: second.id, subject: 'Re', body: 'Antwoord', inReplyToId: posted.id } });
    assert.deepEqual(response.errors?.[0].extensions?.fields, [{ field: 'inReplyToId', message: 'NOT_IN_THIS_DOSSIER' }]);
    const long = ok(await owner.browser.gql(SEND_MESSAGE, { input: { dossierId: second.id, subject: 'Lang', body: '€'.repeat(4000), inReplyToId: null } })).sendMessage;
    assert.equal([...long.body].length, 4000);
    assert.equal(long.inReplyTo, null);
  });

  async function downloadsAudited(): Promise<number> {
    const ids = documentIds;
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.downloaded' AND targetId IN (?, ?, ?, ?)`, ids);
    return Number(n);
  }
});
