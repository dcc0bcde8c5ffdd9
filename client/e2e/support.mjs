// Browser-journey support: a real portal (server harness: fresh SQLite DB, SMTP catcher) serving the
// built client, driven by playwright-core in Debian's chromium, with axe for accessibility.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { startPortal } from '../../server/dist/server/test/harness.js';

export { startPortal, tokenFrom } from '../../server/dist/server/test/harness.js';
export { invitedAccount, activeAccount, uniqueEmail, uniqueMobile, client, totpCode } from '../../server/dist/server/test/factories.js';

/** Logs in through the login page and waits until the page after the password (`path`) is shown. */
export async function logIn(page, url, identifier, password, path = '/home') {
  await page.goto(`${url}/login`);
  await page.locator('#identifier').fill(identifier);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(`**${path}`);
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these, chromium keeps trying to reach Google's hosts, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The portal and the browser that the journeys of a `describe` block share: started before the
 * first, closed after the last. Call it in the `describe`; read `tp` and `browser` in the tests.
 */
export function useJourneyPortal() {
  let tp;
  let browser;
  before(async () => {
    tp = await startPortal({ LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await tp?.close();
  });
  return {
    get tp() { return tp; },
    get browser() { return browser; },
  };
}

/** A new page that records console errors and CSP violations, so a journey can assert there were none. */
export async function newPage(browser, options = {}) {
  // Reduced motion: no fade-ins for axe to measure halfway (styles.scss turns animations off then).
  const context = await browser.newContext({ locale: 'nl-NL', reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
  page.on('pageerror', (err) => page.problems.push(String(err)));
  return page;
}

/** axe-core WCAG 2.x A/AA rules on the current page; fails with the rule ids and targets. */
export async function expectAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(violations, [], `axe on ${label}`);
}

export function expectNoProblems(page) {
  const problems = page.problems.filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p) || /Content Security Policy/i.test(p));
  assert.deepEqual(problems, [], 'console errors or CSP violations');
}

export { integration, clientWithDossier, pdf, ref, PUBLISH, POST_MESSAGE, SET_PROGRESS, UPSERT_DOSSIER } from '../../server/dist/server/test/factories.js';
export { ok } from '../../server/dist/server/test/harness.js';

/**
 * Presses Tab (Shift+Tab with `backwards`) until `locator` has focus, as a keyboard user would;
 * fails after `limit` presses.
 */
export async function tabTo(page, locator, { limit = 60, backwards = false } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`could not reach ${locator} with Tab`);
}
