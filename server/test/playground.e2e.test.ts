import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getIntrospectionQuery } from 'graphql';
import { Role } from '../src/modules/account/account.enums.js';
import { enterPassword, integration, signedIn, totpUser } from './factories.js';
import { Browser, HIGH_LIMITS, ok, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const SECRETS = { SESSION_SECRET: 'k3c9V0s8Qm2xT7pL1rZ6yB4nW5hJ0aEu', APP_ENCRYPTION_KEY: 'Qe7Rt2Yu9Io4Pa6Sd1Fg8Hj3Kl5Zx0Cv' };
const SCHEMA = '{ __schema { queryType { name } } }';
const TYPE_IN_FRAGMENT = 'query { ...T } fragment T on Query { __type(name: "Account") { fields { name } } }';
const FULL_INTROSPECTION = getIntrospectionQuery({ inputValueDeprecation: true, descriptions: true });

/** A GET as `browser` (or anonymous): status, headers and body text. */
async function fetchPage(tp: TestPortal, path: string, browser?: Browser) {
  const res = browser ? await browser.get(path) : await fetch(`${tp.url}${path}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A page's body with its per-request CSP nonce taken out, to compare two answers. */
const withoutNonce = (page: { headers: Headers; body: string }) => {
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
  return nonce ? page.body.replaceAll(nonce, '<nonce>') : page.body;
};

describe('GraphQL playground and introspection in production', () => {
  let tp: TestPortal;
  let admin: Browser;
  let adminPendingSecondStep: Browser;
  let client: Browser;
  let tool: Browser;
  const anonymous = () => new Browser(tp.url);

  before(async () => {
    tp = await startPortal({ NODE_ENV: 'production', ...SECRETS, ...HIGH_LIMITS });
    const twoStepAdmin = await totpUser(tp, PASSWORD, { role: Role.ADMIN });
    admin = twoStepAdmin.browser;
    const pending = await enterPassword(tp, twoStepAdmin.account, PASSWORD);
    assert.equal(pending.result.status, 'SECOND_FACTOR_REQUIRED');
    adminPendingSecondStep = pending.browser;
    ({ browser: client } = await signedIn(tp, PASSWORD));
    tool = await integration(tp, ['dossiers:read']);
  });
  after(async () => { await tp?.close(); });

  it('runs in production mode', () => {
    assert.equal(tp.config.production, true);
  });

  it('serves a signed-in admin the playground page with its own strict CSP and only its own files', async () => {
    const page = await fetchPage(tp, '/admin/graphql', admin);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(page.body, /<div id="graphiql">/);

    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('script-src'), ["'self'"], 'scripts only from the portal, none inline');
    assert.deepEqual(directives.get('style-src')?.[0], "'self'");
    assert.match(directives.get('style-src')?.[1] ?? '', /^'nonce-[A-Za-z0-9+/=]{20,}'$/);
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.ok(!/unsafe-(inline|eval)/.test(csp.replace(/style-src-attr[^;]*/, '')), csp);

    assert.ok(!/https?:|\/\/[a-z]/i.test(page.body), 'no external URL in the page');
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 4);
    for (const [, attributes, inline] of scripts) {
      assert.match(attributes, /src="\/admin\/graphql\/assets\/[a-z-]+\.js"/);
      assert.equal(inline.trim(), '', 'no inline script');
    }
    const stylesheets = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    assert.equal(stylesheets.length, 2);

    const files = [...scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes)![1]), ...stylesheets];
    for (const path of files) {
      const file = await fetchPage(tp, path, admin);
      assert.equal(file.status, 200, path);
      assert.match(file.headers.get('content-type') ?? '', path.endsWith('.js') ? /javascript/ : /text\/css/, path);
      assert.ok(file.body.length > 50, path);
    }
    const graphiql = await fetchPage(tp, '/admin/graphql/assets/graphiql.js', admin);
    assert.match(graphiql.body, /\.GraphiQL=/, 'the GraphiQL UMD bundle');
    const starter = await fetchPage(tp, '/admin/graphql/assets/playground.js', admin);
    assert.match(starter.body, /'Apollo-Require-Preflight': 'true'/);
    assert.match(starter.body, /credentials: 'same-origin'/);
    assert.equal((await fetchPage(tp, '/admin/graphql/assets/package.json', admin)).status, (await fetchPage(tp, '/no-such-page', admin)).status, 'only the listed files');
  });

  it('answers anyone but a signed-in admin exactly as an unknown path', async () => {
    const unknown = await fetchPage(tp, '/no-such-page');
    for (const [who, browser] of [['anonymous', undefined], ['client', client], ['admin before the second step', adminPendingSecondStep]] as const) {
      for (const path of ['/admin/graphql', '/admin/graphql/', '/admin/graphql/assets/graphiql.js', '/admin/graphql/assets/playground.js']) {
        const page = await fetchPage(tp, path, browser);
        assert.equal(page.status, unknown.status, `${who} ${path}`);
        assert.equal(withoutNonce(page), withoutNonce(unknown), `${who} ${path}`);
        assert.ok(!/graphiql|GraphiQL/.test(page.body), `${who} ${path}`);
      }
    }
  });

  it('refuses introspection to anonymous users, clients and admins before the second step, with nothing run', async () => {
    for (const [who, browser] of [['anonymous', anonymous()], ['client', client], ['admin before the second step', adminPendingSecondStep]] as const) {
      for (const query of [SCHEMA, TYPE_IN_FRAGMENT, FULL_INTROSPECTION]) {
        const response = await browser.gql(query);
        assert.equal(response.status, 400, who);
        assert.equal(Browser.code(response), 'GRAPHQL_VALIDATION_FAILED', who);
        assert.match(response.errors![0].message, /introspection is not allowed/);
        assert.equal(response.data, undefined, who);
      }
    }
  });

  it('allows introspection to signed-in admins and API tokens, and still refuses the same query text to others afterwards', async () => {
    for (const browser of [admin, tool]) {
      assert.equal(ok(await browser.gql(SCHEMA)).__schema.queryType.name, 'Query');
      assert.ok(ok(await browser.gql(TYPE_IN_FRAGMENT)).__type.fields.some((f: { name: string }) => f.name === 'email'));
      const full = ok(await browser.gql(FULL_INTROSPECTION)).__schema;
      assert.ok(full.types.some((t: { name: string }) => t.name === 'Dossier'), 'the whole schema, as GraphiQL asks for it');
    }
    // Apollo caches a validated document by its text: the admin's run must not open it for the next caller.
    assert.equal(Browser.code(await anonymous().gql(SCHEMA)), 'GRAPHQL_VALIDATION_FAILED');
    assert.equal(Browser.code(await client.gql(FULL_INTROSPECTION)), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('answers __typename for everyone', async () => {
    assert.equal(ok(await anonymous().gql('{ __typename }')).__typename, 'Query');
    assert.equal(ok(await client.gql('{ __typename me { __typename email } }')).me.__typename, 'Account');
    assert.equal(ok(await admin.gql('{ me { __typename role } }')).me.role, 'ADMIN');
    assert.equal(ok(await tool.gql('{ __typename }')).__typename, 'Query');
    assert.equal(ok(await adminPendingSecondStep.gql('{ __typename }')).__typename, 'Query');
  });
});

describe('introspection outside production', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(); });
  after(async () => { await tp?.close(); });

  it('is open to everyone (development tools, codegen)', async () => {
    assert.equal(tp.config.production, false);
    assert.equal(ok(await new Browser(tp.url).gql(SCHEMA)).__schema.queryType.name, 'Query');
  });
});
