import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Search keys per second of openedAt: the most dossiers that can open within one second (see SearchIndex). */
export const SEARCH_KEYS_PER_SECOND = 1048576;
const bucket = (openedAt: string) => `unixepoch(${openedAt}) * ${SEARCH_KEYS_PER_SECOND}`;
/** The search tokens of a dossier: `s` + its status code in hex, and `c` + each client that sees it (its id without dashes). */
const tags = (dossierId: string, statusCode: string) => `'s' || lower(hex(${statusCode})) || COALESCE((SELECT ' ' || group_concat('c' || lower(replace(dc.clientId, '-', '')), ' ')
  FROM dossier_client dc WHERE dc.dossierId = ${dossierId}), '')`;
const keyOf = (dossierId: string) => `(SELECT k.searchKey FROM dossier_search_key k WHERE k.dossierId = ${dossierId})`;
/** Statements that index one dossier (`row` is `new` in a trigger). */
const indexDossier = (row: string) => [
  `INSERT INTO dossier_search_key (searchKey, dossierId) VALUES (COALESCE((SELECT MAX(k.searchKey) + 1 FROM dossier_search_key k
    WHERE k.searchKey BETWEEN ${bucket(`${row}.openedAt`)} AND ${bucket(`${row}.openedAt`)} + ${SEARCH_KEYS_PER_SECOND - 1}), ${bucket(`${row}.openedAt`)}), ${row}.id)`,
  `INSERT INTO dossier_search (rowid, description, tags) VALUES (${keyOf(`${row}.id`)}, ${row}.description, ${tags(`${row}.id`, `${row}.statusCode`)})`,
];
const unindexDossier = (row: string) => [
  `DELETE FROM dossier_search WHERE rowid = ${keyOf(`${row}.id`)}`,
  `DELETE FROM dossier_search_key WHERE dossierId = ${row}.id`,
];
const retag = (dossierId: string) => `UPDATE dossier_search SET tags = (SELECT ${tags('d.id', 'd.statusCode')} FROM dossier d WHERE d.id = ${dossierId})
  WHERE rowid = ${keyOf(dossierId)}`;

const TRIGGERS: Record<string, string> = {
  dossier_search_insert: `AFTER INSERT ON dossier BEGIN ${indexDossier('new').join('; ')}; END`,
  dossier_search_update: `AFTER UPDATE OF description, statusCode, openedAt, id ON dossier BEGIN ${[...unindexDossier('old'), ...indexDossier('new')].join('; ')}; END`,
  dossier_search_delete: `AFTER DELETE ON dossier BEGIN ${unindexDossier('old').join('; ')}; END`,
  dossier_search_grant: `AFTER INSERT ON dossier_client BEGIN ${retag('new.dossierId')}; END`,
  dossier_search_regrant: `AFTER UPDATE OF dossierId, clientId ON dossier_client BEGIN ${retag('old.dossierId')}; ${retag('new.dossierId')}; END`,
  dossier_search_revoke: `AFTER DELETE ON dossier_client BEGIN ${retag('old.dossierId')}; END`,
};

/**
 * Fills the search tables from `dossier` and `dossier_client` (they must be empty): what the triggers do row by row,
 * in two statements. The bench's bulk loader runs it too, with the triggers dropped during its load.
 */
export const SQLITE_SEARCH_FILL = [
  `INSERT INTO dossier_search_key (searchKey, dossierId) SELECT ${bucket('d.openedAt')}
    + ROW_NUMBER() OVER (PARTITION BY unixepoch(d.openedAt) ORDER BY d.id) - 1, d.id FROM dossier d`,
  `INSERT INTO dossier_search (rowid, description, tags) SELECT k.searchKey, d.description, ${tags('d.id', 'd.statusCode')}
    FROM dossier_search_key k CROSS JOIN dossier d ON d.id = k.dossierId ORDER BY k.searchKey`,
];

/**
 * The words a dossier is found by on MariaDB/MySQL (SQLite's FTS5 tokenizer does the same: letters and digits,
 * lower case, without diacritics), at most 100 characters each. Searches fold their words the same way.
 */
export function searchWords(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set((folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 100)))];
}

/** A dossier's status tag on MariaDB/MySQL: `#s` + its status code in hex (no word starts with `#`). */
export const statusTag = (code: string) => `#s${Buffer.from(code, 'utf8').toString('hex')}`;
/** The first search key of the second of `openedAt` (a DATETIME column or parameter), in MariaDB/MySQL SQL. */
const mysqlBucket = (openedAt: string) => `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ${openedAt}) * ${SEARCH_KEYS_PER_SECOND}`;

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;
type Row = { id: string; description: string; statusCode: string; openedAt: Date; searchKey: string | number | null; bucket: string | number };
/** Dossier order: openedAt, then id (as the lists sort). */
const before = (a: { openedAt: Date; id: string }, b: { openedAt: Date; id: string }) =>
  new Date(a.openedAt).getTime() - new Date(b.openedAt).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Indexes dossiers on MariaDB/MySQL, in the caller's transaction: a search key for those without one, and all
 * their rows in `dossier_word`, replacing what was there. Keys within a second follow (openedAt, id) exactly: a
 * new dossier that sorts last in its second (one opened now) takes the next key, any other renumbers that
 * second's dossiers (rare, and few).
 */
