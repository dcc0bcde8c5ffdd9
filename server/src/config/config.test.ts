import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getMetadataStorage } from 'class-validator';
import { Config, ConfigError, DEV_ENCRYPTION_KEY, DEV_SESSION_SECRET, loadConfig } from './config.js';

const SECRET = 'k3c9V0s8Qm2xT7pL1rZ6yB4nW5hJ0aEu'; // 32 characters
const KEY = 'Qe7Rt2Yu9Io4Pa6Sd1Fg8Hj3Kl5Zx0Cv'; // 32 characters, different
const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: SECRET, APP_ENCRYPTION_KEY: KEY };

/** The ConfigError message `loadConfig` throws for `env`. */
function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`no ConfigError for ${JSON.stringify(env)}`);
}

/** The settings the class declares: every property with a class-validator rule. */
const declared = () => new Set(getMetadataStorage().getTargetValidationMetadatas(Config, '', true, false).map((m) => m.propertyName));

describe('loadConfig', () => {
  it('loads the defaults from an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.NODE_ENV, 'development');
    assert.equal(config.PORT, 4000);
    assert.equal(config.PUBLIC_URL, 'http://localhost:4000');
    assert.equal(config.DATABASE_URL, 'sqlite:./data/portal.sqlite');
    assert.equal(config.FILES_DIR, './data/files');
    assert.equal(config.SMTP_URL, undefined, 'development mail mode');
    assert.equal(config.MAIL_OUTBOX_DIR, './data/outbox');
    assert.equal(config.SESSION_SECRET, DEV_SESSION_SECRET);
    assert.equal(config.APP_ENCRYPTION_KEY, DEV_ENCRYPTION_KEY);
    assert.equal(config.PASSWORD_POLICY, 'seed');
    assert.equal(config.PASSWORD_MIN_LENGTH, 8);
    assert.equal(config.PASSWORD_MAX_LENGTH, 128);
    assert.equal(config.PASSWORD_MAX_AGE_DAYS, 0, 'no password expiry by default');
    assert.equal(config.INVITATION_TTL_HOURS, 7 * 24);
    assert.equal(config.RESET_TTL_MINUTES, 60);
    assert.deepEqual([config.LOCKOUT_THRESHOLD, config.LOCKOUT_WINDOW_MINUTES, config.LOCKOUT_DURATION_MINUTES, config.LOCKOUT_RESET_AFTER], [5, 15, 15, 100]);
    assert.deepEqual([config.SESSION_IDLE_MINUTES, config.SESSION_ABSOLUTE_HOURS], [30, 12]);
    assert.equal(config.DEMO_DATA, true);
    assert.equal(config.production, false);
    assert.equal(config.secureCookies, false);
  });

  it('converts numbers and booleans and normalises PUBLIC_URL', () => {
    const config = loadConfig({ PORT: '8080', DEMO_DATA: 'false', PASSWORD_MAX_AGE_DAYS: '90', PUBLIC_URL: 'https://portal.example.nl/', SMTP_URL: 'smtp://mail.example.nl:587' });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DEMO_DATA, false);
    assert.equal(config.PASSWORD_MAX_AGE_DAYS, 90);
    assert.equal(config.PUBLIC_URL, 'https://portal.example.nl');
    assert.equal(config.secureCookies, true);
    assert.equal(config.SMTP_URL, 'smtp://mail.example.nl:587');
    assert.equal(loadConfig({ DEMO_DATA: '0' }).DEMO_DATA, false);
    assert.equal(loadConfig({ PORT: '5000' }).PUBLIC_URL, 'http://localhost:5000');
    assert.match(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/portal' }).DATABASE_URL, /^mariadb:/);
    assert.match(loadConfig({ DATABASE_URL: 'mysql://u:p@db/portal' }).DATABASE_URL, /^mysql:/);
  });

  it('refuses the development secrets in production, naming them', () => {
    const both = problems({ NODE_ENV: 'production' });
    assert.match(both, /SESSION_SECRET/);
    assert.match(both, /APP_ENCRYPTION_KEY/);

    const devSession = problems({ ...PRODUCTION, SESSION_SECRET: DEV_SESSION_SECRET });
    assert.match(devSession, /SESSION_SECRET/);
    assert.doesNotMatch(devSession, /APP_ENCRYPTION_KEY/);

    const devKey = problems({ ...PRODUCTION, APP_ENCRYPTION_KEY: DEV_ENCRYPTION_KEY });
    assert.match(devKey, /APP_ENCRYPTION_KEY/);
    assert.doesNotMatch(devKey, /SESSION_SECRET/);
  });

  it('refuses short secrets in production, and one secret used for both', () => {
    const short = problems({ ...PRODUCTION, SESSION_SECRET: 'only-twenty-chars-xx', APP_ENCRYPTION_KEY: 'also-twenty-chars-yy' });
    assert.match(short, /SESSION_SECRET/);
    assert.match(short, /APP_ENCRYPTION_KEY/);
    assert.match(problems({ ...PRODUCTION, APP_ENCRYPTION_KEY: SECRET }), /APP_ENCRYPTION_KEY/);
    // Outside production short secrets below the absolute minimum are refused too.
    assert.match(problems({ SESSION_SECRET: 'short' }), /SESSION_SECRET/);
  });

  it('loads production with proper secrets and never creates demo data there', () => {
    const config = loadConfig({ ...PRODUCTION, DEMO_DATA: 'true' });
    assert.equal(config.production, true);
    assert.equal(config.SESSION_SECRET, SECRET);
    assert.equal(config.APP_ENCRYPTION_KEY, KEY);
    assert.equal(config.DEMO_DATA, false, 'forced off in production');
    assert.equal(loadConfig({ NODE_ENV: 'development', DEMO_DATA: 'true' }).DEMO_DATA, true, 'but honoured in development');
  });

  it('requires the Twilio credentials only when SMS go through Twilio', () => {
    const missing = problems({ SMS_PROVIDER: 'twilio' });
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM']) assert.match(missing, new RegExp(`${name}: required`));
    const config = loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret', TWILIO_FROM: 'Notaris' });
    assert.equal(config.TWILIO_FROM, 'Notaris');
    assert.equal(loadConfig({}).SMS_PROVIDER, 'log');
    assert.deepEqual(loadConfig({ TWO_FACTOR_REQUIRED_ROLES: ' STAFF , ADMIN ' }).twoFactorRequiredRoles, ['STAFF', 'ADMIN']);
    assert.deepEqual(loadConfig({ TWO_FACTOR_REQUIRED_ROLES: '' }).twoFactorRequiredRoles, [], 'set but empty = nobody');
    assert.deepEqual(loadConfig({}).twoFactorRequiredRoles, ['INTERMEDIARY', 'OFFICE_USER_ADMIN', 'STAFF', 'ADMIN']);
  });

  it('names every invalid value, all at once', () => {
    assert.match(problems({ PORT: 'abc' }), /PORT/);
    assert.match(problems({ PORT: '70000' }), /PORT/);
    assert.match(problems({ PORT: '-1' }), /PORT/);
    assert.match(problems({ PORT: '4000.5' }), /PORT/);
    assert.match(problems({ DATABASE_URL: 'postgres://localhost/portal' }), /DATABASE_URL/);
    assert.match(problems({ DATABASE_URL: 'portal.sqlite' }), /DATABASE_URL/);
    assert.match(problems({ PASSWORD_POLICY: 'strict' }), /PASSWORD_POLICY/);
    assert.match(problems({ NODE_ENV: 'staging' }), /NODE_ENV/);
    assert.match(problems({ DEMO_DATA: 'yes' }), /DEMO_DATA/);
    assert.match(problems({ SMTP_URL: 'mail.example.nl' }), /SMTP_URL/);
    assert.match(problems({ PUBLIC_URL: 'portal.example.nl' }), /PUBLIC_URL/);
    assert.match(problems({ TWO_FACTOR_REQUIRED_ROLES: 'STAFF,BOSS' }), /TWO_FACTOR_REQUIRED_ROLES/);
    assert.match(problems({ SMS_PROVIDER: 'messagebird' }), /SMS_PROVIDER/);
    assert.match(problems({ TWILIO_FROM: 'Notariskantoor Demo' }), /TWILIO_FROM/);
    const all = problems({ PORT: 'abc', DATABASE_URL: 'postgres://x', PASSWORD_POLICY: 'strict' });
    for (const name of ['PORT', 'DATABASE_URL', 'PASSWORD_POLICY']) assert.match(all, new RegExp(name));
  });

  it('reads exactly the declared settings and nothing else from the environment', () => {
    const settings = declared();
    assert.ok(settings.has('SMTP_URL') && settings.has('PORT') && settings.size >= 30, `declared: ${[...settings].join(', ')}`);
    const env: Record<string, string> = {
      NODE_ENV: 'test', PATH: '/usr/bin', HOME: '/root', AWS_SECRET_ACCESS_KEY: 'nope', npm_config_registry: 'x',
      production: 'true', secureCookies: 'true', constructor: 'x', toString: 'x', hasOwnProperty: 'x',
    };
    const read = new Set<string>();
    const watched = new Proxy(env, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const config = loadConfig(watched);
    const undeclared = [...read].filter((key) => !settings.has(key));
    assert.deepEqual(undeclared, [], 'only declared settings are looked up');
    assert.deepEqual([...settings].filter((key) => !read.has(key)), [], 'every declared setting is looked up');
    const own = Object.keys(config);
    for (const key of ['PATH', 'HOME', 'AWS_SECRET_ACCESS_KEY', 'npm_config_registry', 'production', 'secureCookies', 'hasOwnProperty']) {
      assert.ok(!own.includes(key), `${key} not copied into the config`);
    }
    assert.equal(config.production, false, 'an env var cannot override a derived value');
    assert.equal(config.secureCookies, false);
    assert.equal(typeof config.toString, 'function');
  });
});
