// Browser journeys of "Acties" (SPEC §6, seeds 000/001): a client fills in a three-page questionnaire,
// stops after page 1 (logout), resumes on page 2 with the answers intact, completes it, prints the
// result and downloads its PDF from "Door mij aangeleverd"; the same by keyboard alone; axe on the
// list, a page with an error shown, and the result.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  clientWithDossier, expectAccessible, expectNoProblems, integration, logIn, newPage, ok, pdf, tabTo, useJourneyPortal,
} from './support.mjs';

const PASSWORD = 'Zonnebloem-Akte-42';

const UPSERT = 'mutation($input: QuestionnaireInput!) { upsertQuestionnaire(input: $input) { id } }';
const ASSIGN = 'mutation($dossierId: ID!, $questionnaireId: ID!, $title: String) { assignQuestionnaire(dossierId: $dossierId, questionnaireId: $questionnaireId, title: $title) { id title } }';

const TEMPLATE = {
  title: 'Vragenlijst levering woning',
  pages: [
    { title: 'Persoonlijke gegevens', questions: [
      { key: 'name', label: 'Volledige naam', type: 'TEXT', required: true },
      { key: 'birthDate', label: 'Geboortedatum', type: 'DATE', required: true, help: 'Zoals in uw paspoort.' },
      { key: 'partner', label: 'Heeft u een partner?', type: 'YES_NO', required: true },
    ] },
    { title: 'Gezin', questions: [
      { key: 'partnerName', label: 'Naam van uw partner', type: 'TEXT', required: true, showIfKey: 'partner', showIfValue: 'yes' },
      { key: 'children', label: 'Aantal kinderen', type: 'NUMBER', required: false },
      { key: 'kind', label: 'Soort overdracht', type: 'SINGLE_CHOICE', required: true, options: ['Koop', 'Schenking'] },
    ] },
    { title: 'Stukken', questions: [
      { key: 'idCopy', label: 'Kopie legitimatiebewijs', type: 'FILE', required: true },
      { key: 'wishes', label: 'Waarover wilt u advies?', type: 'MULTIPLE_CHOICE', required: false, options: ['Testament', 'Levenstestament', 'Huwelijkse voorwaarden'] },
      { key: 'remarks', label: 'Opmerkingen', type: 'LONG_TEXT', required: false },
    ] },
  ],
};

/** A client with a dossier and, assigned to it by the office, the three-page questionnaire. */
async function assignedQuestionnaire(tp, title) {
  const api = await integration(tp);
  const seeded = await clientWithDossier(tp, api, PASSWORD);
  const template = ok(await api.gql(UPSERT, { input: TEMPLATE })).upsertQuestionnaire;
  const action = ok(await api.gql(ASSIGN, { dossierId: seeded.dossier.id, questionnaireId: template.id, title })).assignQuestionnaire;
  return { ...seeded, action };
}

/** "Invullen" with the questionnaire's title for screen readers. */
const fillName = (title) => new RegExp(`^Invullen\\s*:\\s*${title}$`);
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const paspoort = () => ({ name: 'paspoort.pdf', mimeType: 'application/pdf', buffer: pdf('paspoort') });

