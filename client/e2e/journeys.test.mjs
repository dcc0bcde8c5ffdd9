import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeAccount, expectAccessible, expectNoProblems, invitedAccount, newPage, tokenFrom, useJourneyPortal } from './support.mjs';

const PASSWORD = 'Zonnebloem-Akte-42';

describe('browser journeys: onboarding and sign-in', () => {
  const journey = useJourneyPortal();

  it('invitation link → e-mail → set password → Mijn gegevens → logout → login (mouse)', async () => {
    const account = await invitedAccount(journey.tp, { displayName: 'Anna Visser' });
    const [invitation] = await journey.tp.mail.waitFor(account.email, 1);
    const page = await newPage(journey.browser);

    await page.goto(invitation.links.find((l) => l.includes('/activate/')));
    await page.locator('#email').waitFor();
    await expectAccessible(page, 'invitation page');
    await page.fill('#email', account.email);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Als dit e-mailadres bij ons bekend is').waitFor();

    const mails = await journey.tp.mail.waitFor(account.email, 2);
    await page.goto(`${journey.tp.url}/set-password/${tokenFrom(mails[1], 'set-password')}`);
    await page.locator('#new-password').waitFor();
    await expectAccessible(page, 'set-password page');
    await page.fill('#new-password', PASSWORD);
    await page.fill('#repeat-password', PASSWORD);
    await page.getByRole('button', { name: 'Instellen wachtwoord' }).click();

    await page.waitForURL('**/my-details');
    await page.getByRole('heading', { name: 'Mijn gegevens' }).waitFor();
    await page.getByText(account.accountNumber).waitFor();
    await expectAccessible(page, 'Mijn gegevens');
    await journey.tp.mail.waitFor(account.email, 3);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/login');
    await expectAccessible(page, 'login page');
    await page.fill('#identifier', account.email);
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/home');
    await page.getByRole('link', { name: /Dossiers/ }).first().waitFor();
    await expectAccessible(page, 'home');
    expectNoProblems(page);
    await page.context().close();
  });

  it('the same journey by keyboard only', async () => {
    const account = await invitedAccount(journey.tp);
    const [invitation] = await journey.tp.mail.waitFor(account.email, 1);
    const page = await newPage(journey.browser);
    const kb = page.keyboard;
    // Presses Tab until the (visible) target has focus, as a keyboard user would.
    const tabTo = async (target) => {
      const locator = typeof target === 'string' ? page.locator(target) : target;
      for (let i = 0; i < 40; i++) {
        if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
        await kb.press('Tab');
      }
      assert.fail(`could not reach ${locator} with Tab`);
    };

    await page.goto(invitation.links.find((l) => l.includes('/activate/')));
    await page.locator('#email').waitFor();
    await tabTo('#email');
    await kb.type(account.email);
    await kb.press('Enter');
    await page.getByText('Als dit e-mailadres bij ons bekend is').waitFor();

    const mails = await journey.tp.mail.waitFor(account.email, 2);
    await page.goto(`${journey.tp.url}/set-password/${tokenFrom(mails[1], 'set-password')}`);
    await page.locator('#new-password').waitFor();
    await tabTo('#new-password');
    await kb.type(PASSWORD);
    await tabTo('#repeat-password');
    await kb.type(PASSWORD);
    await kb.press('Enter');
    await page.waitForURL('**/my-details');

    await tabTo(page.getByRole('button', { name: 'Uitloggen' }).locator('visible=true'));
    await kb.press('Enter');
    await page.waitForURL('**/login');
    await page.locator('#identifier').waitFor();
    await tabTo('#identifier');
    await kb.type(account.accountNumber);
    await tabTo('#password');
    await kb.type(PASSWORD);
    await kb.press('Enter');
    await page.waitForURL('**/home');
    expectNoProblems(page);
    await page.context().close();
  });

  it('shows the expired-link page and a wrong password without revealing the account', async () => {
    const page = await newPage(journey.browser);
    await page.goto(`${journey.tp.url}/set-password/not-a-valid-token`);
    await page.getByText(/niet (meer )?geldig|verlopen/i).first().waitFor();
    await expectAccessible(page, 'expired link page');

    await page.goto(`${journey.tp.url}/login`);
    await page.fill('#identifier', 'nobody@example.nl');
    await page.fill('#password', 'Whatever-123');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('De combinatie van e-mailadres/accountnummer en wachtwoord is onjuist.').waitFor();
    await page.context().close();
  });

  it('switches Mijn gegevens to English at once and keeps it for the next sign-in', async () => {
    const account = await activeAccount(journey.tp, PASSWORD);
    const page = await newPage(journey.browser);
    await page.goto(`${journey.tp.url}/login`);
    await page.fill('#identifier', account.email);
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/home');
    await page.goto(`${journey.tp.url}/my-details`);
    await page.getByRole('heading', { name: 'Mijn gegevens' }).waitFor();
    await page.locator('#language-en input').check();
    await page.getByRole('heading', { name: 'My details' }).waitFor();
    await expectAccessible(page, 'Mijn gegevens in English');

    const reloaded = await newPage(journey.browser);
    await reloaded.goto(`${journey.tp.url}/login`);
    await reloaded.fill('#identifier', account.email);
    await reloaded.fill('#password', PASSWORD);
    await reloaded.getByRole('button', { name: 'Inloggen' }).click();
    await reloaded.waitForURL('**/home');
    await reloaded.getByRole('button', { name: 'Sign out' }).locator('visible=true').waitFor();
    expectNoProblems(page);
    await page.context().close();
    await reloaded.context().close();
  });
});
