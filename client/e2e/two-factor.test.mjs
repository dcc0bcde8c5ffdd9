import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activeAccount, client, expectAccessible, expectNoProblems, logIn, newPage, totpCode, uniqueMobile, useJourneyPortal,
} from './support.mjs';

const PASSWORD = 'Zonnebloem-Akte-42';

describe('browser journeys: two-step verification, Mijn gegevens and extra accounts', () => {
  const journey = useJourneyPortal();

  /** Saves the recovery codes shown once and closes the screen; returns the codes. */
  async function keepRecoveryCodes(page, label) {
    const codes = page.locator('[data-testid="recovery-code"]');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    await expectAccessible(page, label);
    const list = (await codes.allTextContents()).map((c) => c.trim());
    await page.getByRole('checkbox', { name: 'Ik heb mijn herstelcodes bewaard' }).check();
    await page.getByRole('button', { name: 'Gereed' }).click();
    return list;
  }

  async function logOut(page) {
    await page.getByRole('button', { name: 'Uitloggen' }).locator('visible=true').click();
    await page.waitForURL('**/login');
  }

  it('sets up the authenticator app under Mijn gegevens and signs in with its code', async () => {
    const account = await activeAccount(journey.tp, PASSWORD);
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/my-details`);
    await page.getByRole('button', { name: 'Instellen met authenticator-app' }).click();
    const secretText = page.locator('[data-testid="totp-secret"]');
    await secretText.waitFor();
    await page.locator('.totp-qr svg').waitFor();
    await expectAccessible(page, 'authenticator setup');
    const secret = (await secretText.textContent()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/, '160 bits in base32');
    await page.locator('#totp-code').fill(totpCode(journey.tp, secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await keepRecoveryCodes(page, 'recovery codes after app setup');
    await page.locator('[data-field="twoFactorMethod"]', { hasText: 'Aan, met authenticator-app' }).waitFor();

    await logOut(page);
    await logIn(page, journey.tp.url, account.email, PASSWORD, '/second-factor');
    await page.getByText('Voer de code uit uw authenticator-app in.').waitFor();
    await expectAccessible(page, 'second step (app)');
    journey.tp.clock.advance(30_000); // the setup code's time step is used up; the next one is new
    await page.locator('#one-time-code').fill(totpCode(journey.tp, secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL('**/home');
    expectNoProblems(page);
    await page.context().close();
  });

  it('sets up SMS, signs in with the code from the SMS, and later with a recovery code', async () => {
    const account = await activeAccount(journey.tp, PASSWORD);
    const mobile = uniqueMobile();
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/my-details`);
    await page.getByRole('button', { name: 'Instellen met sms' }).click();
    await page.getByRole('textbox', { name: 'Mobiel nummer' }).fill(mobile.input);
    await expectAccessible(page, 'SMS setup');
    await page.getByRole('button', { name: 'Code versturen' }).click();
    const setupCode = await journey.tp.sms.codeFor(mobile.e164, 1);
    await page.getByRole('textbox', { name: 'Code uit de sms' }).fill(setupCode);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const recoveryCodes = await keepRecoveryCodes(page, 'recovery codes after SMS setup');
    await page.locator('[data-field="twoFactorMethod"]', { hasText: 'Aan, met sms' }).waitFor();

    await logOut(page);
    await logIn(page, journey.tp.url, account.email, PASSWORD, '/second-factor');
    await page.getByText(/We hebben een sms-code gestuurd naar \+31 6/).waitFor();
    const [sms] = (await journey.tp.sms.waitFor(mobile.e164, 2)).slice(1);
    assert.match(sms.body, /is uw inlogcode voor het klantenportaal/);
    await page.locator('#one-time-code').fill(await journey.tp.sms.codeFor(mobile.e164, 2));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL('**/home');

    await logOut(page);
    await logIn(page, journey.tp.url, account.email, PASSWORD, '/second-factor');
    await page.getByRole('button', { name: 'Herstelcode gebruiken' }).click();
    await page.locator('#recovery-code-input').fill(recoveryCodes[3]);
    await expectAccessible(page, 'second step (recovery code)');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL('**/home');
    await page.goto(`${journey.tp.url}/my-details`);
    await page.locator('[data-field="recoveryCodesLeft"]', { hasText: 'Nog 9 herstelcodes over' }).waitFor();
    expectNoProblems(page);
    await page.context().close();
  });

  it('switches to English: the interface at once, and the next e-mail in English', async () => {
    const account = await activeAccount(journey.tp, PASSWORD);
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, account.email, PASSWORD);
    await page.goto(`${journey.tp.url}/my-details`);
    await page.locator('#language-en input').check();
    await page.getByRole('heading', { name: 'My details' }).waitFor();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await expectAccessible(page, 'My details in English');

    await page.getByRole('button', { name: 'Sign out' }).locator('visible=true').click();
    await page.waitForURL('**/login');
    await page.goto(`${journey.tp.url}/password-link`);
    await page.locator('#email').fill(account.email);
    await page.locator('form button[type=submit]').click();
    const [mail] = await journey.tp.mail.waitFor(account.email, 1);
    assert.match(mail.subject, /^Set your password/);
    expectNoProblems(page);
    await page.context().close();
  });

  it('lets a company main account add, view and remove an extra account', async () => {
    const company = await client(journey.tp, 'Bakkerij Journey B.V.');
    const main = await activeAccount(journey.tp, PASSWORD, { role: 'COMPANY_MAIN', clientId: company.id });
    const page = await newPage(journey.browser);
    await logIn(page, journey.tp.url, main.email, PASSWORD);
    await page.getByRole('link', { name: 'Accounts' }).locator('visible=true').click();
    await page.getByRole('heading', { name: 'Extra accounts', level: 1 }).waitFor();
    await page.getByText('Er zijn nog geen extra accounts.').waitFor();

    await page.getByRole('button', { name: 'Extra account toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog moves focus to its first field once it has opened; typing before that could land elsewhere.
    await page.waitForFunction(() => document.activeElement?.id === 'extra-account-name');
    await dialog.locator('#extra-account-name').fill('Kees Collega');
    const email = `kees.${Date.now()}@example.nl`;
    await dialog.locator('#extra-account-email').fill(email);
    await expectAccessible(page, 'add extra account dialog');
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    // The dialog closes only when the account was added; if it stays, its text says why.
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })
      .catch(async () => assert.fail(`the add dialog stayed open: ${await dialog.innerText().catch(() => '?')} | ${page.problems.join(' | ')}`));
    await page.getByText(`De uitnodiging is verstuurd naar ${email}.`).waitFor();
    const row = page.locator('[data-testid="extra-account-row"]', { hasText: email });
    await row.waitFor();
    const [invitation] = await journey.tp.mail.waitFor(email, 1);
    assert.match(invitation.text, /Kees Collega/);
    await expectAccessible(page, 'extra accounts list');

    await page.getByRole('button', { name: 'Gegevens van Kees Collega inzien' }).click();
    await page.getByRole('dialog').getByText(email).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();

    await page.getByRole('button', { name: 'Extra account van Kees Collega verwijderen' }).click();
    await page.getByRole('dialog').getByText(/Weet u zeker dat u het extra account van Kees Collega/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Het extra account van Kees Collega is verwijderd.').waitFor();
    // The list reloads after the message: wait for the row to go rather than counting at once.
    await row.waitFor({ state: 'detached' });
    expectNoProblems(page);
    await page.context().close();
  });
});
