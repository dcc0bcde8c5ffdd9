import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthLink } from '../src/auth/auth-link.entity.js';
import { Session } from '../src/auth/session.entity.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { activeAccount, invitedAccount, reload } from './factories.js';
import { Browser, LOGIN, ME, OPEN_INVITATION, REQUEST_LINK, SET_PASSWORD, settleMail, startPortal, tokenFrom, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const LIMITS = { LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' };

/** A raw POST to /graphql. */
function post(tp: TestPortal, body: string, contentType: string, headers: Record<string, string> = {}) {
  return fetch(`${tp.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

/** No trace of a stack, a source path or an exception class in a response body. */
function assertNoInternals(body: string): void {
  assert.doesNotMatch(body, /\bat .+\(.*:\d+:\d+\)|at file:\/\/|node_modules|\/work\/|dist\/server|stacktrace|SyntaxError|TypeError|Error:/, body.slice(0, 300));
}

describe('GraphQL and HTTP hygiene', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(LIMITS); });
  after(async () => { await tp.close(); });

  it('refuses GET and simple (CSRF-able) POST requests with 400, changing nothing', async () => {
    const account = await activeAccount(tp, PASSWORD);
    const mutation = `mutation { requestPasswordLink(email: ${JSON.stringify(account.email)}) }`;
    const attempts: [string, Response][] = [
      ['GET query', await fetch(`${tp.url}/graphql?query=${encodeURIComponent(ME)}`)],
      ['GET mutation', await fetch(`${tp.url}/graphql?query=${encodeURIComponent(mutation)}`)],
      ['text/plain', await post(tp, JSON.stringify({ query: mutation }), 'text/plain')],
      ['text/plain;charset=utf-8', await post(tp, JSON.stringify({ query: mutation }), 'text/plain;charset=UTF-8')],
      ['form', await post(tp, `query=${encodeURIComponent(mutation)}`, 'application/x-www-form-urlencoded')],
      ['multipart', await post(tp, `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--\r\n`, 'multipart/form-data; boundary=x')],
    ];
    for (const [name, response] of attempts) {
      assert.equal(response.status, 400, name);
      const body = await response.text();
      assert.match(body, /Cross-Site Request Forgery|CSRF/, name);
    }
    await settleMail(tp);
    assert.equal(tp.mail.to(account.email).length, 0, 'no mail sent');
    assert.equal(await tp.portal.app.ds.getRepository(AuditEntry).countBy({ targetId: account.id }), 0, 'nothing audited');
    assert.equal(await tp.portal.app.ds.getRepository(AuthLink).countBy({ accountId: account.id }), 0, 'no link issued');
    // The same mutation as JSON works: the refusals above were the CSRF guard, not a broken mutation.
    const ok = await post(tp, JSON.stringify({ query: mutation }), 'application/json');
    assert.equal(ok.status, 200);
    await tp.mail.waitFor(account.email, 1);
  });

  it('limits query depth to 10', async () => {
    const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels - 1)}__typename${' }'.repeat(levels - 1)} }`;
    const browser = new Browser(tp.url);
    const ten = await browser.gql(nested(10));
    assert.equal(ten.errors, undefined, JSON.stringify(ten.errors));
    assert.equal(ten.data?.__typename, 'Query');
    const eleven = await browser.gql(nested(11));
    assert.equal(eleven.data, undefined);
    assert.equal(eleven.errors?.length, 1);
    assert.match(eleven.errors![0].message, /depth/i);
    const introspection = await browser.gql('{ __type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }');
    assert.match(introspection.errors?.[0]?.message ?? '', /depth/i, 'deep introspection too');
  });

  it('limits aliases to 15', async () => {
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: portalInfo { firmName }`).join(' ')} }`;
    const browser = new Browser(tp.url);
    const fifteen = await browser.gql(aliased(15));
    assert.equal(fifteen.errors, undefined, JSON.stringify(fifteen.errors));
    assert.equal(Object.keys(fifteen.data ?? {}).length, 15);
    const sixteen = await browser.gql(aliased(16));
    assert.equal(sixteen.data, undefined);
    assert.match(sixteen.errors?.[0]?.message ?? '', /alias/i);
  });

  it('gives no field, argument or enum suggestions', async () => {
    const browser = new Browser(tp.url);
    // [query, misspelled name, the name a suggestion would offer]
    const cases: [string, string, string][] = [
      ['{ mee { id } }', 'mee', 'me'],
      ['{ portalInfo { firmNam } }', 'firmNam', 'firmName'],
      ['mutation { login(identifer: "a@example.nl", password: "x") { status } }', 'identifer', 'identifier'],
      ['mutation { updateMySettings(input: { languag: EN }) { id } }', 'languag', 'language'],
      ['mutation { updateMySettings(input: { language: NLL }) { id } }', 'NLL', 'NL'],
    ];
    for (const [query, wrong, right] of cases) {
      const response = await browser.gql(query);
      assert.ok(response.errors?.length, `${query} is refused`);
      for (const error of response.errors!) assert.doesNotMatch(error.message, /did you mean/i, query);
      const about = response.errors!.filter((e) => e.message.includes(`"${wrong}"`));
      assert.ok(about.length, `an error names ${wrong}: ${response.errors!.map((e) => e.message).join(' | ')}`);
      for (const error of about) assert.ok(!error.message.includes(`"${right}"`), `no suggestion of ${right}: ${error.message}`);
    }
    // Through a variable the enum value fails in coercion rather than validation: no suggestion there either.
    const variable = await browser.gql('mutation($input: MySettingsInput!) { updateMySettings(input: $input) { id } }', { input: { language: 'NLL' } });
    assert.ok(variable.errors?.length);
    assert.match(variable.errors![0].message, /"NLL"/);
    assert.doesNotMatch(variable.errors![0].message, /did you mean|"NL"/i);
  });

  it('never leaks a stack trace for an unexpected error', async () => {
    // A malformed JSON body fails before GraphQL, in Express.
    const malformed = await post(tp, '{"query": "{ me { id } }"', 'application/json');
    assert.equal(malformed.status, 400);
    const malformedBody = await malformed.text();
    assertNoInternals(malformedBody);
    assert.equal(JSON.parse(malformedBody).errors[0].extensions.code, 'BAD_REQUEST', 'answered in the API\'s shape');
    const tooLarge = await post(tp, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }), 'application/json');
    assert.equal(tooLarge.status, 413);
    assertNoInternals(await tooLarge.text());

    // A resolver failing unexpectedly: a generic error with a correlation id, nothing of the failure itself.
    const auth = tp.portal.app.services.auth;
    auth.passwordLinkState = async () => { throw new Error('database exploded at /srv/secret/path'); };
    try {
      const response = await post(tp, JSON.stringify({ query: 'query { passwordLinkState(token: "abc") }' }), 'application/json');
      const body = await response.text();
      assertNoInternals(body);
      assert.doesNotMatch(body, /exploded|secret/);
      const parsed = JSON.parse(body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      assert.equal(parsed.errors[0].extensions.code, 'INTERNAL_SERVER_ERROR');
      assert.match(String(parsed.errors[0].extensions.correlationId), /^[0-9a-f-]{36}$/);
      assert.equal(parsed.errors[0].extensions.stacktrace, undefined);
      assert.equal(parsed.errors[0].message, 'Er is iets misgegaan. Probeer het later opnieuw.');
    } finally {
      delete (auth as { passwordLinkState?: unknown }).passwordLinkState;
    }
  });

  it('sends a strict CSP with a per-response style nonce and the other security headers', async () => {
    const first = await fetch(`${tp.url}/`);
    const second = await fetch(`${tp.url}/`);
    const nonces: string[] = [];
    for (const response of [first, second]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      assert.deepEqual(directives.get('script-src'), ["'self'"], 'scripts only from the portal, no inline script');
      assert.deepEqual(directives.get('default-src'), ["'self'"]);
      assert.deepEqual(directives.get('object-src'), ["'none'"]);
      assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
      const style = directives.get('style-src') ?? [];
      const nonce = style.find((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v));
      assert.ok(nonce, `style-src has a nonce: ${style.join(' ')}`);
      assert.ok(!style.includes("'unsafe-inline'"));
      nonces.push(nonce);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-powered-by'), null);
      await response.arrayBuffer();
    }
    assert.notEqual(nonces[0], nonces[1], 'a new nonce per response');
    const api = await post(tp, JSON.stringify({ query: '{ __typename }' }), 'application/json');
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff', 'the API has the headers too');
    assert.equal(api.headers.get('content-security-policy'), "default-src 'none';frame-ancestors 'none'", 'an API answer may load and run nothing');
    assert.equal(api.headers.get('etag'), null);
  });

  it('audits every sign-in event with time and IP, and never a password, token, cookie or hash', async () => {
    const secrets: string[] = [PASSWORD];
    const account = await invitedAccount(tp, { displayName: 'Audit Proef' });
    const [invitation] = await tp.mail.waitFor(account.email, 1);
    const inviteToken = tokenFrom(invitation, 'activate');
    secrets.push(inviteToken);
    const browser = new Browser(tp.url);
    assert.equal((await browser.gql(OPEN_INVITATION, { token: inviteToken })).data?.openInvitation, 'VALID');
    await browser.gql(REQUEST_LINK, { email: account.email });
    const setToken = tokenFrom((await tp.mail.waitFor(account.email, 2))[1], 'set-password');
    secrets.push(setToken);
    assert.equal((await browser.gql(SET_PASSWORD, { token: setToken, password: PASSWORD })).data?.setPassword.status, 'SIGNED_IN');
    secrets.push(browser.sessionCookie!);
    assert.equal((await browser.gql('mutation { logout }')).data?.logout, true);

    for (let i = 0; i < 5; i++) {
      const wrong = `Fout-Geheim-${i}-Wachtwoord`;
      secrets.push(wrong);
      assert.equal(Browser.code(await new Browser(tp.url).gql(LOGIN, { identifier: account.email, password: wrong })), 'INVALID_CREDENTIALS');
    }
    tp.clock.advanceMinutes(15);
    const second = new Browser(tp.url);
    assert.equal((await second.gql(LOGIN, { identifier: account.accountNumber, password: PASSWORD })).data?.login.status, 'SIGNED_IN');
    secrets.push(second.sessionCookie!);
    assert.equal((await second.gql('mutation { logout }')).data?.logout, true);
    const hash = (await reload(tp, account)).passwordHash!;
    assert.match(hash, /^\$argon2id\$/);
    secrets.push(hash, hash.split('$').pop()!);

    const rows = await tp.portal.app.ds.getRepository(AuditEntry).findBy({ targetId: account.id });
    const actions = rows.map((r) => r.action);
    for (const expected of ['invitation.sent', 'password-link.sent', 'password-link.used', 'password.set', 'account.activated', 'login.succeeded', 'login.failed', 'account.locked', 'logout', 'session.ended']) {
      assert.ok(actions.includes(expected), `audit has ${expected}: ${actions.join(', ')}`);
    }
    assert.equal(actions.filter((a) => a === 'login.failed').length, 5);
    assert.equal(actions.filter((a) => a === 'logout').length, 2);
    for (const row of rows.filter((r) => r.action !== 'invitation.sent')) {
      assert.match(row.ip ?? '', /127\.0\.0\.1/, `${row.action} has the client IP`);
    }
    for (const row of rows) {
      assert.ok(row.at instanceof Date && !Number.isNaN(row.at.getTime()), `${row.action} has a time`);
      assert.ok(row.at.getTime() >= new Date('2026-03-02T09:00:00.000Z').getTime() && row.at <= tp.clock.now(), `${row.action} at the portal's (fake) time`);
    }
    const failed = rows.find((r) => r.action === 'login.failed')!;
    assert.deepEqual(JSON.parse(failed.detail!), { reason: 'wrong-password' });

    // No secret anywhere in the audit table, whoever it is about.
    const everything = JSON.stringify(await tp.portal.app.ds.getRepository(AuditEntry).find());
    assert.ok(!everything.includes('$argon2'), 'no argon2 hash in the audit log');
    for (const secret of secrets) {
      assert.ok(secret && !everything.includes(secret), `audit log does not contain ${secret.slice(0, 12)}…`);
    }
    // Tokens are stored only as keyed hashes.
    const stored = JSON.stringify([
      await tp.portal.app.ds.getRepository(AuthLink).findBy({ accountId: account.id }),
      await tp.portal.app.ds.getRepository(Session).findBy({ accountId: account.id }),
    ]);
    for (const secret of secrets.slice(1, 4)) assert.ok(!stored.includes(secret), 'token stored only as a hash');
  });
});