export async function indexDossiersMysql(query: Query, dossierIds: string[]): Promise<void> {
  if (!dossierIds.length) return;
  const select = `SELECT d.id, d.description, d.statusCode, d.openedAt, k.searchKey, ${mysqlBucket('d.openedAt')} AS bucket
    FROM dossier d LEFT JOIN dossier_search_key k ON k.dossierId = d.id`;
  const rows = await query(`${select} WHERE d.id IN (${dossierIds.map(() => '?').join(', ')})`, dossierIds) as Row[];
  const keys = new Map<string, number>(rows.filter((r) => r.searchKey !== null).map((r) => [r.id, Number(r.searchKey)]));
  const toIndex = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows.filter((r) => r.searchKey === null).sort(before)) {
    const bucket = Number(row.bucket);
    const group = await query(`${select} WHERE k.searchKey BETWEEN ? AND ? ORDER BY k.searchKey`, [bucket, bucket + SEARCH_KEYS_PER_SECOND - 1]) as Row[];
    const last = group.at(-1);
    if (!last || before(last, row) < 0) {
      const key = last ? Number(last.searchKey) + 1 : bucket;
      await query('INSERT INTO dossier_search_key (searchKey, dossierId) VALUES (?, ?)', [key, row.id]);
      keys.set(row.id, key);
      continue;
    }
    await query('DELETE FROM dossier_word WHERE searchKey BETWEEN ? AND ?', [bucket, bucket + SEARCH_KEYS_PER_SECOND - 1]);
    await query('DELETE FROM dossier_search_key WHERE searchKey BETWEEN ? AND ?', [bucket, bucket + SEARCH_KEYS_PER_SECOND - 1]);
    for (const [i, member] of [...group, row].sort(before).entries()) {
      await query('INSERT INTO dossier_search_key (searchKey, dossierId) VALUES (?, ?)', [bucket + i, member.id]);
      keys.set(member.id, bucket + i);
      toIndex.set(member.id, member);
    }
  }
  const ids = [...toIndex.keys()];
  const grants = new Map<string, string[]>();
  for (const g of await query(`SELECT dossierId, clientId FROM dossier_client WHERE dossierId IN (${ids.map(() => '?').join(', ')})`, ids) as { dossierId: string; clientId: string }[]) {
    grants.set(g.dossierId, [...grants.get(g.dossierId) ?? [], g.clientId]);
  }
  await query(`DELETE FROM dossier_word WHERE searchKey IN (${ids.map(() => '?').join(', ')})`, ids.map((id) => keys.get(id)));
  const values: (string | number)[] = [];
  for (const row of toIndex.values()) {
    const key = keys.get(row.id)!;
    const words = searchWords(row.description);
    // The office's rows ('') carry the status tag; each client that sees the dossier gets the words under its id.
    for (const word of [...words, statusTag(row.statusCode)]) values.push('', word, key);
    for (const clientId of grants.get(row.id) ?? []) for (const word of words) values.push(clientId, word, key);
  }
  // Words are never removed from the vocabulary: one no dossier has any more only costs a lookup.
  const vocabulary = [...new Set([...toIndex.values()].flatMap((row) => searchWords(row.description)))];
  for (let i = 0; i < vocabulary.length; i += 1000) {
    const part = vocabulary.slice(i, i + 1000);
    await query(`INSERT IGNORE INTO dossier_vocabulary (word) VALUES ${part.map(() => '(?)').join(', ')}`, part);
  }
  for (let i = 0; i < values.length; i += 3000) {
    const part = values.slice(i, i + 3000);
    await query(`INSERT INTO dossier_word (scope, word, searchKey) VALUES ${Array(part.length / 3).fill('(?, ?, ?)').join(', ')}`, part);
  }
}

/** Indexes every dossier on MariaDB/MySQL (an empty index: the migration, the bench's bulk loader), in batches. */
export async function fillSearchIndexMysql(query: Query): Promise<void> {
  await query(`INSERT INTO dossier_search_key (searchKey, dossierId)
    SELECT x.bucket + ROW_NUMBER() OVER (PARTITION BY x.bucket ORDER BY x.openedAt, x.id) - 1, x.id
    FROM (SELECT d.id, d.openedAt, ${mysqlBucket('d.openedAt')} AS bucket FROM dossier d) x`);
  const ids = (await query('SELECT id FROM dossier ORDER BY openedAt, id') as { id: string }[]).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 1000) await indexDossiersMysql(query, ids.slice(i, i + 1000));
}

