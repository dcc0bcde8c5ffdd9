import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../src/db/columns.js';
import { Role } from '../src/modules/account/account.enums.js';
import { DocumentDownload, DocumentRow } from '../src/modules/document/document.entity.js';
import { Dossier, DossierClient, ProgressStepRow } from '../src/modules/dossier/dossier.entity.js';
import { MessageRead, MessageRow } from '../src/modules/message/message.entity.js';
import { client, integration, signedIn } from './factories.js';
import { Browser, HIGH_LIMITS, ok, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';

const HOME = '{ home { dossiersInProgress dossiersTotal openActions unreadMessages } }';
const COUNTS = 'counts { correspondence { total unread } documents { total unread } suppliedByMe { total unread } messages { total unread } }';
const LIST = `{ dossiers(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
  id number description openedAt closedAt status { code label active } handler { name email phone } externalRef progress { done total } ${COUNTS} } } } }`;
const DOCUMENT = 'id category title fileName contentType size sha256 publishedAt downloadedAt downloadUrl';
const tab = (alias: string, category: string) => `${alias}: documents(category: ${category}, first: $first) { totalCount pageInfo { hasNextPage } edges { node { ${DOCUMENT} } } }`;
/** As the web client's DossierMessages asks (graphql-armor's cost limit bounds how much more one may ask). */
const MESSAGES = `messages(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id direction subject body senderName sentAt readAt
  inReplyTo { id subject body senderName sentAt } attachments { ${DOCUMENT} } } } }`;
/** The opened dossier as the web client asks for it: the header (with progress and counts), then each tab on its own. */
const HEADER = `query($id: ID!) { dossier(id: $id) {
  id number description openedAt closedAt status { code label active } handler { name email phone } externalRef
  progress { done total steps { id position title done doneAt } } ${COUNTS} } }`;
const TAB = (category: string) => `query($id: ID!, $first: Int) { dossier(id: $id) { id ${COUNTS} ${tab('tab', category)} } }`;
const MESSAGES_ONLY = `query($id: ID!, $first: Int) { dossier(id: $id) { id ${MESSAGES} } }`;

/**
 * Seeds `n` dossiers for `clientId` straight into the database (fast), each with progress, a document and a
 * message; the first one also gets `n` documents in each tab and `n` more messages, each a reply to the one
 * before; all its messages have an attachment; some read and downloaded by `accountId`. Returns the first dossier's id.
 */
async function seed(tp: TestPortal, clientId: string, accountId: string, n: number): Promise<string> {
  const { ds } = tp.portal.app;
  const base = tp.clock.now().getTime();
  const at = (i: number) => new Date(base - i * 1000);
  const dossiers = Array.from({ length: n }, (_, i) => ({
    id: newId(), externalRef: `SEED-${newId()}`, number: `2026.${String(i).padStart(4, '0')}`, description: `Dossier ${i} levering`,
    statusCode: i % 3 === 2 ? 'COMPLETED' : i % 3 === 1 ? 'WAITING_FOR_CLIENT' : 'IN_PROGRESS', handlerName: `Behandelaar ${i % 4}`, handlerEmail: `b${i % 4}@example.nl`, handlerPhone: null,
    openedAt: at(i), closedAt: i % 3 === 2 ? at(i) : null, createdAt: at(i), updatedAt: at(i),
  }));
  await ds.getRepository(Dossier).insert(dossiers);
  await ds.getRepository(DossierClient).insert(dossiers.map((d) => ({ id: newId(), dossierId: d.id, clientId, createdAt: d.createdAt })));
  await ds.getRepository(ProgressStepRow).insert(dossiers.flatMap((d) => [0, 1, 2].map((position) => ({ id: newId(), dossierId: d.id, position, title: `Stap ${position}`, done: position < 2, doneAt: position < 2 ? d.openedAt : null }))));
  const doc = (dossierId: string, category: string, i: number, extra: Partial<DocumentRow> = {}) => ({
    id: newId(), dossierId, category, title: `Stuk ${i}`, fileName: `stuk-${i}.pdf`, contentType: 'application/pdf', size: 1000 + i, sha256: 'a'.repeat(64),
    storageKey: `${newId().slice(0, 2)}/${newId()}`, messageId: null, uploadedById: category === 'SUPPLIED' ? accountId : null, uploadedByName: 'Kantoor',
    publishedAt: at(i), createdAt: at(i), ...extra,
  });
  const first = dossiers[0].id;
  const documents = [
    ...dossiers.map((d, i) => doc(d.id, 'CORRESPONDENCE', i)),
    ...Array.from({ length: n }, (_, i) => [doc(first, 'CORRESPONDENCE', i), doc(first, 'DOCUMENT', i), doc(first, 'SUPPLIED', i)]).flat(),
  ];
  const messages = [
    ...dossiers.map((d, i) => ({ id: newId(), dossierId: d.id, direction: 'FROM_OFFICE', subject: `Bericht ${i}`, body: 'Tekst', senderAccountId: null as string | null, senderName: 'Kantoor', sentAt: at(i), inReplyToId: null as string | null, officeReadAt: null, createdAt: at(i) })),
  ];
  let previous: string | null = messages[0].id;
  for (let i = 1; i <= n; i++) {
    const direction = i % 2 ? 'TO_OFFICE' : 'FROM_OFFICE';
    const id = newId();
    messages.push({ id, dossierId: first, direction, subject: `Re ${i}`, body: 'Antwoord', senderAccountId: direction === 'TO_OFFICE' ? accountId : null, senderName: 'X', sentAt: at(-i), inReplyToId: previous, officeReadAt: null, createdAt: at(-i) });
    previous = id;
  }
  await ds.getRepository(MessageRow).insert(messages);
  const attachments = messages.filter((m) => m.dossierId === first).map((m, i) => doc(first, m.direction === 'TO_OFFICE' ? 'SUPPLIED' : 'ATTACHMENT', i, { messageId: m.id, publishedAt: m.sentAt, createdAt: m.sentAt }));
  await ds.getRepository(DocumentRow).insert([...documents, ...attachments]);
  await ds.getRepository(DocumentDownload).insert(documents.filter((_, i) => i % 2 === 0).map((d) => ({ id: newId(), documentId: d.id, accountId, firstAt: d.publishedAt })));
  await ds.getRepository(MessageRead).insert(messages.filter((m, i) => m.direction === 'FROM_OFFICE' && i % 2 === 0).map((m) => ({ id: newId(), messageId: m.id, accountId, readAt: m.sentAt })));
  return first;
}

/*
 * Measured on SQLite and MariaDB alike, statements per request with 1 and with 50 per level (equal by this test):
 *   client side:  home 3, dossier list (page of 20) 6, dossier header (progress, counts) 5, each document tab 5,
 *                 messages with attachments and inReplyTo 7
 *   integration:  home 3, list 6, header 5, tab 5, messages 7.
 * A client request includes the session lookup; a token request the token lookup. The after hook prints them.
 */
describe('no N+1: SQL statements per request do not grow with dossiers, documents or messages', () => {
  let tp: TestPortal;
  const setups: Record<'one' | 'fifty', { browser: Browser; dossierId: string; n: number }> = {} as never;
  let api: Browser;

  /** The integration's list and home, measured when it sees 1 dossier and when it sees 51. */
  const office: { list: number[]; home: number[] } = { list: [], home: [] };

  before(async () => {
    tp = await startPortal(HIGH_LIMITS);
    api = await integration(tp, ['dossiers:read']);
    for (const [key, n] of [['one', 1], ['fifty', 50]] as const) {
      const company = await client(tp, `Seed ${n} B.V.`);
      const { account, browser } = await signedIn(tp, PASSWORD, { clientId: company.id, role: Role.COMPANY_MAIN });
      setups[key] = { browser, n, dossierId: await seed(tp, company.id, account.id, n) };
      office.list.push((await measure(api, LIST)).count);
      office.home.push((await measure(api, HOME)).count);
    }
  });
  after(async () => { await tp.close(); });

  /** Runs `query` once to warm up, then returns the statement count of a second run and its data. */
  async function measure(browser: Browser, query: string, variables: Record<string, unknown> = {}) {
    ok(await browser.gql(query, variables));
    let data: Record<string, any> = {};
    const [count] = await tp.countFor(async () => { data = ok(await browser.gql(query, variables)); });
    return { count, data };
  }

  const report: string[] = [];
  after(() => { if (report.length) console.log(`# statements per request (1 vs 50): ${report.join('; ')}`); });

  async function same(name: string, query: string, variables: (key: 'one' | 'fifty') => Record<string, unknown>, check: (data: Record<string, any>, n: number) => void, viewer: (key: 'one' | 'fifty') => Browser = (k) => setups[k].browser) {
    const one = await measure(viewer('one'), query, variables('one'));
    const fifty = await measure(viewer('fifty'), query, variables('fifty'));
    check(one.data, 1);
    check(fifty.data, 50);
    report.push(`${name} ${one.count}/${fifty.count}`);
    assert.equal(fifty.count, one.count, `${name}: ${one.count} statements with 1, ${fifty.count} with 50`);
    assert.ok(one.count <= 12, `${name}: ${one.count} statements`);
    return one.count;
  }

  it('home', async () => {
    await same('home', HOME, () => ({}), (data, n) => assert.equal(data.home.dossiersTotal, n));
  });

  it('dossier list: a page of 20 with status, handler, progress and counts per dossier', async () => {
    await same('list', LIST, () => ({}), (data, n) => {
      assert.equal(data.dossiers.totalCount, n);
      assert.equal(data.dossiers.edges.length, Math.min(n, 20));
      for (const { node } of data.dossiers.edges) {
        assert.deepEqual(node.progress, { done: 2, total: 3 });
        assert.ok(node.counts.correspondence.total >= 1);
        assert.ok(node.handler.name);
      }
    });
  });

  it('dossier page: header with progress and counts, each of the three document tabs (page of 50), messages with attachments and inReplyTo (page of 50)', async () => {
    await same('header', HEADER, (k) => ({ id: setups[k].dossierId, first: 50 }), (data, n) => {
      assert.equal(data.dossier.progress.steps.length, 3);
      assert.equal(data.dossier.counts.documents.total, n);
      assert.equal(data.dossier.counts.messages.total, n + 1);
    });
    for (const category of ['CORRESPONDENCE', 'DOCUMENT', 'SUPPLIED']) {
      await same(`tab ${category}`, TAB(category), (k) => ({ id: setups[k].dossierId, first: 50 }), (data, n) => {
        // n seeded in the tab (+1 of every dossier in Correspondentie, + the client's own attachments under SUPPLIED), of which a page of 50.
        assert.equal(data.dossier.tab.edges.length, n === 1 ? { CORRESPONDENCE: 2, DOCUMENT: 1, SUPPLIED: 2 }[category] : 50);
        assert.equal(data.dossier.tab.totalCount, n === 1 ? { CORRESPONDENCE: 2, DOCUMENT: 1, SUPPLIED: 2 }[category] : { CORRESPONDENCE: 51, DOCUMENT: 50, SUPPLIED: 75 }[category]);
      });
    }
    await same('messages', MESSAGES_ONLY, (k) => ({ id: setups[k].dossierId, first: 50 }), (data, n) => {
      const edges = data.dossier.messages.edges as { node: { inReplyTo: unknown; attachments: unknown[] } }[];
      assert.equal(edges.length, Math.min(n + 1, 50));
      assert.equal(edges.filter((e) => e.node.inReplyTo).length, n, 'the newest are all replies');
      assert.ok(edges.every((e) => e.node.attachments.length === 1));
    });
  });

  it('the same for an integration token (office side)', async () => {
    const token = () => api;
    await same('token header', HEADER, (k) => ({ id: setups[k].dossierId, first: 50 }), (data, n) => assert.equal(data.dossier.counts.messages.total, n + 1), token);
    await same('token tab', TAB('SUPPLIED'), (k) => ({ id: setups[k].dossierId, first: 50 }), (data) => assert.ok(data.dossier.tab.edges.length >= 1), token);
    await same('token messages', MESSAGES_ONLY, (k) => ({ id: setups[k].dossierId, first: 50 }), (data, n) => assert.equal(data.dossier.messages.edges.length, Math.min(n + 1, 50)), token);
    report.push(`token list ${office.list.join('/')}`, `token home ${office.home.join('/')}`);
    assert.equal(office.list[1], office.list[0], `token list: ${office.list.join(' vs ')} statements with 1 and 51 dossiers`);
    assert.equal(office.home[1], office.home[0], `token home: ${office.home.join(' vs ')}`);
  });
});
