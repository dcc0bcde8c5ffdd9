import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTransaction } from '../src/db/transaction.js';
import { Role } from '../src/modules/account/account.enums.js';
import {
  clientWithDossier, integration, invitedAccount, pdf, POST_MESSAGE, PUBLISH, SEND_MESSAGE, setUpTotp, signedIn, totpUser,
} from './factories.js';
import { Browser, HIGH_LIMITS, ok, OPEN_INVITATION, REQUEST_LINK, SET_PASSWORD, startPortal, tokenFrom, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const EVENTS = 'query($after: String, $first: Int) { events(after: $after, first: $first) { edges { cursor node { id type occurredAt dossierId accountId subjectId } } pageInfo { hasNextPage endCursor } } }';

interface FeedEvent { id: string; type: string; occurredAt: string; dossierId: string | null; accountId: string | null; subjectId: string | null }
interface Page { edges: { cursor: string; node: FeedEvent }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

const page = async (reader: Browser, after: string | null, first?: number): Promise<Page> => ok(await reader.gql(EVENTS, { after, first })).events as Page;

/** Every event after `after`, following the pages to the end; returns them with the last cursor. */
async function readAll(reader: Browser, after: string | null = null, first = 100): Promise<{ events: FeedEvent[]; cursors: string[]; end: string | null }> {
  const events: FeedEvent[] = [];
  const cursors: string[] = [];
  let cursor = after;
  for (;;) {
    const p = await page(reader, cursor, first);
    for (const edge of p.edges) { events.push(edge.node); cursors.push(edge.cursor); }
    cursor = p.pageInfo.endCursor;
    if (!p.pageInfo.hasNextPage) return { events, cursors, end: cursor };
  }
}

describe('change feed', () => {
  let tp: TestPortal;
  let api: Browser;
  let reader: Browser;
  before(async () => {
    tp = await startPortal({ ...HIGH_LIMITS, API_TOKEN_LIMIT_PER_MINUTE: '100000' });
    api = await integration(tp);
    reader = await integration(tp, ['events:read']);
  });
  after(async () => { await tp.close(); });

  it('records each client-side happening with its dossier, account and subject, and none of the office side', async () => {
    const start = (await readAll(reader)).end;
    const owner = await clientWithDossier(tp, api, PASSWORD);
    const { dossier, account, browser } = owner;

    // The office posts a message and publishes a document: not in the feed.
    ok(await api.gql(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Van kantoor', body: 'Hallo' } }));
    const published = ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'DOCUMENT', title: 'Akte', file: null } }, { 'input.file': { name: 'akte.pdf', content: pdf() } })).publishDocument;

    // The client sends a message with two attachments: message.sent and document.uploaded for each.
    const sent = ok(await browser.upload(SEND_MESSAGE, { input: { dossierId: dossier.id, subject: 'Stukken', body: 'Zie bijlagen', attachments: [null, null] } }, {
      'input.attachments.0': { name: 'a.pdf', content: pdf('a') }, 'input.attachments.1': { name: 'b.pdf', content: pdf('b') },
    })).sendMessage;
    assert.equal(sent.attachments.length, 2);

    // The client downloads the published document (once, then resumes it with a range): one event. The office's download: none.
    assert.equal((await browser.get(published.downloadUrl)).status, 200);
    assert.equal((await browser.get(published.downloadUrl, { range: 'bytes=10-' })).status, 206);
    assert.equal((await api.get(published.downloadUrl)).status, 200);

    // The client sets up 2-step; an admin resets it.
    const { browser: fresh } = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    const extra = ok(await fresh.gql('{ me { id } }')).me.id as string;
    await setUpTotp(tp, fresh);
    const admin = await totpUser(tp, PASSWORD, { role: Role.ADMIN });
    ok(await admin.browser.gql('mutation($id: ID!) { resetTwoFactor(accountId: $id) { id } }', { id: extra }));
    // Staff 2-step changes are not client-side: the admin's own setup above wrote nothing.

    // A client account is activated through the e-mailed links.
    const invited = await invitedAccount(tp, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    const [invitation] = await tp.mail.waitFor(invited.email, 1);
    const activation = new Browser(tp.url);
    assert.equal(ok(await activation.gql(OPEN_INVITATION, { token: tokenFrom(invitation, 'activate') })).openInvitation, 'VALID');
    ok(await activation.gql(REQUEST_LINK, { email: invited.email }));
    const mails = await tp.mail.waitFor(invited.email, 2);
    assert.equal(ok(await activation.gql(SET_PASSWORD, { token: tokenFrom(mails[1], 'set-password'), password: PASSWORD })).setPassword.status, 'SIGNED_IN');

    const { events } = await readAll(reader, start);
    const shape = events.map(({ type, dossierId, accountId, subjectId }) => ({ type, dossierId, accountId, subjectId }));
    assert.deepEqual(shape, [
      { type: 'message.sent', dossierId: dossier.id, accountId: account.id, subjectId: sent.id },
      { type: 'document.uploaded', dossierId: dossier.id, accountId: account.id, subjectId: sent.attachments[0].id },
      { type: 'document.uploaded', dossierId: dossier.id, accountId: account.id, subjectId: sent.attachments[1].id },
      { type: 'document.downloaded', dossierId: dossier.id, accountId: account.id, subjectId: published.id },
      { type: 'twofactor.changed', dossierId: null, accountId: extra, subjectId: extra },
      { type: 'twofactor.changed', dossierId: null, accountId: extra, subjectId: extra },
      { type: 'account.activated', dossierId: null, accountId: invited.id, subjectId: invited.id },
    ]);
    assert.equal(new Set(events.map((e) => e.id)).size, events.length);
    assert.ok(events.every((e) => e.occurredAt.endsWith('Z')));
  });

  it('pages oldest first with opaque cursors; resuming after a cursor gives exactly what follows it', async () => {
    const all = await readAll(reader, null, 100);
    assert.ok(all.events.length >= 7);
    const byTwo = await readAll(reader, null, 2);
    assert.deepEqual(byTwo.events.map((e) => e.id), all.events.map((e) => e.id));
    assert.deepEqual(byTwo.cursors, all.cursors, 'a cursor names a position, not a page');
    const times = all.events.map((e) => Date.parse(e.occurredAt));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
    for (const i of [0, 3, all.events.length - 1]) {
      assert.deepEqual((await readAll(reader, all.cursors[i])).events.map((e) => e.id), all.events.slice(i + 1).map((e) => e.id));
    }
    // Nothing new: no edges, and endCursor is the cursor given, so a poller keeps it.
    const idle = await page(reader, all.end);
    assert.deepEqual(idle, { edges: [], pageInfo: { hasNextPage: false, endCursor: all.end } });
    assert.equal((await page(reader, null)).edges.length, Math.min(20, all.events.length), 'default page size 20');
    for (const first of [0, 101]) assert.equal(Browser.code(await reader.gql(EVENTS, { first })), 'BAD_USER_INPUT');
    for (const bad of ['nonsense', Buffer.from('ev1:-1').toString('base64url'), Buffer.from('["2026-01-01T00:00:00.000Z","x"]').toString('base64url')]) {
      assert.equal(Browser.code(await reader.gql(EVENTS, { after: bad })), 'BAD_USER_INPUT', bad);
    }
  });

  it('needs events:read for a token; staff and admins may read it, clients may not', async () => {
    assert.equal(Browser.code(await api.gql(EVENTS)), 'FORBIDDEN', 'token without events:read');
    const { browser: clientBrowser } = await signedIn(tp, PASSWORD, { role: Role.CLIENT });
    const refused = await clientBrowser.gql(EVENTS);
    assert.equal(Browser.code(refused), 'FORBIDDEN');
    assert.equal(refused.data, null);
    assert.equal(Browser.code(await new Browser(tp.url).gql(EVENTS)), 'UNAUTHENTICATED');
    const staff = await totpUser(tp, PASSWORD, { role: Role.STAFF });
    assert.ok(ok(await staff.browser.gql(EVENTS, { first: 1 })).events.edges.length === 1);
  });

  it('a rolled-back event is never seen, and the next one is not lost', async () => {
    const { app } = tp.portal;
    const { end } = await readAll(reader);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let recorded!: () => void;
    const isRecorded = new Promise<void>((resolve) => { recorded = resolve; });
    const rolledBack = inTransaction(app, async (m) => {
      await app.events.record(m, { type: 'test.rolled-back' });
      recorded();
      await held;
      throw new Error('roll back');
    }).catch((e: Error) => e.message);
    await isRecorded;
    const during = page(reader, end);
    await new Promise((r) => setTimeout(r, 50));
    release();
    assert.equal(await rolledBack, 'roll back');
    assert.deepEqual((await during).edges, []);
    await inTransaction(app, (m) => app.events.record(m, { type: 'test.committed' }));
    assert.deepEqual((await readAll(reader, end)).events.map((e) => e.type), ['test.committed']);
  });

  it('4 concurrent writers × 50 events: a reader resuming after random cursors sees every event exactly once, in order', async () => {
    const { app } = tp.portal;
    const { end: start } = await readAll(reader);
    const WRITERS = 4;
    const EACH = 50;
    const pause = () => new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
    let writing = true;
    // Each event is written in its own transaction that stays open a moment after taking its position, so that
    // commits interleave with the reader's polls.
    const writers = Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < EACH; i++) {
        await inTransaction(app, async (m) => {
          await pause();
          await app.events.record(m, { type: 'test.concurrent', subjectId: `w${w}-${i}` });
          await pause();
        });
      }
    })).finally(() => { writing = false; });

    /** The feed as the reader has established it: events and their cursors, in feed order. */
    const seen: FeedEvent[] = [];
    const cursors: (string | null)[] = [start];
    let polls = 0;
    let resumes = 0;
    const poll = async (index: number) => {
      // Resume after cursors[index] (the cursor of seen[index - 1], or the start).
      const p = await page(reader, cursors[index], 1 + Math.floor(Math.random() * 10));
      polls++;
      p.edges.forEach((edge, k) => {
        const at = index + k;
        if (at < seen.length) {
          assert.equal(edge.node.id, seen[at].id, `resuming after position ${index} gave another event at ${at}: one was missed or repeated`);
          assert.equal(edge.cursor, cursors[at + 1]);
        } else {
          assert.equal(at, seen.length);
          seen.push(edge.node);
          cursors.push(edge.cursor);
        }
      });
    };
    while (writing) {
      if (seen.length && Math.random() < 0.4) { resumes++; await poll(Math.floor(Math.random() * (seen.length + 1))); }
      else await poll(seen.length);
    }
    await writers;
    for (;;) {
      const before = seen.length;
      await poll(seen.length);
      if (seen.length === before) break;
    }
    // After the fact, resuming after every cursor still gives exactly the rest.
    for (let index = 0; index < cursors.length; index += 17) await poll(index);

    const ours = seen.filter((e) => e.type === 'test.concurrent');
    assert.equal(ours.length, seen.length, 'only the writers wrote');
    assert.equal(ours.length, WRITERS * EACH, 'every event seen');
    assert.equal(new Set(ours.map((e) => e.id)).size, WRITERS * EACH, 'none twice');
    for (let w = 0; w < WRITERS; w++) {
      assert.deepEqual(ours.filter((e) => e.subjectId!.startsWith(`w${w}-`)).map((e) => e.subjectId), Array.from({ length: EACH }, (_, i) => `w${w}-${i}`), `writer ${w} in order`);
    }
    assert.deepEqual((await readAll(reader, start)).events.map((e) => e.id), seen.map((e) => e.id));
    assert.ok(polls > 10 && resumes > 0, `the reader polled while writers wrote (${polls} polls, ${resumes} resumes)`);
  });
});
