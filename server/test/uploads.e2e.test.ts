import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clientWithDossier, integration, pdf, POST_MESSAGE, PUBLISH, SEND_MESSAGE } from './factories.js';
import { Browser, HIGH_LIMITS, ok, startPortal, type GqlResponse, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
/** Bytes of a Windows executable ("MZ" header). */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), randomBytes(200)]);

/** What the portal has stored: files under FILES_DIR outside tmp/, files in tmp/, and the document and message rows. */
async function stored(tp: TestPortal) {
  const root = tp.config.FILES_DIR;
  const top = readdirSync(root);
  const files = top.filter((n) => n !== 'tmp').flatMap((folder) => readdirSync(join(root, folder)).map((n) => `${folder}/${n}`));
  const [{ n: documents }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM document');
  const [{ n: messages }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM message');
  return { top, files, tmp: readdirSync(join(root, 'tmp')), documents: Number(documents), messages: Number(messages) };
}
const NOTHING = { top: ['tmp'], files: [], tmp: [], documents: 0, messages: 0 };

/** Polls (briefly, no fixed sleep) until nothing is stored; returns the last look. */
async function untilNothingStored(tp: TestPortal, timeoutMs = 3000) {
  const end = Date.now() + timeoutMs;
  let last = await stored(tp);
  while (Date.now() < end && JSON.stringify(last) !== JSON.stringify(NOTHING)) {
    await new Promise((r) => setTimeout(r, 20));
    last = await stored(tp);
  }
  return last;
}

const rejection = (response: GqlResponse) => ({ code: response.errors?.[0]?.extensions?.code, reason: response.errors?.[0]?.extensions?.reason, fileName: response.errors?.[0]?.extensions?.fileName });

describe('uploads: bad input changes nothing', () => {
  let tp: TestPortal;
  let api: Browser;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  before(async () => {
    tp = await startPortal(HIGH_LIMITS);
    api = await integration(tp);
    owner = await clientWithDossier(tp, api, PASSWORD);
  });
  after(async () => { await tp.close(); });

  it('a body of 4001 characters is BAD_USER_INPUT on body, with or without attachments, from either side', async () => {
    const body = 'x'.repeat(4001);
    const fromClient = await owner.browser.upload(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Lang', body, attachments: [null] } }, { 'input.attachments.0': { name: 'a.pdf', content: pdf() } });
    assert.equal(Browser.code(fromClient), 'BAD_USER_INPUT');
    assert.deepEqual(fromClient.errors?.[0].extensions?.fields, [{ field: 'body', message: 'MAX_LENGTH_4000' }]);
    const fromOffice = await api.gql(POST_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Lang', body: `${'é'.repeat(4000)}!` } });
    assert.deepEqual(fromOffice.errors?.[0].extensions?.fields, [{ field: 'body', message: 'MAX_LENGTH_4000' }]);
    const empty = await owner.browser.gql(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: ' ', body: ' \n ' } });
    assert.deepEqual(empty.errors?.[0].extensions?.fields, [{ field: 'subject', message: 'REQUIRED' }, { field: 'body', message: 'REQUIRED' }]);
    assert.deepEqual(await untilNothingStored(tp), NOTHING);
  });

  it('refuses a disallowed type and a .pdf that is no PDF, with the reason; nothing is stored', async () => {
    const publish = (name: string, content: Buffer | string) =>
      api.upload(PUBLISH, { input: { dossierId: owner.dossier.id, category: 'DOCUMENT', title: 'Stuk', file: null } }, { 'input.file': { name, content } });
    assert.deepEqual(rejection(await publish('setup.exe', EXE)), { code: 'FILE_REJECTED', reason: 'TYPE_NOT_ALLOWED', fileName: 'setup.exe' });
    assert.deepEqual(rejection(await publish('factuur.pdf', EXE)), { code: 'FILE_REJECTED', reason: 'CONTENT_MISMATCH', fileName: 'factuur.pdf' });
    assert.deepEqual(rejection(await publish('script.pdf', '<script>alert(1)</script>')), { code: 'FILE_REJECTED', reason: 'CONTENT_MISMATCH', fileName: 'script.pdf' });
    assert.deepEqual(rejection(await publish('leeg.pdf', '')), { code: 'FILE_REJECTED', reason: 'EMPTY', fileName: 'leeg.pdf' });
    assert.deepEqual(rejection(await publish('geen-extensie', pdf())), { code: 'FILE_REJECTED', reason: 'TYPE_NOT_ALLOWED', fileName: 'geen-extensie' });
    assert.deepEqual(await untilNothingStored(tp), NOTHING);
  });

  it('a message whose 2nd attachment is refused stores neither attachment nor the message', async () => {
    for (const [second, reason] of [[{ name: 'virus.exe', content: EXE }, 'TYPE_NOT_ALLOWED'], [{ name: 'nep.pdf', content: EXE }, 'CONTENT_MISMATCH']] as const) {
      const response = await owner.browser.upload(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Stukken', body: 'Bijgaand', attachments: [null, null] } }, {
        'input.attachments.0': { name: 'goed.pdf', content: pdf('goed') }, 'input.attachments.1': second,
      });
      assert.deepEqual(rejection(response), { code: 'FILE_REJECTED', reason, fileName: second.name });
    }
    const office = await api.upload(POST_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Stukken', body: 'Bijgaand', attachments: [null, null] } }, {
      'input.attachments.0': { name: 'goed.pdf', content: pdf('goed') }, 'input.attachments.1': { name: 'x.exe', content: EXE },
    });
    assert.equal(rejection(office).reason, 'TYPE_NOT_ALLOWED');
    assert.deepEqual(await untilNothingStored(tp), NOTHING);
  });

  it('an upload aborted mid-stream leaves no file and no row (also not the complete first attachment), and the portal carries on', async () => {
    const boundary = `----dp${randomBytes(8).toString('hex')}`;
    const operations = JSON.stringify({ query: SEND_MESSAGE, variables: { input: { dossierId: owner.dossier.id, subject: 'Afgebroken', body: 'Halverwege', attachments: [null, null] } } });
    const map = JSON.stringify({ 0: ['variables.input.attachments.0'], 1: ['variables.input.attachments.1'] });
    const part = (name: string, value: string, fileName?: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"\r\nContent-Type: application/pdf` : ''}\r\n\r\n${value}`);
    const big = Buffer.concat([pdf('groot'), randomBytes(4 * 1024 * 1024)]);
    const head = Buffer.concat([
      part('operations', operations), Buffer.from('\r\n'), part('map', map), Buffer.from('\r\n'),
      part('0', '', 'eerste.pdf'), pdf('eerste'), Buffer.from('\r\n'), part('1', '', 'tweede.pdf'),
    ]);
    const declared = head.length + big.length + Buffer.byteLength(`\r\n--${boundary}--\r\n`);
    const url = new URL(tp.url);
    const req = request({
      host: url.hostname, port: url.port, path: '/graphql', method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(declared), 'apollo-require-preflight': 'true',
        cookie: `${owner.browser.sessionCookieName}=${owner.browser.sessionCookie}`,
      },
    });
    req.on('error', () => undefined);
    req.on('response', (res) => res.resume());
    req.write(head);
    req.write(big.subarray(0, big.length / 2));
    // Wait until the portal is receiving the files into its temporary folder, then drop the connection.
    const end = Date.now() + 5000;
    while (readdirSync(join(tp.config.FILES_DIR, 'tmp')).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    assert.ok(readdirSync(join(tp.config.FILES_DIR, 'tmp')).length > 0, 'the upload had reached the temporary folder');
    req.destroy();

    assert.deepEqual(await untilNothingStored(tp), NOTHING);
    const next = await owner.browser.upload(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Opnieuw', body: 'Nu wel', attachments: [null] } }, { 'input.attachments.0': { name: 'eerste.pdf', content: pdf('eerste') } });
    assert.equal(ok(next).sendMessage.attachments.length, 1);
    const now = await stored(tp);
    assert.deepEqual({ files: now.files.length, tmp: now.tmp, documents: now.documents, messages: now.messages }, { files: 1, tmp: [], documents: 1, messages: 1 });
  });
});

describe('uploads: size limit (UPLOAD_MAX_MB=1)', () => {
  let tp: TestPortal;
  let api: Browser;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  before(async () => {
    tp = await startPortal({ ...HIGH_LIMITS, UPLOAD_MAX_MB: '1' });
    api = await integration(tp);
    owner = await clientWithDossier(tp, api, PASSWORD);
  });
  after(async () => { await tp.close(); });

  const ofSize = (bytes: number) => { const head = pdf('groot'); return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]); };

  it('a file one byte over the limit is FILE_REJECTED TOO_LARGE, alone or as the 2nd attachment; nothing stored', async () => {
    const tooLarge = ofSize(1024 * 1024 + 1);
    const published = await api.upload(PUBLISH, { input: { dossierId: owner.dossier.id, category: 'DOCUMENT', title: 'Groot', file: null } }, { 'input.file': { name: 'groot.pdf', content: tooLarge } });
    assert.deepEqual(rejection(published), { code: 'FILE_REJECTED', reason: 'TOO_LARGE', fileName: 'groot.pdf' });
    const sent = await owner.browser.upload(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Groot', body: 'Bijgaand', attachments: [null, null] } }, {
      'input.attachments.0': { name: 'klein.pdf', content: pdf() }, 'input.attachments.1': { name: 'groot.pdf', content: tooLarge },
    });
    assert.deepEqual(rejection(sent), { code: 'FILE_REJECTED', reason: 'TOO_LARGE', fileName: 'groot.pdf' });
    assert.deepEqual(await untilNothingStored(tp), NOTHING);
  });

  it('a file of exactly the limit is accepted', async () => {
    const published = ok(await api.upload(PUBLISH, { input: { dossierId: owner.dossier.id, category: 'DOCUMENT', title: 'Precies', file: null } }, { 'input.file': { name: 'precies.pdf', content: ofSize(1024 * 1024) } })).publishDocument;
    assert.equal(published.size, 1024 * 1024);
    assert.equal((await stored(tp)).files.length, 1);
  });
});
