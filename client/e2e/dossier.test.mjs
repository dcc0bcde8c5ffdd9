// Browser journeys of the dossier workspace (SPEC §3–5): a client opens their dossier, reads its
// progress, downloads a document, answers a message with attachments dragged in, and hits the
// 4000-character limit; the same by keyboard alone; axe on every screen of it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  POST_MESSAGE, PUBLISH, SET_PROGRESS, UPSERT_DOSSIER, clientWithDossier, expectAccessible, expectNoProblems, integration, logIn,
  newPage, ok, pdf, ref, tabTo, useJourneyPortal,
} from './support.mjs';

const PASSWORD = 'Zonnebloem-Akte-42';

/** A client with one dossier fed as a case-management system does: progress, a letter, a message with an attachment. */
async function seededDossier(tp, options = {}) {
  const api = await integration(tp);
  const seeded = await clientWithDossier(tp, api, PASSWORD, options);
  const { dossier } = seeded;
  ok(await api.gql(SET_PROGRESS, { dossierId: dossier.id, steps: [
    { title: 'Stukken ontvangen', done: true }, { title: 'Concept akte', done: true }, { title: 'Passeren', done: false },
  ] }));
  const letter = ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'CORRESPONDENCE', title: 'Brief over de levering', file: null, notify: false } },
    { 'input.file': { name: 'brief-levering.pdf', content: pdf('brief over de levering') } })).publishDocument;
  ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'DOCUMENT', title: 'Concept akte', file: null, notify: false } },
    { 'input.file': { name: 'concept-akte.pdf', content: pdf('concept akte') } }));
  const message = ok(await api.upload(POST_MESSAGE, { input: { dossierId: dossier.id, subject: 'Graag stukken aanleveren', body: 'Wilt u een kopie van uw legitimatiebewijs sturen?', attachments: [null] } },
    { 'input.attachments.0': { name: 'toelichting.pdf', content: pdf('toelichting') } })).postMessage;
  return { ...seeded, api, letter, message };
}

