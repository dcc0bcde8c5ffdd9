import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { clientWithDossier, integration, pdf, POST_MESSAGE, PUBLISH, SEND_MESSAGE, SET_PROGRESS } from './factories.js';
import { Browser, HIGH_LIMITS, ok, settleMail, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const DOSSIER_PAGE = `query($id: ID!) { dossier(id: $id) {
  id number description status { code label active } handler { name email } externalRef
  progress { done total steps { title done } }
  counts { correspondence { total unread } documents { total unread } suppliedByMe { total unread } messages { total unread } }
  correspondence: documents(category: CORRESPONDENCE) { totalCount edges { node { id title downloadedAt downloadUrl size sha256 } } }
  supplied: documents(category: SUPPLIED) { totalCount edges { node { id fileName } } }
  messages { totalCount edges { node { id subject direction readAt attachments { id fileName } inReplyTo { id } } } }
} }`;

describe('dossier workspace: an integration feeds a dossier, the client sees exactly that', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ ...HIGH_LIMITS, NOTIFY_DIGEST_MINUTES: '10' }); });
  after(async () => { await tp.close(); });

  it('feeds progress, documents and a message with attachments; counts, reads, downloads and a reply follow', async () => {
    const api = await integration(tp);
    const { browser, dossier } = await clientWithDossier(tp, api, PASSWORD);
    ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [{ title: 'Concept akte', done: true }, { title: 'Passeren', done: false }] }));
    const published = ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'CORRESPONDENCE', title: 'Brief', file: null } }, { 'input.file': { name: 'brief.pdf', content: pdf('brief') } })).publishDocument;
    assert.equal(published.contentType, 'application/pdf');
    const posted = ok(await api.upload(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Vraag', body: 'Wilt u dit tekenen?', attachments: [null] } }, { 'input.attachments.0': { name: 'bijlage.pdf', content: pdf('bijlage') } })).postMessage;
    assert.equal(posted.attachments.length, 1);

    const page = ok(await browser.gql(DOSSIER_PAGE, { id: dossier.id })).dossier;
    assert.equal(page.externalRef, null, 'clients never see the case-management reference');
    assert.deepEqual(page.progress, { done: 1, total: 2, steps: [{ title: 'Concept akte', done: true }, { title: 'Passeren', done: false }] });
    assert.deepEqual(page.counts.correspondence, { total: 1, unread: 1 });
    assert.deepEqual(page.counts.messages, { total: 1, unread: 1 });
    assert.equal(page.correspondence.totalCount, 1);

    const download = await browser.get(published.downloadUrl);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="?brief\.pdf"?$/);
    const body = Buffer.from(await download.arrayBuffer());
    assert.equal(createHash('sha256').update(body).digest('hex'), published.sha256);

    ok(await browser.gql('mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }', { id: posted.id }));
    const reply = ok(await browser.upload(SEND_MESSAGE, { input: { dossierId: dossier.id, subject: 'Re: Vraag', body: 'Bijgaand getekend', inReplyToId: posted.id, attachments: [null, null] } }, {
      'input.attachments.0': { name: 'getekend.pdf', content: pdf('getekend') }, 'input.attachments.1': { name: 'id.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    })).sendMessage;
    assert.equal(reply.inReplyTo.id, posted.id);
    assert.deepEqual(reply.attachments.map((a: { category: string }) => a.category), ['SUPPLIED', 'SUPPLIED']);

    const after = ok(await browser.gql(DOSSIER_PAGE, { id: dossier.id })).dossier;
    assert.deepEqual(after.counts.correspondence, { total: 1, unread: 0 });
    assert.deepEqual(after.counts.messages, { total: 2, unread: 0 });
    assert.deepEqual(after.counts.suppliedByMe, { total: 2, unread: 0 });
    assert.ok(after.correspondence.edges[0].node.downloadedAt);

    const other = await clientWithDossier(tp, api, PASSWORD);
    const foreign = await other.browser.gql(DOSSIER_PAGE, { id: dossier.id });
    assert.equal(Browser.code(foreign), 'NOT_FOUND');
    assert.equal((await other.browser.get(published.downloadUrl)).status, 404);
    assert.equal((await new Browser(tp.url).get(published.downloadUrl)).status, 401);

    tp.clock.advanceMinutes(11);
    assert.equal(await tp.portal.app.digest.pass(), 1);
    await settleMail(tp);
  });
});
