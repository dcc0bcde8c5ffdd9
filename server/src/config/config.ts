import 'reflect-metadata';
import { KNOWN_TYPES } from '../files/file-types.js';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Values that ship in the repository; production refuses to start with them. */
export const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-in-production';
export const DEV_ENCRYPTION_KEY = 'dev-only-encryption-key-change-me-in-production';

type Env = Record<string, string | undefined>;

/**
 * The one configuration of the server, read once at boot from the environment.
 * Every property is an env var (same name) with a default; the README's configuration table lists them.
 * `loadConfig` fails fast with every invalid value named.
 */
export class Config {
  /** `development`, `test` or `production`. Production refuses dev secrets and never creates demo data. */
  @IsIn(['development', 'test', 'production']) NODE_ENV = 'development';
  /** HTTP port of the portal (API and web client on one origin). */
  @IsInt() @Min(0) @Max(65535) PORT = 4000;
  /** Interface to listen on; use 0.0.0.0 in a container. */
  @IsString() HOST = '127.0.0.1';
  /** The address users reach the portal at; e-mail links are built from it. Defaults to http://localhost:PORT. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/) PUBLIC_URL = '';
  /** `sqlite:<file>` (embedded), `mariadb://user:pass@host:port/db` or `mysql://…`. */
  @Matches(/^(sqlite:.+|(mariadb|mysql):\/\/.+)$/) DATABASE_URL = 'sqlite:./data/portal.sqlite';
  /** Where uploaded and published files are stored. */
  @IsString() FILES_DIR = './data/files';
  /** SMTP server, e.g. `smtp://user:pass@mail.example.nl:587`. Unset = development mail mode (files in MAIL_OUTBOX_DIR, links in the log). */
  @IsOptional() @Matches(/^smtps?:\/\/.+/) SMTP_URL?: string;
  /** Sender of all e-mails. */
  @IsString() @MinLength(3) MAIL_FROM = 'Dossierportaal <no-reply@localhost>';
  /** Development mail mode: folder the .eml files are written to. */
  @IsString() MAIL_OUTBOX_DIR = './data/outbox';
  /** Seconds between outbox polls of the mail worker. */
  @IsInt() @Min(1) MAIL_POLL_SECONDS = 2;
  /** Secret keyed into every stored token hash (sessions, links). ≥ 32 characters in production. */
  @IsString() @MinLength(16) SESSION_SECRET = DEV_SESSION_SECRET;
  /** Key for data encrypted at rest (TOTP secrets). ≥ 32 characters in production. */
  @IsString() @MinLength(16) APP_ENCRYPTION_KEY = DEV_ENCRYPTION_KEY;
  /** Name of the firm, shown on the login page and in e-mails. */
  @IsString() @MinLength(1) FIRM_NAME = 'Notariskantoor Demo';
  /** `seed`: ≥ PASSWORD_MIN_LENGTH with 1 capital and 1 digit; `standards`: length only (OWASP ASVS 6.2.5). Both reject the common-password list. */
  @IsIn(['seed', 'standards']) PASSWORD_POLICY = 'seed';
  /** Minimum password length. */
  @IsInt() @Min(8) @Max(64) PASSWORD_MIN_LENGTH = 8;
  /** Maximum password length (never truncated). */
  @IsInt() @Min(64) @Max(1024) PASSWORD_MAX_LENGTH = 128;
  /** Days a password stays valid; 0 = no expiry (90 reproduces the insurer's extranet). */
  @IsInt() @Min(0) PASSWORD_MAX_AGE_DAYS = 0;
  /** Hours an invitation link stays valid. */
  @IsInt() @Min(1) INVITATION_TTL_HOURS = 168;
  /** Minutes a set-password (reset) link stays valid. */
  @IsInt() @Min(5) RESET_TTL_MINUTES = 60;
  /** Failed logins within LOCKOUT_WINDOW_MINUTES that lock an account. */
  @IsInt() @Min(1) LOCKOUT_THRESHOLD = 5;
  /** Window in which failures are counted. */
  @IsInt() @Min(1) LOCKOUT_WINDOW_MINUTES = 15;
  /** How long a lock lasts (a password reset ends it earlier). */
  @IsInt() @Min(1) LOCKOUT_DURATION_MINUTES = 15;
  /** Consecutive failures without a success after which only a password reset lets the user in. */
  @IsInt() @Min(10) LOCKOUT_RESET_AFTER = 100;
  /** Login attempts allowed per IP address per minute. */
  @IsInt() @Min(1) LOGIN_IP_LIMIT_PER_MINUTE = 30;
  /** Link requests (set-password, invitation resend) allowed per IP address per 15 minutes. */
  @IsInt() @Min(1) LINK_IP_LIMIT_PER_15_MINUTES = 20;
  /** Minutes of inactivity after which a session ends. */
  @IsInt() @Min(1) SESSION_IDLE_MINUTES = 30;
  /** Hours after which a session ends regardless of activity. */
  @IsInt() @Min(1) SESSION_ABSOLUTE_HOURS = 12;
  /** Roles that must use two-step verification (comma-separated; empty = nobody). They are led through setup after the password. */
  @Matches(/^\s*((CLIENT|COMPANY_MAIN|COMPANY_EXTRA|INTERMEDIARY|OFFICE_USER_ADMIN|STAFF|ADMIN)\s*(,\s*|$))*$/)
  TWO_FACTOR_REQUIRED_ROLES = 'INTERMEDIARY,OFFICE_USER_ADMIN,STAFF,ADMIN';
  /** Whether SMS may be used for two-step verification and login codes (`false` = authenticator app only). */
  @IsBoolean() SMS_ALLOWED = true;
  /** `log`: SMS are written to the log (development, demos); `twilio`: sent with Twilio's Messages API. */
  @IsIn(['log', 'twilio']) SMS_PROVIDER = 'log';
  /** Twilio account SID (`AC…`), with SMS_PROVIDER=twilio. */
  @IsOptional() @Matches(/^AC[0-9a-fA-F]{32}$/) TWILIO_ACCOUNT_SID?: string;
  /** Twilio auth token, with SMS_PROVIDER=twilio. */
  @IsOptional() @IsString() TWILIO_AUTH_TOKEN?: string;
  /** Sender: a Twilio phone number in E.164 or an alphanumeric sender ID (≤ 11 characters), with SMS_PROVIDER=twilio. */
  @IsOptional() @Matches(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/) TWILIO_FROM?: string;
  /** Sends Twilio API calls to this base URL instead of https://api.twilio.com (a local stand-in for tests, or an egress proxy). */
  @IsOptional() @Matches(/^https?:\/\/[^\s/]+\/?$/) TWILIO_API_URL?: string;
  /** SMS allowed per mobile number per 10 minutes (login codes, setup codes, e-mail reminders together). */
  @IsInt() @Min(1) SMS_LIMIT_PER_10_MINUTES = 5;
  /** Express `trust proxy` setting: `false`, `true`, a hop count or a list of addresses. Needed for real client IPs behind a reverse proxy. */
  @IsString() TRUST_PROXY = 'false';
  /** Largest file accepted in one upload (message attachments, published documents), in megabytes. */
  @IsInt() @Min(1) @Max(2047) UPLOAD_MAX_MB = 50;
  /** Most files in one upload request (a message's attachments). */
  @IsInt() @Min(1) @Max(100) UPLOAD_MAX_FILES = 20;
  /** File types accepted in uploads (extensions, comma-separated); each is also checked by its content (magic bytes). */
  @Matches(/^\s*[a-z0-9]+(\s*,\s*[a-z0-9]+)*\s*$/) UPLOAD_ALLOWED_TYPES = 'pdf,doc,docx,xls,xlsx,ppt,pptx,odt,ods,odp,rtf,txt,csv,jpg,jpeg,png,gif,heic,tif,tiff,eml,msg';
  /** Minutes over which an account's notification e-mails are bundled into one ("new in dossier …"). */
  @IsInt() @Min(0) @Max(1440) NOTIFY_DIGEST_MINUTES = 10;
  /** Requests per API token per minute (case-management tools). */
  @IsInt() @Min(1) API_TOKEN_LIMIT_PER_MINUTE = 600;
  /** Create the demo firm's accounts on an empty database (`true`/`false`; never in production). */
  @IsBoolean() DEMO_DATA = true;
  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  get uploadMaxBytes(): number { return this.UPLOAD_MAX_MB * 1024 * 1024; }
  get uploadAllowedTypes(): string[] { return this.UPLOAD_ALLOWED_TYPES.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean); }
  get production(): boolean { return this.NODE_ENV === 'production'; }
  get twoFactorRequiredRoles(): string[] { return this.TWO_FACTOR_REQUIRED_ROLES.split(',').map((r) => r.trim()).filter(Boolean); }
  /** Cookies get `Secure` and the `__Host-` prefix when the portal is served over HTTPS. */
  get secureCookies(): boolean { return this.PUBLIC_URL.startsWith('https://'); }
}