/** Drops files on the attachments dialog's drop zone the way a browser does: a DataTransfer built in the page. */
async function dropFiles(page, files) {
  await page.locator('[data-testid="drop-zone"]').evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const { name, content, type } of list) data.items.add(new File([content], name, { type }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

const tab = (page, name) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

describe('browser journeys: the dossier workspace', () => {
  const journey = useJourneyPortal();

  it('one dossier: straight in, Voortgang, download with the mark, reply with a dragged-in attachment, "Door mij aangeleverd"', async () => {
    const { account, dossier, letter } = await seededDossier(journey.tp);
    const page = await newPage(journey.browser, { acceptDownloads: true });
    await logIn(page, journey.tp.url, account.email, PASSWORD);

    await page.getByText('1 in behandeling / 1 totaal').waitFor();
    await page.getByRole('link', { name: 'Acties (0 open)' }).first().waitFor();
    await page.getByRole('link', { name: 'Dossiers', exact: true }).last().click();
    await page.waitForURL(`**/dossiers/${dossier.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(dossier.number) }).waitFor();

    // Voortgang: collapsed, "(2/3)", expands to the steps.
    const progress = page.getByRole('button', { name: 'Voortgang (2/3)' });
    assert.equal(await progress.getAttribute('aria-expanded'), 'false');
    await progress.click();
    await page.locator('[data-testid="progress-toggle"][aria-expanded="true"]').waitFor();
    await page.getByText('Stukken ontvangen').waitFor();
    await page.getByText('Nog niet afgerond').waitFor();
    await expectAccessible(page, 'dossier page (Correspondentie)');

    // Download: the file itself, then the mark and a lower unread count.
    await tab(page, 'Correspondentie \\(1\\), 1 ongelezen').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download\s*:\s*Brief over de levering$/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'brief-levering.pdf');
    const content = await readFile(await download.path());
    assert.match(content.toString('latin1'), /brief over de levering/);
    assert.equal(content.length, letter.size);
    await page.getByTestId('downloaded-mark').getByText('Reeds gedownload').waitFor();
    await tab(page, 'Correspondentie \\(1\\)$').waitFor();

    await tab(page, 'Documenten').click();
    await page.getByText('Concept akte').first().waitFor();
    await expectAccessible(page, 'tab Documenten');
    await tab(page, 'Door mij aangeleverd').click();
    await page.getByText('Er zijn (nog) geen documenten.').waitFor();
    await expectAccessible(page, 'tab Door mij aangeleverd');

    // Berichten: open the unread message (it is marked read), reply with one of two dragged-in files.
    await tab(page, 'Berichten \\(1\\), 1 ongelezen').click();
    await expectAccessible(page, 'tab Berichten');
    await page.getByRole('button', { name: /Ongelezen\s*:\s*Graag stukken aanleveren/ }).click();
    await page.getByText('Wilt u een kopie van uw legitimatiebewijs sturen?').first().waitFor();
    await tab(page, 'Berichten \\(1\\)$').waitFor();
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    await page.getByRole('heading', { name: 'Beantwoorden' }).waitFor();
    assert.equal(await page.locator('#message-subject').inputValue(), 'Re: Graag stukken aanleveren');
    await page.getByTestId('original-message').getByText('Wilt u een kopie van uw legitimatiebewijs sturen?').waitFor();
    await page.locator('#message-body').fill('Hierbij zend ik een kopie van mijn paspoort.');
    await page.getByText('44 van 4000 tekens').waitFor();
    await expectAccessible(page, 'compose form (reply)');

    await page.getByRole('button', { name: 'Bijlagen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    await dialog.waitFor();
    await expectAccessible(page, 'attachments dialog');
    const pdfText = pdf('paspoort').toString('latin1');
    await dropFiles(page, [
      { name: 'paspoort.pdf', content: pdfText, type: 'application/pdf' },
      { name: 'verkeerd-bestand.pdf', content: pdf('verkeerd').toString('latin1'), type: 'application/pdf' },
    ]);
    await dialog.getByRole('button', { name: 'Upload 2 bestanden' }).waitFor();
    await expectAccessible(page, 'attachments dialog with files');
    await dialog.getByRole('button', { name: 'verkeerd-bestand.pdf verwijderen' }).click();
    await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('compose-attachment').getByText('paspoort.pdf').waitFor();
    assert.equal(await page.getByTestId('compose-attachment').count(), 1);
    await page.getByRole('button', { name: 'Versturen' }).click();

    await page.getByText('Uw bericht is verstuurd.').waitFor();
    await page.getByRole('button', { name: /^Aan\s*:\s*Re: Graag stukken aanleveren/ }).waitFor();
    await tab(page, 'Door mij aangeleverd \\(1\\)').click();
    // The tab may re-render when the counts are refetched; wait until it shows exactly the kept attachment.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="document-row"]')];
      return rows.length === 1 && rows[0].textContent.includes('paspoort.pdf');
    }, undefined, { timeout: 10_000 });
    await expectAccessible(page, 'tab Door mij aangeleverd with the sent attachment');
    expectNoProblems(page);
    await page.context().close();
  });

  it('the body holds 4000 characters: "Maximum bereikt", and the rest is cut', async () => {
    const { account, dossier } = await seededDossier(journey.tp);
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/dossiers/${dossier.id}?tab=messages`);
    await page.getByRole('button', { name: 'Nieuw bericht' }).click();
    await page.locator('#message-subject').fill('Lange tekst');
    await page.locator('#message-body').fill('a'.repeat(3990) + 'b'.repeat(11));

    const dialog = page.getByRole('alertdialog', { name: 'Maximum bereikt' });
    await dialog.getByText('Het maximaal aantal van 4000 karakters voor een bericht is bereikt. Meer tekst zal worden verwijderd.').waitFor();
    await expectAccessible(page, 'limit dialog');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    const body = await page.locator('#message-body').inputValue();
    assert.equal(body.length, 4000);
    assert.equal(body, 'a'.repeat(3990) + 'b'.repeat(10));
    await page.getByText('4000 van 4000 tekens').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message-body', 'focus back in the body field');
    expectNoProblems(page);
    await page.context().close();
  });

  it('several dossiers: the list with search, status filter and ongoing/closed, then into one', async () => {
    const { account, api, client, dossier } = await seededDossier(journey.tp, { number: `A-${Date.now()}`, description: 'Levering woning Dorpsstraat 1' });
    const closed = ok(await api.gql(UPSERT_DOSSIER, { input: {
      externalRef: ref('DOS'), number: `B-${Date.now()}`, description: 'Testament en levenstestament', statusCode: 'COMPLETED', clientIds: [client.id],
    } })).upsertDossier;
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.getByText('1 in behandeling / 2 totaal').waitFor();
    await page.goto(`${journey.tp.url}/dossiers`);
    const rows = page.getByTestId('dossier-row');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    await expectAccessible(page, 'dossiers list');

    await page.getByRole('radio', { name: 'Afgesloten' }).click();
    await page.waitForURL('**/dossiers?view=closed');
    await page.getByText('1 dossier gevonden').waitFor();
    assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-number'))), [closed.number]);

    await page.getByRole('radio', { name: 'Alle' }).click();
    await page.locator('#dossier-search').fill('Dorpsstraat');
    await page.waitForURL('**/dossiers?q=Dorpsstraat');
    await page.getByText('1 dossier gevonden').waitFor();
    await page.getByRole('link', { name: `Openen dossier ${dossier.number}` }).click();
    await page.waitForURL(`**/dossiers/${dossier.id}`);
    await page.goBack();
    await page.waitForURL('**/dossiers?q=Dorpsstraat');
    assert.equal(await page.locator('#dossier-search').inputValue(), 'Dorpsstraat');
    expectNoProblems(page);
    await page.context().close();
  });

  it('by keyboard alone: from Home into the dossier, and a new message sent', async () => {
    const { account } = await seededDossier(journey.tp);
    const page = await newPage(journey.browser);
    const kb = page.keyboard;
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.getByText('1 in behandeling / 1 totaal').waitFor();

    await tabTo(page, page.locator('.tile-link', { hasText: 'Dossiers' }));
    await kb.press('Enter');
    await page.waitForURL('**/dossiers/*');
    const progress = page.getByRole('button', { name: /^Voortgang/ });
    await progress.waitFor();
    await tabTo(page, progress);
    await kb.press('Space');
    await page.getByText('Stukken ontvangen').waitFor();

    // The tab list is one Tab stop; within it the arrow keys move (WAI-ARIA tabs), Enter selects.
    await tabTo(page, tab(page, 'Correspondentie'));
    for (let i = 0; i < 3; i++) await kb.press('ArrowRight');
    await kb.press('Enter');
    const newMessage = page.getByRole('button', { name: 'Nieuw bericht' });
    await newMessage.waitFor();
    await tabTo(page, newMessage);
    await kb.press('Enter');
    await page.locator('#message-subject').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message-subject', 'the form starts at Onderwerp');
    await kb.type('Vraag over de akte');
    await tabTo(page, page.locator('#message-body'));
    await kb.type('Beste,\n\nKlopt de datum van het passeren?');
    await tabTo(page, page.getByRole('button', { name: 'Versturen' }));
    await kb.press('Enter');
    await page.getByText('Uw bericht is verstuurd.').waitFor();
    await page.getByRole('button', { name: /^Aan\s*:\s*Vraag over de akte/ }).waitFor();
    expectNoProblems(page);
    await page.context().close();
  });

  it('an unknown dossier id gives "Dossier niet gevonden"', async () => {
    const { account } = await seededDossier(journey.tp);
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/dossiers/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Dossier niet gevonden' }).waitFor();
    await expectAccessible(page, 'dossier not found');
    await page.context().close();
  });
});
