import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Account } from '../src/modules/account/account.entity.js';
import { Language, Role } from '../src/modules/account/account.enums.js';
import { clientWithDossier, integration, invitedAccount, pdf, POST_MESSAGE, PUBLISH, ref, SEND_MESSAGE, signedIn, UPSERT_DOSSIER } from './factories.js';
import { Browser, HIGH_LIMITS, LOGIN, ok, settleMail, startPortal, UPDATE_SETTINGS, type Mail, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const DIGEST_MINUTES = 10;

describe('notifications: bundled e-mails about news in a dossier', () => {
  let tp: TestPortal;
  let api: Browser;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  let english: Awaited<ReturnType<typeof signedIn>>;
  let noDocuments: Awaited<ReturnType<typeof signedIn>>;
  let invited: { email: string };
  let outsider: Awaited<ReturnType<typeof clientWithDossier>>;

  const news = (email: string): Mail[] => tp.mail.to(email).filter((m) => /^(Nieuw in|New in)/.test(m.subject));
  const counts = () => Object.fromEntries([owner.account.email, english.account.email, noDocuments.account.email, invited.email, outsider.account.email].map((e) => [e, news(e).length]));
  /** Lets the bundling window pass and runs the digest worker, then delivers the outbox. */
  const digest = async () => {
    tp.clock.advanceMinutes(DIGEST_MINUTES + 1);
    await tp.portal.app.digest.pass();
    await settleMail(tp);
  };
  const publish = (dossierId: string, title: string, notify?: boolean) =>
    api.upload(PUBLISH, { input: { dossierId, category: 'CORRESPONDENCE', title, file: null, ...(notify === undefined ? {} : { notify }) } }, { 'input.file': { name: 'brief.pdf', content: pdf(title) } }).then(ok);

  before(async () => {
    tp = await startPortal({ ...HIGH_LIMITS, NOTIFY_DIGEST_MINUTES: String(DIGEST_MINUTES) });
    api = await integration(tp);
    owner = await clientWithDossier(tp, api, PASSWORD, { number: '2026.4711' });
    english = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA, language: Language.EN, displayName: 'John Smith' });
    noDocuments = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    ok(await noDocuments.browser.gql(UPDATE_SETTINGS, { input: { newDocuments: false } }));
    invited = await invitedAccount(tp, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    outsider = await clientWithDossier(tp, api, PASSWORD);
    await settleMail(tp);
  });
  beforeEach(async () => { await digest(); }); // nothing left over from the test before
  after(async () => { await tp.close(); });

  it('10 documents published at once give one e-mail per account: the dossier number, no titles, in the account\'s language', async () => {
    const before = counts();
    for (let i = 1; i <= 10; i++) await publish(owner.dossier.id, `Vertrouwelijke brief ${i} over de erfenis`);
    tp.clock.advanceMinutes(DIGEST_MINUTES - 1);
    assert.equal(await tp.portal.app.digest.pass(), 0, 'nothing is sent within the bundling window');
    await digest();

    const after = counts();
    assert.equal(after[owner.account.email] - before[owner.account.email], 1);
    assert.equal(after[english.account.email] - before[english.account.email], 1);
    assert.equal(after[noDocuments.account.email], before[noDocuments.account.email], 'turned new documents off');
    assert.equal(after[invited.email], 0, 'not activated yet');
    assert.equal(after[outsider.account.email], 0, 'not a client of this dossier');

    const nl = news(owner.account.email).at(-1)!;
    assert.equal(nl.subject, `Nieuw in dossier 2026.4711 – klantenportaal ${tp.config.FIRM_NAME}`);
    assert.match(nl.text, /Dossier 2026\.4711: 10 nieuwe documenten/);
    assert.ok(nl.links.includes(`${tp.url}/dossiers/${owner.dossier.id}`), nl.links.join(' '));
    const en = news(english.account.email).at(-1)!;
    assert.equal(en.subject, `New in dossier 2026.4711 – client portal ${tp.config.FIRM_NAME}`);
    assert.match(en.text, /Dear John Smith/);
    assert.match(en.text, /Dossier 2026\.4711: 10 new documents/);
    for (const mail of [nl, en]) {
      assert.doesNotMatch(mail.raw, /Vertrouwelijke|erfenis|brief\.pdf/i, 'no title, file name or content in the e-mail');
      assert.doesNotMatch(mail.text, /Levering woning/, 'no description either');
    }
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM pending_notification');
    assert.equal(Number(n), 0, 'the notes are gone with the e-mail');
  });

  it('turning new documents off during the bundling window stops the e-mail that was on its way', async () => {
    const before = counts();
    await publish(owner.dossier.id, 'Brief over de levering');
    // As Mijn gegevens stores it (the session itself may have gone idle under the fake clock by now).
    const setting = (on: boolean) => tp.portal.app.ds.getRepository(Account).update({ id: english.account.id }, { notifyNewDocuments: on });
    await setting(false);
    await digest();
    const after = counts();
    assert.equal(after[english.account.email], before[english.account.email], 'opted out before it was sent');
    assert.equal(after[owner.account.email] - before[owner.account.email], 1, 'the others still get theirs');
    await setting(true);
  });

  it('notify: false sends nothing', async () => {
    const before = counts();
    await publish(owner.dossier.id, 'Stil', false);
    await digest();
    assert.deepEqual(counts(), before);
  });

  it('a message from the office sends one e-mail (also to who turned documents off); a message from the client sends none', async () => {
    const before = counts();
    const client = new Browser(tp.url); // sessions end after 30 idle minutes, and the clock has moved on
    ok(await client.gql(LOGIN, { identifier: owner.account.email, password: PASSWORD }));
    ok(await client.gql(SEND_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Vraag van de klant', body: 'Hoe staat het?' } }));
    await digest();
    assert.deepEqual(counts(), before, 'the client writing to the office notifies nobody on the client side');

    ok(await api.gql(POST_MESSAGE, { input: { dossierId: owner.dossier.id, subject: 'Geheim onderwerp', body: 'Geheime inhoud' } }));
    await digest();
    const after = counts();
    for (const email of [owner.account.email, english.account.email, noDocuments.account.email]) assert.equal(after[email] - before[email], 1, email);
    const mail = news(noDocuments.account.email).at(-1)!;
    assert.match(mail.text, /Dossier 2026\.4711: 1 nieuw bericht/);
    assert.doesNotMatch(mail.raw, /Geheim/);
  });

  it('documents and a message in two dossiers within the window are one e-mail naming both dossiers', async () => {
    const second = ok(await api.gql(UPSERT_DOSSIER, { input: {
      externalRef: ref('DOS'), number: '2026.4712', description: 'Tweede dossier', statusCode: 'IN_PROGRESS', clientIds: [owner.client.id],
    } })).upsertDossier;
    const before = counts();
    await publish(owner.dossier.id, 'Een');
    await publish(owner.dossier.id, 'Twee');
    tp.clock.advanceMinutes(3);
    ok(await api.gql(POST_MESSAGE, { input: { dossierId: second.id, subject: 'Hallo', body: 'Bericht' } }));
    await digest();
    assert.equal(counts()[owner.account.email] - before[owner.account.email], 1);
    const mail = news(owner.account.email).at(-1)!;
    assert.match(mail.subject, /^Nieuw in uw dossiers/);
    assert.match(mail.text, /Dossier 2026\.4711: 2 nieuwe documenten/);
    assert.match(mail.text, /Dossier 2026\.4712: 1 nieuw bericht/);
    assert.ok(mail.links.includes(`${tp.url}/dossiers`));
  });

  it('an account whose access ended before the e-mail went out is not told about that dossier', async () => {
    const externalRef = ref('DOS');
    const input = { externalRef, number: '2026.4713', description: 'Kort toegankelijk', statusCode: 'IN_PROGRESS' };
    const third = ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [owner.client.id] } })).upsertDossier;
    const before = counts();
    await publish(third.id, 'Kort');
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [outsider.client.id] } }));
    await digest();
    assert.deepEqual(counts(), before);
  });
});
