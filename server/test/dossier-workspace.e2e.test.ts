import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { clientWithDossier, CREATE_ACCOUNT, integration, pdf, POST_MESSAGE, PUBLISH, ref, SEND_MESSAGE, SET_PROGRESS, UPSERT_CLIENT, UPSERT_DOSSIER } from './factories.js';
import { Browser, HIGH_LIMITS, OPEN_INVITATION, ok, REQUEST_LINK, SET_PASSWORD, settleMail, startPortal, tokenFrom, type TestPortal } from './harness.js';

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

  it('an account the integration created and invited sees exactly what was fed; unread counts fall item by item', async () => {
    const api = await integration(tp);
    const client = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'Jansen Holding B.V.', isCompany: true } })).upsertClient;
    const created = ok(await api.gql(CREATE_ACCOUNT, { input: { clientId: client.id, email: 'p.jansen@example.nl', displayName: 'Piet Jansen', role: 'COMPANY_MAIN' } })).createAccount;
    assert.deepEqual({ email: created.email, role: created.role }, { email: 'p.jansen@example.nl', role: 'COMPANY_MAIN' });
    const dossier = ok(await api.gql(UPSERT_DOSSIER, { input: {
      externalRef: ref('DOS'), number: '2026.7001', description: 'Oprichting Jansen Holding', statusCode: 'WAITING_FOR_CLIENT',
      handlerName: 'mr. Eva Mulder', handlerEmail: 'E.Mulder@Example.nl', clientIds: [client.id],
    } })).upsertDossier;
    ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [{ title: 'Intake', done: true }, { title: 'Concept', done: true }, { title: 'Passeren', done: false }] }));
    const letters = [];
    for (const title of ['Opdrachtbevestiging', 'Brief notaris']) {
      letters.push(ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'CORRESPONDENCE', title, file: null } }, { 'input.file': { name: `${title}.pdf`, content: pdf(title) } })).publishDocument);
    }
    const deed = ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'DOCUMENT', title: 'Concept akte', file: null } }, { 'input.file': { name: 'akte.pdf', content: pdf('akte') } })).publishDocument;
    const posted = ok(await api.upload(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Stukken', body: 'Zie bijlagen.', attachments: [null, null] } }, {
      'input.attachments.0': { name: 'a.pdf', content: pdf('a') }, 'input.attachments.1': { name: 'b.txt', content: 'platte tekst' },
    })).postMessage;
    const second = ok(await api.gql(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Herinnering', body: 'Graag reactie.' } })).postMessage;

    // Onboarding: the invitation, the set-password link, the password.
    const [invitation] = await tp.mail.waitFor('p.jansen@example.nl', 1);
    const browser = new Browser(tp.url);
    assert.equal(ok(await browser.gql(OPEN_INVITATION, { token: tokenFrom(invitation, 'activate') })).openInvitation, 'VALID');
    ok(await browser.gql(REQUEST_LINK, { email: 'p.jansen@example.nl' }));
    const mails = await tp.mail.waitFor('p.jansen@example.nl', 2);
    assert.equal(ok(await browser.gql(SET_PASSWORD, { token: tokenFrom(mails[1], 'set-password'), password: PASSWORD })).setPassword.status, 'SIGNED_IN');

    const home = async () => ok(await browser.gql('{ home { dossiersInProgress dossiersTotal openActions unreadMessages } }')).home;
    assert.deepEqual(await home(), { dossiersInProgress: 1, dossiersTotal: 1, openActions: 0, unreadMessages: 2 });
    const list = ok(await browser.gql('{ dossiers { totalCount edges { node { id number status { code label active } handler { name email } } } } }')).dossiers;
    assert.deepEqual(list, { totalCount: 1, edges: [{ node: { id: dossier.id, number: '2026.7001', status: { code: 'WAITING_FOR_CLIENT', label: 'Wacht op u', active: true }, handler: { name: 'mr. Eva Mulder', email: 'e.mulder@example.nl' } } }] });

    const counts = async () => ok(await browser.gql(DOSSIER_PAGE, { id: dossier.id })).dossier.counts;
    const page = ok(await browser.gql(DOSSIER_PAGE, { id: dossier.id })).dossier;
    assert.deepEqual(page.progress, { done: 2, total: 3, steps: [{ title: 'Intake', done: true }, { title: 'Concept', done: true }, { title: 'Passeren', done: false }] });
    assert.deepEqual(page.counts, { correspondence: { total: 2, unread: 2 }, documents: { total: 1, unread: 1 }, suppliedByMe: { total: 0, unread: 0 }, messages: { total: 2, unread: 2 } });
    assert.deepEqual(page.correspondence.edges.map((e: { node: { id: string } }) => e.node.id).sort(), letters.map((l) => l.id).sort());
    assert.deepEqual(page.supplied, { totalCount: 0, edges: [] });
    const withAttachments = page.messages.edges.find((e: { node: { id: string } }) => e.node.id === posted.id).node;
    assert.deepEqual(withAttachments.attachments.map((a: { fileName: string }) => a.fileName), ['a.pdf', 'b.txt']);

    assert.equal((await browser.get(letters[0].downloadUrl)).status, 200);
    assert.deepEqual((await counts()).correspondence, { total: 2, unread: 1 });
    assert.equal((await browser.get(letters[0].downloadUrl)).status, 200);
    assert.deepEqual((await counts()).correspondence, { total: 2, unread: 1 }, 'a second download of the same document counts once');
    assert.equal((await browser.get(deed.downloadUrl)).status, 200);
    assert.deepEqual((await counts()).documents, { total: 1, unread: 0 });

    ok(await browser.gql('mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }', { id: second.id }));
    assert.deepEqual((await counts()).messages, { total: 2, unread: 1 });
    assert.equal((await home()).unreadMessages, 1);
    ok(await browser.gql('mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }', { id: posted.id }));
    ok(await browser.gql('mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }', { id: posted.id }));
    assert.deepEqual((await counts()).messages, { total: 2, unread: 0 });
    assert.equal((await home()).unreadMessages, 0);
    assert.deepEqual((await counts()).correspondence, { total: 2, unread: 1 }, 'reading messages leaves the documents alone');
  });
});
