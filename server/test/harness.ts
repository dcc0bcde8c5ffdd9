import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';
import { loadConfig, type Config } from '../src/config/config.js';
import { FakeClock } from '../src/clock.js';
import { createPortal, type Portal } from '../src/http/server.js';
import { pino } from 'pino';
import { TEST_TWILIO, TwilioStandIn } from './twilio-stand-in.js';

/**
 * Test harness: a real portal on 127.0.0.1 (random port) with a fake clock, a real SMTP server
 * collecting mail, and a fresh database: a temporary SQLite file by default, or a new MariaDB/MySQL
 * database on the server named by DATABASE_URL (CI runs both).
 */

export interface Mail { to: string; subject: string; raw: string; text: string; links: string[] }

export class MailCatcher {
  readonly mails: Mail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      // The certificate bundled with smtp-server has expired; plain SMTP on loopback is enough here.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const text = decodeMail(raw);
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? ''),
            raw, text,
            links: [...new Set(text.match(/https?:\/\/[^\s"<>]+/g) ?? [])],
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  to(address: string): Mail[] {
    return this.mails.filter((m) => m.to === address.toLowerCase());
  }

  /** Waits (polling, no fixed sleep) until `count` mails to `address` arrived; returns them. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<Mail[]> {
    const end = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > end) throw new Error(`expected ${count} mail(s) to ${address}, got ${this.to(address).length}: ${this.to(address).map((m) => m.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.to(address);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function decodeHeader(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
  return value.replace(/\r?\n[ \t]/g, ' ').replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_all, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  ).replace(/\s+(?==\?)/g, '');
}

/** Decodes quoted-printable bodies enough to read text and links. */
function decodeMail(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

export interface TestPortal {
  portal: Portal;
  url: string;
  clock: FakeClock;
  mail: MailCatcher;
  /** The Twilio stand-in every SMS of this portal goes to (through the real twilio SDK). */
  sms: TwilioStandIn;
  config: Config;
  /** SQL statements per finished /graphql or /files request, in the order they finished. */
  statements: number[];
  /** Runs `work`, which makes `requests` requests one after the other, and returns the statement count of each. */
  countFor(work: () => Promise<unknown>, requests?: number): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * A new, empty database: a SQLite file in `dir` by default, or a new database on the MariaDB/MySQL server
 * named by DATABASE_URL. `drop` removes the server database again (SQLite files go with `dir`).
 */
export async function freshDatabase(dir: string): Promise<{ url: string; drop?: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base || base.startsWith('sqlite:')) return { url: `sqlite:${join(dir, 'portal.sqlite')}` };
  const url = new URL(base);
  const name = `dp_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const connect = () => createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = await connect();
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** Starts a portal with its own database, mail catcher and Twilio stand-in. `env` overrides settings. */
export async function startPortal(env: Record<string, string> = {}): Promise<TestPortal> {
  const mail = new MailCatcher();
  await mail.start();
  const sms = new TwilioStandIn();
  await sms.start();
  const dir = mkdtempSync(join(tmpdir(), 'dp-test-'));
  const { url: databaseUrl, drop: dropDatabase } = await freshDatabase(dir);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    MAIL_POLL_SECONDS: '1',
    DEMO_DATA: 'false',
    FILES_DIR: join(dir, 'files'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: TEST_TWILIO.sid,
    TWILIO_AUTH_TOKEN: TEST_TWILIO.token,
    TWILIO_FROM: TEST_TWILIO.from,
    TWILIO_API_URL: sms.url,
    ...env,
  });
  const clock = new FakeClock(new Date('2026-03-02T09:00:00.000Z'));
  const statements: number[] = [];
  const portal = await createPortal({ config, clock, logger: pino({ level: config.LOG_LEVEL }), onStatements: (count) => statements.push(count) });
  const url = await portal.listen();
  // PUBLIC_URL defaults to the configured port (0); point links at the real one.
  if (!env.PUBLIC_URL) config.PUBLIC_URL = url;
  return {
    portal, url, clock, mail, sms, config, statements,
    async countFor(work, requests = 1) {
      const from = statements.length;
      await work();
      // The count arrives on the response's 'finish', which may come just after the client has read the answer.
      for (let i = 0; i < 400 && statements.length < from + requests; i++) await new Promise((r) => setTimeout(r, 5));
      if (statements.length !== from + requests) throw new Error(`expected ${requests} counted request(s), got ${statements.length - from}`);
      return statements.slice(from);
    },
    async close() {
      await portal.close();
      await mail.stop();
      await sms.stop();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface UploadFile { name: string; content: Buffer | string }

export interface GqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  status: number;
}

/** A GraphQL client with its own cookie jar, like one browser. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string, private readonly headers: Record<string, string> = {}) {}

  get sessionCookie(): string | undefined {
    return [...this.cookies.entries()].find(([k]) => k.includes('dp_session'))?.[1];
  }

  /** Name of the session cookie this browser holds (`dp_session` or `__Host-dp_session`). */
  get sessionCookieName(): string | undefined {
    return [...this.cookies.keys()].find((k) => k.includes('dp_session'));
  }

  /** Puts a cookie in the jar, e.g. to replay a session token captured earlier. */
  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { ...(await res.json() as object), status: res.status } as GqlResponse<T>;
  }

  /**
   * A GraphQL multipart request (graphql-upload): `files` maps a variable path such as `input.file` or
   * `input.attachments.0` to a file. Sends the `Apollo-Require-Preflight` header CSRF prevention asks for.
   */
  async upload<T = Record<string, any>>(query: string, variables: Record<string, unknown>, files: Record<string, UploadFile>): Promise<GqlResponse<T>> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables }));
    const paths = Object.keys(files);
    form.append('map', JSON.stringify(Object.fromEntries(paths.map((path, i) => [String(i), [`variables.${path}`]]))));
    paths.forEach((path, i) => form.append(String(i), new Blob([files[path].content]), files[path].name));
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'apollo-require-preflight': 'true', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...this.headers },
      body: form,
    });
    return { ...(await res.json() as object), status: res.status } as GqlResponse<T>;
  }

  /** GET of a portal path (e.g. a downloadUrl) with this browser's cookies and headers. */
  get(path: string, headers: Record<string, string> = {}): Promise<globalThis.Response> {
    return fetch(`${this.base}${path}`, { headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...this.headers, ...headers } });
  }

  /** The single error code of a response (or undefined). */
  static code(response: GqlResponse): string | undefined {
    return response.errors?.[0]?.extensions?.code as string | undefined;
  }
}

/**
 * Waits until every mail enqueued so far has been handed to the SMTP catcher. A pass of the worker that was
 * already running may have read the outbox before the latest commit, so a second, fresh pass follows it.
 */
export async function settleMail(tp: TestPortal): Promise<void> {
  await tp.portal.app.outbox.drain();
  await tp.portal.app.outbox.drain();
}

export const LOGIN = 'mutation($identifier: String!, $password: String!) { login(identifier: $identifier, password: $password) { status account { id email firstLogin } } }';
export const ME = '{ me { id email displayName accountNumber language firstLogin } }';
export const REQUEST_LINK = 'mutation($email: String!) { requestPasswordLink(email: $email) }';
export const SET_PASSWORD = 'mutation($token: String!, $password: String!) { setPassword(token: $token, password: $password) { status account { id email firstLogin activatedAt } } }';
export const OPEN_INVITATION = 'mutation($token: String!) { openInvitation(token: $token) }';
export const UPDATE_SETTINGS = 'mutation($input: MySettingsInput!) { updateMySettings(input: $input) { language notifications { newDocuments newQuestionnaires newMessages } } }';

/** Login and second step with everything AuthResult tells about the step that follows. */
const AUTH_RESULT = 'status secondFactor smsAvailable maskedMobileNumber account { id email }';
export const LOGIN_STEP = `mutation($identifier: String!, $password: String!) { login(identifier: $identifier, password: $password) { ${AUTH_RESULT} } }`;
export const VERIFY = `mutation($code: String!) { verifySecondFactor(code: $code) { ${AUTH_RESULT} } }`;
export const AUTH_STATE = `{ authState { ${AUTH_RESULT} } }`;
export const SEND_LOGIN_CODE = 'mutation { sendLoginCodeBySms }';
export const CONFIRM_PASSWORD = 'mutation($password: String!) { confirmPassword(password: $password) }';
export const START_SMS = 'mutation($mobileNumber: String!, $twoFactor: Boolean) { startSmsVerification(mobileNumber: $mobileNumber, twoFactor: $twoFactor) }';
export const CONFIRM_SMS = 'mutation($code: String!) { confirmSmsVerification(code: $code) { codes } }';
export const START_TOTP = 'mutation { startTotpSetup { secret otpauthUri qrCodeSvg } }';
export const CONFIRM_TOTP = 'mutation($code: String!) { confirmTotpSetup(code: $code) { codes } }';
export const MY_TWO_FACTOR = '{ myTwoFactor { method mobileNumber mobileVerified recoveryCodesLeft required smsAllowed passwordConfirmedUntil } }';

/** The signed-in account as `me` answers it; null without a (full) session. */
export const me = async (browser: Browser) => (await browser.gql(ME)).data?.me ?? null;

/** Rate limits per IP high enough that a test file's many logins from 127.0.0.1 never meet them. */
export const HIGH_LIMITS = { LOGIN_IP_LIMIT_PER_MINUTE: '1000', LINK_IP_LIMIT_PER_15_MINUTES: '1000' };

/** The data of a response that must have succeeded; throws with the errors otherwise. */
export function ok<T = Record<string, any>>(response: GqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The token at the end of a portal link in a mail (…/activate/<token> or …/set-password/<token>). */
export function tokenFrom(mail: Mail, path: 'activate' | 'set-password'): string {
  const link = mail.links.find((l) => l.includes(`/${path}/`));
  if (!link) throw new Error(`no /${path}/ link in mail "${mail.subject}": ${mail.links.join(', ')}`);
  return link.split(`/${path}/`)[1];
}