export class ConfigError extends Error {}

/** Settings without a default (undefined properties do not show up in Object.keys). */
export const OPTIONAL_KEYS = ['SMTP_URL', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_URL'];
/** Lists where an empty value is a choice (nobody), not "use the default". */
const EMPTY_MEANS_NONE = new Set(['TWO_FACTOR_REQUIRED_ROLES']);
const INT_KEYS = new Set<string>();
const BOOL_KEYS = new Set<string>();
{
  const probe = new Config();
  for (const [k, v] of Object.entries(probe)) {
    if (typeof v === 'number') INT_KEYS.add(k);
    if (typeof v === 'boolean') BOOL_KEYS.add(k);
  }
}

/** Reads, converts and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const config = new Config();
  const problems: string[] = [];
  const target = config as unknown as Record<string, unknown>;
  for (const key of [...Object.keys(target), ...OPTIONAL_KEYS]) {
    const raw = env[key];
    if (raw === undefined || (raw === '' && !EMPTY_MEANS_NONE.has(key))) continue;
    if (INT_KEYS.has(key)) {
      if (!/^-?\d+$/.test(raw.trim())) { problems.push(`${key}: must be an integer, got "${raw}"`); continue; }
      target[key] = Number(raw);
    } else if (BOOL_KEYS.has(key)) {
      if (!/^(true|false|1|0)$/i.test(raw.trim())) { problems.push(`${key}: must be true or false, got "${raw}"`); continue; }
      target[key] = /^(true|1)$/i.test(raw.trim());
    } else {
      target[key] = raw;
    }
  }
  if (!config.PUBLIC_URL) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  config.PUBLIC_URL = config.PUBLIC_URL.replace(/\/+$/, '');
  for (const error of validateSync(config)) {
    problems.push(`${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
  }
  if (config.production) {
    if (config.SESSION_SECRET === DEV_SESSION_SECRET || config.SESSION_SECRET.length < 32) {
      problems.push('SESSION_SECRET: set a random value of at least 32 characters in production');
    }
    if (config.APP_ENCRYPTION_KEY === DEV_ENCRYPTION_KEY || config.APP_ENCRYPTION_KEY.length < 32) {
      problems.push('APP_ENCRYPTION_KEY: set a random value of at least 32 characters in production');
    }
    if (config.SESSION_SECRET === config.APP_ENCRYPTION_KEY) problems.push('APP_ENCRYPTION_KEY: must differ from SESSION_SECRET');
  }
  if (config.SMS_PROVIDER === 'twilio') {
    for (const key of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const) {
      if (!config[key]) problems.push(`${key}: required when SMS_PROVIDER=twilio`);
    }
  }
  const unknownTypes = config.uploadAllowedTypes.filter((t) => !KNOWN_TYPES.includes(t));
  if (unknownTypes.length) problems.push(`UPLOAD_ALLOWED_TYPES: no content check known for ${unknownTypes.join(', ')} (known: ${KNOWN_TYPES.join(', ')})`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  if (config.production) config.DEMO_DATA = false;
  return config;
}
