import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { AuthLink } from '../src/auth/auth-link.entity.js';
import { hashToken } from '../src/auth/tokens.js';
import { DEV_SESSION_SECRET, loadConfig } from '../src/config/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../src/demo.js';
import { createApp } from '../src/http/server.js';
import { Account } from '../src/modules/account/account.entity.js';
import { Role } from '../src/modules/account/account.enums.js';
import { Browser, freshDatabase, LOGIN, ME, startPortal, type TestPortal } from './harness.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const SECRETS = { SESSION_SECRET: 'k3c9V0s8Qm2xT7pL1rZ6yB4nW5hJ0aEu', APP_ENCRYPTION_KEY: 'Qe7Rt2Yu9Io4Pa6Sd1Fg8Hj3Kl5Zx0Cv' };

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the CLI with only the given settings (plus PATH/HOME), like a fresh shell. */
function cli(args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Quoted-printable soft line breaks and escapes, enough to read links. */
const decodeQp = (raw: string) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
const activateTokens = (text: string) => [...new Set([...text.matchAll(/\/activate\/([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]))];

describe('CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dp-cli-'));
    const database = await freshDatabase(dir);
    drop = database.drop;
    // SMTP_URL unset: development mail mode writes .eml files and logs the links.
    env = { NODE_ENV: 'development', DATABASE_URL: database.url, MAIL_OUTBOX_DIR: join(dir, 'outbox'), FILES_DIR: join(dir, 'files'), LOG_LEVEL: 'info' };
  });
  after(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create-admin creates an administrator and writes and prints the invitation', async () => {
    const run = await cli(['create-admin', '--email', 'boss@example.nl', '--name', 'Boss'], env, dir);
    assert.equal(run.code, 0, run.stderr);
    const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1, 'one .eml in the outbox folder');
    const eml = decodeQp(readFileSync(join(dir, 'outbox', files[0]), 'utf8'));
    assert.match(eml, /^To: boss@example\.nl$/m);
    assert.match(eml, /Beste Boss/);
    const [token] = activateTokens(eml);
    assert.ok(token, 'an /activate/ link in the mail');
    assert.ok(eml.includes(`http://localhost:4000/activate/${token}`), 'link built from PUBLIC_URL (default http://localhost:4000)');
    assert.ok(run.stdout.includes(`/activate/${token}`), 'the link is printed');
    assert.match(run.stdout, /Administrator boss@example\.nl \(account number \d{8}\) created/);

    // The printed link is the account's live invitation.
    const app = await createApp({ config: loadConfig({ ...env, LOG_LEVEL: 'silent' }), logger: pino({ level: 'silent' }) });
    try {
      const account = await app.ds.getRepository(Account).findOneByOrFail({ email: 'boss@example.nl' });
      assert.equal(account.role, Role.ADMIN);
      assert.equal(account.displayName, 'Boss');
      assert.equal(account.passwordHash, null);
      const link = await app.ds.getRepository(AuthLink).findOneByOrFail({ accountId: account.id });
      assert.equal(link.purpose, 'INVITATION');
      assert.equal(link.tokenHash, hashToken(DEV_SESSION_SECRET, token));
    } finally {
      await app.ds.destroy();
    }
  });

  it('create-admin refuses an e-mail address that already has an account', async () => {
    const run = await cli(['create-admin', '--email', 'BOSS@example.nl', '--name', 'Boss again'], env, dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /email: an account with this e-mail address exists/);
    assert.equal(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')).length, 1, 'no second invitation');
  });

  it('create-admin explains its usage when the address is missing or invalid', async () => {
    const missing = await cli(['create-admin'], env, dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /create-admin --email <address>/);
    const invalid = await cli(['create-admin', '--email', 'not-an-address'], env, dir);
    assert.notEqual(invalid.code, 0);
    assert.match(invalid.stderr, /email: invalid e-mail address/);
    const unknown = await cli(['make-coffee'], env, dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Usage:/);
  });

  it('refuses to start in production with the development secrets', async () => {
    const run = await cli(['create-admin', '--email', 'chef@example.nl'], { ...env, NODE_ENV: 'production' }, dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SESSION_SECRET/);
    assert.match(run.stderr, /APP_ENCRYPTION_KEY/);
  });

  it('emit-schema --check passes on the committed schema', async () => {
    const run = await cli(['emit-schema', '--check'], env, dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /schema\.graphql is up to date/);
  });
});

describe('demo data', () => {
  let production: TestPortal;
  let development: TestPortal;
  before(async () => {
    production = await startPortal({ NODE_ENV: 'production', ...SECRETS, DEMO_DATA: 'true' });
    development = await startPortal({ NODE_ENV: 'development', DEMO_DATA: 'true', LOGIN_IP_LIMIT_PER_MINUTE: '1000' });
  });
  after(async () => {
    await production?.close();
    await development?.close();
  });

  it('is never created in production', async () => {
    assert.equal(production.config.production, true);
    assert.equal(production.config.DEMO_DATA, false, 'forced off');
    assert.equal(await production.portal.app.ds.getRepository(Account).count(), 0);
    // The seeding itself refuses too, even when asked directly.
    assert.equal(await seedDemoData(production.portal.app), false);
    assert.equal(await production.portal.app.ds.getRepository(Account).count(), 0);
    const login = await new Browser(production.url).gql(LOGIN, { identifier: 'klant@example.nl', password: DEMO_PASSWORD });
    assert.equal(Browser.code(login), 'INVALID_CREDENTIALS');
  });

  it('creates one account per role in development, each able to log in with the demo password', async () => {
    const accounts = await development.portal.app.ds.getRepository(Account).find();
    assert.equal(accounts.length, 7);
    assert.deepEqual(accounts.map((a) => a.role).sort(), Object.values(Role).sort(), 'one per role');
    assert.deepEqual(accounts.map((a) => a.email).sort(), DEMO_ACCOUNTS.map((a) => a.email).sort());

    const browser = new Browser(development.url);
    const login = await browser.gql(LOGIN, { identifier: 'klant@example.nl', password: DEMO_PASSWORD });
    assert.equal(login.errors, undefined, JSON.stringify(login.errors));
    assert.equal(login.data?.login.status, 'SIGNED_IN');
    assert.equal((await browser.gql(ME)).data?.me.email, 'klant@example.nl');
    // Roles that must use two-step verification are led to its setup first; the others are signed in.
    const required = development.config.twoFactorRequiredRoles;
    assert.deepEqual(DEMO_ACCOUNTS.filter((d) => required.includes(d.role)).map((d) => d.role).sort(), ['ADMIN', 'INTERMEDIARY', 'OFFICE_USER_ADMIN', 'STAFF']);
    for (const demo of DEMO_ACCOUNTS) {
      const response = await new Browser(development.url).gql(LOGIN, { identifier: demo.email, password: DEMO_PASSWORD });
      assert.equal(response.errors, undefined, demo.email);
      assert.equal(response.data?.login.status, required.includes(demo.role) ? 'TWO_FACTOR_SETUP_REQUIRED' : 'SIGNED_IN', demo.email);
    }
    assert.equal(await seedDemoData(development.portal.app), false, 'not seeded twice');
    assert.equal(await development.portal.app.ds.getRepository(Account).count(), 7);
  });
});