describe('browser journeys: Acties and questionnaires', () => {
  const journey = useJourneyPortal();

  it('fill in page 1, log out, resume on page 2 with the answers kept, complete, print, download the PDF from "Door mij aangeleverd"', async () => {
    const title = `Vragenlijst koper ${Date.now()}`;
    const { account, dossier, action } = await assignedQuestionnaire(journey.tp, title);
    const page = await newPage(journey.browser, { acceptDownloads: true });
    await logIn(page, journey.tp.url, account.email, PASSWORD);

    await page.getByText('1 vragenlijst in te vullen').waitFor();
    await page.getByRole('link', { name: 'Acties (1 open)' }).first().click();
    await page.waitForURL('**/actions');
    const row = page.getByTestId('action-row');
    await row.getByRole('rowheader', { name: title }).waitFor();
    await row.getByText(dossier.number).waitFor();
    await row.getByText('Nieuw').waitFor();
    await expectAccessible(page, 'Acties list');
    await page.getByRole('link', { name: fillName(title) }).click();
    await page.waitForURL(`**/actions/${action.id}`);

    // Page 1: "Volgende" with nothing filled in marks the required questions and moves focus to the first.
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Stap 1 van 3\s*:\s*Persoonlijke gegevens$/ }).waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('alert').getByText('Niet alle vragen zijn goed ingevuld.').waitFor();
    await page.locator('#q-name-error').getByText('Deze vraag is verplicht.').waitFor();
    await page.locator('#q-partner-error').getByText('Deze vraag is verplicht.').waitFor();
    assert.equal(await activeId(page), 'q-name', 'focus on the first question to fix');
    assert.match(await page.locator('#q-name').getAttribute('aria-describedby'), /q-name-error/, 'the error describes the field');
    assert.match(await page.getByRole('radio', { name: 'Ja' }).getAttribute('aria-describedby'), /q-partner-error/);
    assert.match(await page.locator('#q-birthDate').getAttribute('aria-describedby'), /q-birthDate-help/);
    await expectAccessible(page, 'wizard page with errors');

    await page.getByLabel('Volledige naam').fill('Jan de Vries');
    await page.locator('#q-birthDate').fill('1980-01-15');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('step-count').getByText('Stap 2 van 3').waitFor();
    assert.equal(await activeId(page), 'step-heading', 'focus on the new page heading');
    await page.getByLabel('Naam van uw partner').waitFor();

    // Stop: log out, log in again; the list says how far it got, and the wizard resumes on page 2.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/login');
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/actions`);
    await row.getByText('Gedeeltelijk ingevuld').waitFor();
    await row.getByText('(Stap 2 van 3)').waitFor();
    await page.getByRole('link', { name: fillName(title) }).click();
    await page.getByTestId('step-count').getByText('Stap 2 van 3').waitFor();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByTestId('step-count').getByText('Stap 1 van 3').waitFor();
    assert.equal(await page.locator('#q-name').inputValue(), 'Jan de Vries');
    assert.equal(await page.locator('#q-birthDate').inputValue(), '1980-01-15');
    assert.equal(await page.getByRole('radio', { name: 'Ja' }).isChecked(), true);
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Page 2: the condition holds (partner: Ja); a wrong number is refused at its question.
    await page.getByTestId('step-count').getByText('Stap 2 van 3').waitFor();
    await page.getByLabel('Naam van uw partner').fill('Marieke Smit');
    await page.getByLabel('Aantal kinderen').fill('twee');
    await page.getByRole('radio', { name: 'Koop' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.locator('#q-children-error').getByText('Vul een getal in').waitFor();
    assert.equal(await activeId(page), 'q-children');
    await page.getByLabel('Aantal kinderen').fill('2');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Page 3: a file, two wishes, remarks on two lines.
    await page.getByTestId('step-count').getByText('Stap 3 van 3').waitFor();
    await page.locator('#q-idCopy-file').setInputFiles(paspoort());
    await page.getByTestId('file-state-idCopy').getByText('Gekozen bestand: paspoort.pdf').waitFor();
    await page.getByRole('checkbox', { name: 'Testament', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Levenstestament' }).check();
    await page.getByLabel('Opmerkingen').fill('Graag een afspraak\nin januari');
    await expectAccessible(page, 'wizard page 3 with a chosen file');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Overview, then "Voltooien": the result at its own address, the badge at 0.
    const overview = page.getByTestId('action-overview');
    await overview.getByRole('heading', { name: 'Overzicht van uw antwoorden' }).waitFor();
    await overview.getByText('15 januari 1980').waitFor();
    await overview.getByText('Testament, Levenstestament').waitFor();
    await overview.getByText('paspoort.pdf').waitFor();
    await page.getByRole('button', { name: 'Voltooien' }).click();
    await page.waitForURL(`**/actions/${action.id}/result`);
    const result = page.getByTestId('action-result');
    await result.getByRole('heading', { name: 'Vragenlijst afgerond' }).waitFor();
    await result.getByText('Marieke Smit').waitFor();
    await result.getByText('Koop').waitFor();
    await page.getByRole('link', { name: 'Acties (0 open)' }).first().waitFor();
    await expectAccessible(page, 'result page');

    // Printing: the button prints; the print view has the answers without navigation or buttons.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });
    await page.getByRole('button', { name: 'Printen' }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.shell-header').isVisible(), false, 'no header or navigation in print');
    assert.equal(await page.getByRole('navigation').first().isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Printen' }).isVisible(), false, 'no buttons in print');
    assert.equal(await page.locator('.back-link').isVisible(), false);
    assert.equal(await result.getByText('Marieke Smit').isVisible(), true, 'the answers print');
    assert.equal(await page.getByRole('heading', { level: 1, name: title }).isVisible(), true);
    const printed = await page.pdf().catch(() => null);
    if (printed) assert.match(printed.subarray(0, 5).toString('latin1'), /%PDF-/);
    await page.emulateMedia({ media: 'screen' });

    // The PDF under "Door mij aangeleverd", with the uploaded file beside it.
    await page.getByRole('link', { name: 'Naar het dossier' }).click();
    await page.waitForURL(`**/dossiers/${dossier.id}?tab=supplied`);
    const pdfLink = page.getByRole('link', { name: new RegExp(`^Download\\s*:\\s*Vragenlijst ${title}$`) });
    await pdfLink.waitFor();
    await page.getByRole('link', { name: /^Download\s*:\s*paspoort\.pdf$/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const content = await readFile(await download.path());
    assert.equal(content.subarray(0, 5).toString('latin1'), '%PDF-');

    await page.goto(`${journey.tp.url}/actions`);
    await page.getByText('Er zijn geen openstaande acties').waitFor();
    await expectAccessible(page, 'empty Acties list');
    await page.getByRole('link', { name: 'Home' }).first().click();
    await page.getByText('0 — u hoeft geen vragenlijst (meer) in te vullen').waitFor();
    expectNoProblems(page);
    await page.context().close();
  });

  it('by keyboard alone: from Home to Acties, three pages (date, radio, file chooser, checkbox), complete', async () => {
    const title = `Vragenlijst toetsenbord ${Date.now()}`;
    const { account, action } = await assignedQuestionnaire(journey.tp, title);
    const page = await newPage(journey.browser);
    const kb = page.keyboard;
    // Listening from the start: Playwright turns on catching the file chooser asynchronously.
    const chooserOpened = new Promise((resolve) => page.once('filechooser', resolve));
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.getByText('1 vragenlijst in te vullen').waitFor();

    await tabTo(page, page.locator('.tile-link', { hasText: 'Acties' }));
    await kb.press('Enter');
    await page.waitForURL('**/actions');
    const fill = page.getByRole('link', { name: fillName(title) });
    await fill.waitFor();
    await tabTo(page, fill);
    await kb.press('Enter');
    await page.waitForURL(`**/actions/${action.id}`);
    await page.getByTestId('step-count').getByText('Stap 1 van 3').waitFor();

    // "Volgende" at once: focus lands on the first question to fix.
    await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
    await kb.press('Enter');
    await page.locator('#q-name-error').waitFor();
    assert.equal(await activeId(page), 'q-name');
    await kb.type('Anna Jansen');
    await kb.press('Tab');
    assert.equal(await activeId(page), 'q-birthDate');
    // Day and month alike: the segments' order follows the browser's locale.
    await kb.type('05051975');
    assert.equal(await page.locator('#q-birthDate').inputValue(), '1975-05-05');
    await tabTo(page, page.getByRole('radio', { name: 'Ja' }));
    await kb.press('ArrowRight');
    assert.equal(await page.getByRole('radio', { name: 'Nee' }).isChecked(), true, 'the arrow keys choose');
    await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
    await kb.press('Enter');

    // Page 2: partner "Nee" hides the partner's name; focus is on the page heading.
    await page.getByTestId('step-count').getByText('Stap 2 van 3').waitFor();
    assert.equal(await activeId(page), 'step-heading');
    assert.equal(await page.locator('#q-partnerName').count(), 0, 'hidden by its condition');
    await tabTo(page, page.locator('#q-children'));
    await kb.type('0');
    await tabTo(page, page.getByRole('radio', { name: 'Koop' }));
    await kb.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
    await kb.press('Enter');

    // Page 3: the file chooser opens from its button; a checkbox by Space.
    await page.getByTestId('step-count').getByText('Stap 3 van 3').waitFor();
    const choose = page.locator('#q-idCopy-choose');
    await tabTo(page, choose);
    await kb.press('Enter');
    await (await chooserOpened).setFiles(paspoort());
    await page.getByTestId('file-state-idCopy').getByText('Gekozen bestand: paspoort.pdf').waitFor();
    await tabTo(page, page.getByRole('checkbox', { name: 'Huwelijkse voorwaarden' }));
    await kb.press('Space');
    assert.equal(await page.getByRole('checkbox', { name: 'Huwelijkse voorwaarden' }).isChecked(), true);
    await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Overzicht van uw antwoorden' }).waitFor();
    assert.equal(await activeId(page), 'step-heading');
    await tabTo(page, page.getByRole('button', { name: 'Voltooien' }));
    await kb.press('Enter');
    await page.waitForURL(`**/actions/${action.id}/result`);
    await page.getByRole('heading', { name: 'Vragenlijst afgerond' }).waitFor();
    await page.getByTestId('action-result').getByText('Huwelijkse voorwaarden').waitFor();
    const print = page.getByRole('button', { name: 'Printen' });
    await tabTo(page, print);
    expectNoProblems(page);
    await page.context().close();
  });

  it('a saved file stays unless removed; a refused file is named at its question', async () => {
    const title = `Vragenlijst bestanden ${Date.now()}`;
    const { account, action, dossier } = await assignedQuestionnaire(journey.tp, title);
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    // The dossier page offers its open questionnaire too.
    await page.goto(`${journey.tp.url}/dossiers/${dossier.id}`);
    const offered = page.getByRole('region', { name: 'Vragenlijsten in dit dossier' });
    await offered.getByText(title, { exact: true }).waitFor();
    await expectAccessible(page, 'dossier page with an open questionnaire');
    await offered.getByRole('link', { name: fillName(title) }).click();
    await page.waitForURL(`**/actions/${action.id}`);
    await page.getByLabel('Volledige naam').fill('Piet Bakker');
    await page.locator('#q-birthDate').fill('1990-12-31');
    await page.getByRole('radio', { name: 'Nee' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('step-count').getByText('Stap 2 van 3').waitFor();
    await page.getByRole('radio', { name: 'Schenking' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('step-count').getByText('Stap 3 van 3').waitFor();

    // A file whose content is not what its name says: refused by the server, shown at the question.
    await page.locator('#q-idCopy-file').setInputFiles({ name: 'paspoort.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') });
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.locator('#q-idCopy-error').waitFor();
    assert.match(await page.locator('#q-idCopy-error').innerText(), /past niet bij het bestandstype|niet toegestaan/);
    await expectAccessible(page, 'wizard page with a refused file');

    await page.locator('#q-idCopy-file').setInputFiles(paspoort());
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { name: 'Overzicht van uw antwoorden' }).waitFor();

    // Back to page 3: the saved file shows by name and stays when nothing is chosen.
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByTestId('file-state-idCopy').getByText('Opgeslagen bestand: paspoort.pdf').waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('action-overview').getByText('paspoort.pdf').waitFor();

    // Removing it: a required question then asks for a file before anything is sent.
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('button', { name: 'paspoort.pdf verwijderen' }).click();
    await page.getByText('Het opgeslagen bestand paspoort.pdf wordt verwijderd').waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.locator('#q-idCopy-error').getByText('Deze vraag is verplicht.').waitFor();
    assert.equal(await activeId(page), 'q-idCopy-choose');
    await page.getByRole('button', { name: /^Toch bewaren/ }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { name: 'Overzicht van uw antwoorden' }).waitFor();
    await page.getByRole('button', { name: 'Voltooien' }).click();
    await page.waitForURL(`**/actions/${action.id}/result`);
    await page.goto(`${journey.tp.url}/dossiers/${dossier.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(dossier.number) }).waitFor();
    assert.equal(await page.getByTestId('dossier-actions').count(), 0, 'a completed questionnaire is no longer offered');
    expectNoProblems(page);
    await page.context().close();
  });
});