/**
 * Dossier search on SQLite, built so that a page of the newest matches and their count stay cheap however common
 * the words are (100k dossiers: a word in 65% of them took 22 ms with a client's scope 56 ms; now ~2 ms).
 *
 * - `dossier_search` (FTS5, detail=column) holds each dossier's description and its tags: its status and the
 *   clients that see it as tokens, so that a client's scope and the status filters are full-text terms too and a
 *   search never joins its hits to other tables to filter or count them.
 * - Its rowid is the dossier's search key: the second of openedAt × 2^20 plus a number within that second
 *   (`dossier_search_key`, which also maps keys to dossier ids). Keys follow openedAt, so the newest matches are
 *   the first ones the index yields in descending rowid order and a page stops after a few; within a second the
 *   order is exact only after sorting, which the list query does on a page's candidates. Up to 2^20 dossiers can
 *   open within one second; the keys stay below 2^53, exact in JavaScript.
 * - Triggers keep both in step with `dossier` and `dossier_client`. A later migration that rebuilds `dossier` or
 *   `dossier_client` on SQLite (TypeORM copies a table for some column changes) must recreate them.
 *
 * MariaDB/MySQL: InnoDB's FULLTEXT collects every match of each word before it can page or count (a word in 65%
 * of 100k dossiers: 750 ms). Instead `dossier_word` holds each dossier's words with its search key, once for the
 * office (scope '', with its status tag `#s…`) and once per client that sees it (scope = the client's id),
 * keyed (scope, word, searchKey): a word's newest dossiers in a scope are read in index order and counted as one
 * range; (searchKey, word) checks a dossier's other words; `dossier_vocabulary` lists the words, to expand a
 * prefix. Keys within a second follow (openedAt, id) exactly.
 * The application keeps it in step (indexDossiersMysql, in the transaction that changes a dossier or its
 * grants); the FULLTEXT index goes.
 */
export class SearchIndex1764300000000 implements MigrationInterface {
  name = 'SearchIndex1764300000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') {
      await q.query('CREATE TABLE dossier_search_key (searchKey bigint NOT NULL PRIMARY KEY, dossierId varchar(36) NOT NULL, UNIQUE KEY UQ_dossier_search_key_dossier (dossierId)) ENGINE=InnoDB');
      await q.query(`CREATE TABLE dossier_word (scope varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        word varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, searchKey bigint NOT NULL,
        PRIMARY KEY (scope, word, searchKey), KEY IDX_dossier_word_key (searchKey, word)) ENGINE=InnoDB`);
      await q.query('CREATE TABLE dossier_vocabulary (word varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY) ENGINE=InnoDB');
      await fillSearchIndexMysql((sql, params) => q.query(sql, params));
      await q.query('ALTER TABLE `dossier` DROP INDEX `FT_dossier_description`');
      return;
    }
    for (const trigger of ['dossier_fts_insert', 'dossier_fts_update', 'dossier_fts_delete']) await q.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await q.query('DROP TABLE IF EXISTS dossier_fts');
    await q.query('CREATE TABLE dossier_search_key (searchKey INTEGER PRIMARY KEY, dossierId varchar(36) NOT NULL UNIQUE)');
    await q.query(`CREATE VIRTUAL TABLE dossier_search USING fts5(description, tags, tokenize = 'unicode61 remove_diacritics 2', detail = column)`);
    // The index's vocabulary: a search word that is a prefix of few other words is looked up as those words (dossier.service.ts).
    await q.query('CREATE VIRTUAL TABLE dossier_search_terms USING fts5vocab(dossier_search, row)');
    for (const statement of SQLITE_SEARCH_FILL) await q.query(statement);
    for (const [name, body] of Object.entries(TRIGGERS)) await q.query(`CREATE TRIGGER ${name} ${body}`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') {
      await q.query('ALTER TABLE `dossier` ADD FULLTEXT INDEX `FT_dossier_description` (`description`)');
      for (const table of ['dossier_vocabulary', 'dossier_word', 'dossier_search_key']) await q.query(`DROP TABLE ${table}`);
      return;
    }
    for (const name of Object.keys(TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const table of ['dossier_search_terms', 'dossier_search', 'dossier_search_key']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`CREATE VIRTUAL TABLE dossier_fts USING fts5(description, dossierId UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`);
    await q.query('INSERT INTO dossier_fts (rowid, description, dossierId) SELECT rowid, description, id FROM dossier');
    await q.query(`CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
      INSERT INTO dossier_fts(rowid, description, dossierId) VALUES (new.rowid, new.description, new.id); END`);
    await q.query(`CREATE TRIGGER dossier_fts_update AFTER UPDATE OF description ON dossier BEGIN
      UPDATE dossier_fts SET description = new.description WHERE rowid = old.rowid; END`);
    await q.query(`CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN
      DELETE FROM dossier_fts WHERE rowid = old.rowid; END`);
  }
}
