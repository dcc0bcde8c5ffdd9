import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totpUser, nextTotpCode } from '../../server/dist/server/test/factories.js';
import { activeAccount, expectNoProblems, launchBrowser, logIn, newPage, startPortal } from './support.mjs';

const PASSWORD = 'Zonnebloem-Akte-42';
const SECRETS = { SESSION_SECRET: 'k3c9V0s8Qm2xT7pL1rZ6yB4nW5hJ0aEu', APP_ENCRYPTION_KEY: 'Qe7Rt2Yu9Io4Pa6Sd1Fg8Hj3Kl5Zx0Cv' };

describe('browser journey: the admin GraphQL playground (production mode)', () => {
  let tp;
  let browser;
  before(async () => {
    // Production: introspection is then open to signed-in admins only, and GraphiQL needs it for its docs.
    tp = await startPortal({ NODE_ENV: 'production', ...SECRETS, LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('an admin signs in with the second step, opens /admin/graphql, runs a query and reads the schema docs — offline, under its CSP', async () => {
    const { account, secret } = await totpUser(tp, PASSWORD, { role: 'ADMIN', displayName: 'Beheerder Test' });
    const page = await newPage(browser);
    const outside = [];
    // Everything the playground needs comes from the portal: any other host is refused (and would show up here).
    await page.context().route((url) => !url.href.startsWith(tp.url), (route) => { outside.push(route.request().url()); return route.abort(); });

    await logIn(page, tp.url, account.email, PASSWORD, '/second-factor');
    await page.goto(`${tp.url}/admin/graphql`);
    await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
    assert.equal(await page.locator('.graphiql-container').count(), 0, 'no playground before the second step');

    await page.goto(`${tp.url}/second-factor`);
    await page.locator('#one-time-code').fill(nextTotpCode(tp, secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/second-factor'));

    await page.goto(`${tp.url}/admin/graphql`);
    await page.locator('.graphiql-container').waitFor();
    assert.equal(await page.title(), 'GraphQL playground – Dossierportaal');

    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    // The query goes in through the editor's own API: typed keys raced GraphiQL's completion hints under load.
    await editor.evaluate((el) => el.CodeMirror.setValue('{ me { email role } }'));
    assert.equal(await editor.evaluate((el) => el.CodeMirror.getValue()), '{ me { email role } }');
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .result-window');
    await response.getByText(`"${account.email}"`).waitFor();
    await response.getByText('"ADMIN"').waitFor();

    // The schema, from the introspection the portal allows signed-in admins in production.
    await page.locator('[aria-label*="Documentation Explorer"]').first().click();
    await page.locator('.graphiql-doc-explorer-root-type', { hasText: 'Query' }).first().waitFor();
    await page.locator('.graphiql-doc-explorer a', { hasText: 'Query' }).first().click();
    await page.locator('.graphiql-doc-explorer').getByText('dossierByExternalRef').first().waitFor();

    // The settings dialog inserts <style> elements: the page's style nonce must admit them.
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    assert.deepEqual(outside, [], 'no request leaves the portal');
    expectNoProblems(page);
    await page.context().close();
  });

  it('a client who opens /admin/graphql gets the page-not-found answer', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const page = await newPage(browser);
    await logIn(page, tp.url, account.email, PASSWORD);
    await page.goto(`${tp.url}/admin/graphql`);
    await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
    assert.equal(await page.locator('.graphiql-container').count(), 0);
    expectNoProblems(page);
    await page.context().close();
  });
});
