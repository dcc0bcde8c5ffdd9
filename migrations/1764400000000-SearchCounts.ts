import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An fts3tokenize table: `SELECT token FROM it WHERE input = <text>` yields the words of a text as `dossier_search` indexes them. */
const TOKENIZER = 'dossier_search_tokenizer';

/**
 * The (scope, word, statusCode) triples a dossier counts once in: its description's words, under its status, for the
 * office ('') and for each client in `scopes` (an SQL query of `scope`). `source` is an SQL query of one row
 * (description, statusCode), or none.
 */
const contribution = (source: string, scopes: string) => `SELECT s.scope, t.token, x.statusCode FROM (${source}) x
  CROSS JOIN ${TOKENIZER} t CROSS JOIN (${scopes}) s WHERE t.input = x.description GROUP BY s.scope, t.token, x.statusCode`;
const add = (source: string, scopes: string) => `INSERT INTO dossier_word_count (scope, word, statusCode, n)
  SELECT c.*, 1 FROM (${contribution(source, scopes)}) c WHERE true ON CONFLICT (scope, word, statusCode) DO UPDATE SET n = n + 1`;
const remove = (source: string, scopes: string) => [
  `DELETE FROM dossier_word_count WHERE n = 1 AND (scope, word, statusCode) IN (${contribution(source, scopes)})`,
  `UPDATE dossier_word_count SET n = n - 1 WHERE (scope, word, statusCode) IN (${contribution(source, scopes)})`,
];
const row = (r: string) => `SELECT ${r}.description AS description, ${r}.statusCode AS statusCode`;
const dossierRow = (dossierId: string) => `SELECT d.description, d.statusCode FROM dossier d WHERE d.id = ${dossierId}`;
const officeAndClients = (dossierId: string) => `SELECT '' AS scope UNION ALL SELECT dc.clientId FROM dossier_client dc WHERE dc.dossierId = ${dossierId}`;
const client = (clientId: string) => `SELECT ${clientId} AS scope`;

/**
 * A dossier leaves the counts before it is deleted, while its grants still exist: their cascaded deletes come after
 * the row is gone, find no dossier and change nothing. Dossier ids never change, so updates of `id` are not followed.
 */
const TRIGGERS: Record<string, string> = {
  dossier_count_insert: `AFTER INSERT ON dossier BEGIN ${add(row('new'), officeAndClients('new.id'))}; END`,
  dossier_count_update: `AFTER UPDATE OF description, statusCode ON dossier
    WHEN old.description IS NOT new.description OR old.statusCode IS NOT new.statusCode
    BEGIN ${[...remove(row('old'), officeAndClients('old.id')), add(row('new'), officeAndClients('new.id'))].join('; ')}; END`,
  dossier_count_delete: `BEFORE DELETE ON dossier BEGIN ${remove(row('old'), officeAndClients('old.id')).join('; ')}; END`,
  dossier_count_grant: `AFTER INSERT ON dossier_client BEGIN ${add(dossierRow('new.dossierId'), client('new.clientId'))}; END`,
  dossier_count_regrant: `AFTER UPDATE OF dossierId, clientId ON dossier_client
    BEGIN ${[...remove(dossierRow('old.dossierId'), client('old.clientId')), add(dossierRow('new.dossierId'), client('new.clientId'))].join('; ')}; END`,
  dossier_count_revoke: `AFTER DELETE ON dossier_client BEGIN ${remove(dossierRow('old.dossierId'), client('old.clientId')).join('; ')}; END`,
};

/** Fills `dossier_word_count` from `dossier` and `dossier_client` (it must be empty); the bench's bulk loader runs it too. */
export const SQLITE_COUNT_FILL = `WITH w AS MATERIALIZED (SELECT DISTINCT d.id, d.statusCode, t.token FROM dossier d CROSS JOIN ${TOKENIZER} t
    WHERE t.input = d.description)
  INSERT INTO dossier_word_count (scope, word, statusCode, n)
  SELECT '', w.token, w.statusCode, COUNT(*) FROM w GROUP BY w.token, w.statusCode
  UNION ALL SELECT dc.clientId, w.token, w.statusCode, COUNT(*) FROM w JOIN dossier_client dc ON dc.dossierId = w.id GROUP BY dc.clientId, w.token, w.statusCode`;

/**
 * SQLite: how many dossiers hold each word, per scope and status, so that a search for one common word is counted
 * without walking its hits (100k dossiers: "beroepzaak" in 65k of them took 2.3 ms to count in FTS5; its count
 * is now one row per status). `dossier_word_count` (scope '' for the office, or a client id; word; statusCode; n)
 * is kept exact by triggers, which tokenize with an fts3tokenize table set up like `dossier_search`'s unicode61
 * tokenizer (the same words: checked on 20k strings across scripts). Its office rows are also the vocabulary a
 * search word is expanded with (dossier.service.ts), replacing the fts5vocab table, which counted each word's
 * hits on every lookup. MariaDB/MySQL counts a word as one range of `dossier_word` and needs none of this.
 */
export class SearchCounts1764400000000 implements MigrationInterface {
  name = 'SearchCounts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') return;
    await q.query(`CREATE VIRTUAL TABLE ${TOKENIZER} USING fts3tokenize('unicode61', 'remove_diacritics=2')`);
    await q.query(`CREATE TABLE dossier_word_count (scope varchar(36) NOT NULL, word text NOT NULL, statusCode varchar(40) NOT NULL,
      n integer NOT NULL, PRIMARY KEY (scope, word, statusCode)) WITHOUT ROWID`);
    await q.query(SQLITE_COUNT_FILL);
    for (const [name, body] of Object.entries(TRIGGERS)) await q.query(`CREATE TRIGGER ${name} ${body}`);
    await q.query('DROP TABLE dossier_search_terms');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') return;
    await q.query('CREATE VIRTUAL TABLE dossier_search_terms USING fts5vocab(dossier_search, row)');
    for (const name of Object.keys(TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const table of ['dossier_word_count', TOKENIZER]) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
