// Bulk loaders: multi-row INSERTs through prepared statements in big transactions.
// SQLite: better-sqlite3 on the migrated file, journal off and secondary indexes and triggers dropped during the
// load and rebuilt afterwards from their own CREATE statements (a sort, instead of millions of
// random B-tree inserts). MariaDB: mysql2 multi-row VALUES with unique and foreign-key checks off,
// one batch in flight while the next is generated.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverDist, serverRequire } from './common.mjs';

const ROWS_PER_STATEMENT_SQLITE = 200;
const ROWS_PER_STATEMENT_MARIADB = 2000;
const ROWS_PER_TRANSACTION = 100_000;

export async function openLoader(dialect, url) {
  return dialect === 'sqlite' ? sqliteLoader(url.slice('sqlite:'.length)) : mariadbLoader(url);
}

function sqliteLoader(file) {
  const Database = serverRequire('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name NOT LIKE 'sqlite_%'`).all();
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  // The search index's triggers would look up each row's grants without the dropped indexes: the index is filled
  // once after the load instead, with the migration's own statements.
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all();
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  let inTx = 0;
  const begin = () => { if (!db.inTransaction) db.exec('BEGIN'); };
  const counts = {};
  return {
    table(name, columns) {
      const cols = columns.map((c) => `"${c}"`).join(', ');
      const one = `(${columns.map(() => '?').join(', ')})`;
      const stmtFor = (n) => db.prepare(`INSERT INTO "${name}" (${cols}) VALUES ${Array(n).fill(one).join(', ')}`);
      const full = stmtFor(ROWS_PER_STATEMENT_SQLITE);
      let buf = [];
      let rows = 0;
      counts[name] = 0;
      const flushRows = () => {
        if (!buf.length) return;
        begin();
        const n = buf.length / columns.length;
        (n === ROWS_PER_STATEMENT_SQLITE ? full : stmtFor(n)).run(buf);
        counts[name] += n;
        inTx += n;
        buf = [];
        if (inTx >= ROWS_PER_TRANSACTION) { db.exec('COMMIT'); inTx = 0; }
      };
      return {
        add(row) {
          for (const v of row) buf.push(v);
          if (++rows % ROWS_PER_STATEMENT_SQLITE === 0) flushRows();
          return undefined;
        },
        async flush() { flushRows(); },
      };
    },
    async finish(log) {
      if (db.inTransaction) db.exec('COMMIT');
      const t = performance.now();
      for (const { sql } of indexes) db.exec(sql);
      log(`indexes rebuilt (${indexes.length}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const s = performance.now();
      const migration = (name) => import(pathToFileURL(join(serverDist, `../../migrations/${name}.js`)).href);
      const { SQLITE_SEARCH_FILL } = await migration('1764300000000-SearchIndex');
      const { SQLITE_COUNT_FILL } = await migration('1764400000000-SearchCounts');
      db.exec('DELETE FROM dossier_search_key; DELETE FROM dossier_search; DELETE FROM dossier_word_count');
      for (const statement of [...SQLITE_SEARCH_FILL, SQLITE_COUNT_FILL]) db.exec(statement);
      for (const { sql } of triggers) db.exec(sql);
      log(`search index filled in ${((performance.now() - s) / 1000).toFixed(1)} s`);
      db.pragma('journal_mode = WAL');
      db.close();
    },
    counts,
  };
}

async function mariadbLoader(url) {
  const mysql = serverRequire('mysql2/promise');
  const u = new URL(url);
  const conn = await mysql.createConnection({
    host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
    database: u.pathname.slice(1), timezone: 'Z', charset: 'utf8mb4_unicode_ci', maxPreparedStatements: 64,
  });
  await conn.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  await conn.query('START TRANSACTION');
  let inTx = 0;
  let inFlight = Promise.resolve();
  const counts = {};
  const send = async (sql, values, n) => {
    await inFlight;
    inFlight = (async () => {
      await conn.query(sql, [values]);
      inTx += n;
      if (inTx >= ROWS_PER_TRANSACTION) { await conn.query('COMMIT'); await conn.query('START TRANSACTION'); inTx = 0; }
    })();
  };
  return {
    table(name, columns) {
      const sql = `INSERT INTO \`${name}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
      let buf = [];
      counts[name] = 0;
      const flushRows = () => {
        if (!buf.length) return undefined;
        const rows = buf;
        buf = [];
        counts[name] += rows.length;
        return send(sql, rows, rows.length);
      };
      return {
        add(row) {
          buf.push(row);
          return buf.length >= ROWS_PER_STATEMENT_MARIADB ? flushRows() : undefined;
        },
        async flush() { await flushRows(); await inFlight; },
      };
    },
    async finish(log) {
      await inFlight;
      await conn.query('COMMIT');
      const s = performance.now();
      const { fillSearchIndexMysql } = await import(pathToFileURL(join(serverDist, '../../migrations/1764300000000-SearchIndex.js')).href);
      await conn.query('DELETE FROM dossier_word');
      await conn.query('DELETE FROM dossier_vocabulary');
      await conn.query('DELETE FROM dossier_search_key');
      await fillSearchIndexMysql((sql, params) => conn.query(sql, params).then(([rows]) => rows));
      log(`search index filled in ${((performance.now() - s) / 1000).toFixed(1)} s`);
      const t = performance.now();
      const [tables] = await conn.query('SHOW TABLES');
      for (const row of tables) await conn.query(`ANALYZE TABLE \`${Object.values(row)[0]}\``);
      log(`ANALYZE TABLE in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      await conn.end();
    },
    counts,
  };
}
