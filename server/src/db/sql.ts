import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { isSqlite } from './data-source.js';
import { noteStatement } from './statements.js';

export type Param = string | number | boolean | Date | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** TypeORM's SQLite datetime form (UTC, milliseconds), so raw comparisons match what entities wrote. */
const sqliteDate = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;

/**
 * Hand-written SQL for the hot read paths (lists, counts, pages), portable between SQLite and
 * MariaDB/MySQL: `?` placeholders, unquoted camelCase identifiers that are not reserved words on
 * either dialect. Converts parameters and result values so callers see Dates, booleans and numbers.
 */
type Statement = { all(...values: unknown[]): unknown[] };
type SqliteConnection = { prepare(sql: string): Statement; pragma(s: string): unknown; close(): void };

export class Sql {
  readonly sqlite: boolean;
  private readonly statements = new Map<string, Statement>();
  private reader: SqliteConnection | null = null;

  constructor(private readonly ds: DataSource) {
    this.sqlite = isSqlite(ds);
  }

  /**
   * SQLite: reads outside a transaction use a read-only connection of their own. TypeORM shares one
   * connection between all requests, so a read there would see another request's open transaction —
   * rows that may still roll back, or a document whose file is not yet in place. In WAL mode the second
   * connection sees committed data only, one consistent snapshot per statement. (An in-memory database
   * cannot be opened twice and keeps the shared connection.)
   */
  private sqliteReader(shared: SqliteConnection): SqliteConnection {
    if (this.reader) return this.reader;
    const file = String(this.ds.options.database);
    if (file === ':memory:' || file === '') return shared;
    const Database = (this.ds.driver as unknown as { sqlite: new (file: string, options: object) => SqliteConnection }).sqlite;
    this.reader = new Database(file, { readonly: true, fileMustExist: true });
    this.reader.pragma('busy_timeout = 5000');
    return this.reader;
  }

  /** Closes the SQLite read connection (before the data source is destroyed). */
  close(): void {
    this.statements.clear();
    this.reader?.close();
    this.reader = null;
  }

  /**
   * Rows of a SELECT. Inside a transaction (`manager`) it goes through TypeORM; otherwise straight to the
   * driver — better-sqlite3's prepared statements (cached here) or mysql2's pool — which saves TypeORM's
   * ~15–25 µs per statement on the hot read paths. Either way it is counted (statements.ts).
   * With a manager it also runs the hand-written writes of hot paths (login, audit): TypeORM's insert/update/delete
   * build their SQL from entity metadata on every call (~0.5 ms of main-thread CPU for a login's four writes). Such
   * a write lists every non-null column itself: no defaults are filled in.
   */
  rows<T = Record<string, unknown>>(sql: string, params: Param[] = [], manager?: EntityManager): Promise<T[]> {
    const values = params.map((p) => (p instanceof Date ? (this.sqlite ? sqliteDate(p) : p) : typeof p === 'boolean' ? (p ? 1 : 0) : p));
    if (manager) return manager.query(sql, values);
    noteStatement();
    const driver = this.ds.driver as unknown as {
      databaseConnection: SqliteConnection;
      pool: { query(sql: string, values: unknown[], done: (error: Error | null, rows: unknown) => void): void };
    };
    if (this.sqlite) {
      try {
        let statement = this.statements.get(sql);
        if (!statement) {
          if (this.statements.size >= 500) this.statements.clear();
          statement = this.sqliteReader(driver.databaseConnection).prepare(sql);
          this.statements.set(sql, statement);
        }
        return Promise.resolve(statement.all(...values) as T[]);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => driver.pool.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  }

  /** The select list of every column of `entity` under table alias `alias`, named `<alias>__<column>` (for `entity()`). */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    return this.ds.getMetadata(entity).columns.map((c) => `${alias}.${c.databaseName} AS ${alias}__${c.databaseName}`).join(', ');
  }

  /** An entity instance from a raw row selected with `columns(entity, alias)`, values converted as TypeORM would. */
  entity<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, row: Record<string, unknown>): T {
    const metadata = this.ds.getMetadata(entity);
    const instance = metadata.create() as T;
    for (const column of metadata.columns) {
      (instance as Record<string, unknown>)[column.propertyName] = this.ds.driver.prepareHydratedValue(row[`${alias}__${column.databaseName}`], column);
    }
    return instance;
  }

  /** `?, ?, ?` for an IN list of `n` values (n ≥ 1). */
  static list(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }

  static date(value: unknown): Date;
  static date(value: unknown, nullable: true): Date | null;
  static date(value: unknown): Date | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value;
    return new Date(`${String(value).replace(' ', 'T')}Z`);
  }

  static bool(value: unknown): boolean {
    return value === true || value === 1 || value === '1' || (Buffer.isBuffer(value) && value[0] === 1);
  }
}

/** Unique-index violation on SQLite or MariaDB/MySQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** For an insert that may race with the same insert elsewhere (a first download, a first read): the unique index keeps one row. */
export function ignoreDuplicate(error: unknown): void {
  if (!isUniqueViolation(error)) throw error;
}
