import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type Logger } from 'typeorm';
import type { Config } from '../config/config.js';
import { migrations } from '../../../migrations/index.js';
import { entities } from './entities.js';
import { StatementCounter } from './statements.js';

/** Builds the TypeORM data source for DATABASE_URL. Never `synchronize`: the schema comes from migrations only. */
export function createDataSource(config: Pick<Config, 'DATABASE_URL'>, logger: Logger = new StatementCounter()): DataSource {
  const url = config.DATABASE_URL;
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false, logger } as const;
  let options: DataSourceOptions;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  } else {
    const parsed = new URL(url);
    options = {
      ...common,
      // MariaDB needs its own driver type, or a phantom schema difference never goes away.
      type: parsed.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      username: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database: parsed.pathname.replace(/^\//, ''),
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: 10 },
    };
  }
  return new DataSource(options);
}

/** True for SQLite, where writers are serialised and row locks do not exist. */
export const isSqlite = (ds: DataSource | EntityManager) =>
  ('connection' in ds ? ds.connection : ds).options.type === 'better-sqlite3';

/**
 * SQLite: one transaction at a time. TypeORM shares SQLite's single connection between all requests, so
 * two overlapping transactions would nest (the second becomes a savepoint of the first) and a rollback of
 * the first would silently undo the second's acknowledged work. SQLite allows one writer anyway; queueing
 * costs nothing it would not cost there. Must not be called from inside a transaction (it would wait on itself).
 */
export function serializeTransactions(ds: DataSource): void {
  const run = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  ds.transaction = ((...args: unknown[]) => {
    const next = tail.then(() => run(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as DataSource['transaction'];
}
