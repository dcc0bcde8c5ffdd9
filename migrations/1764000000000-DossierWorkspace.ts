import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { col } from './columns.js';

const fk = (table: string, column: string, target: string, onDelete: 'CASCADE' | 'SET NULL' | 'NO ACTION' = 'CASCADE', targetColumn = 'id') => new TableForeignKey({
  name: `FK_${table}_${column}`, columnNames: [column], referencedTableName: target, referencedColumnNames: [targetColumn], onDelete, onUpdate: 'NO ACTION',
});
const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

/** The default statuses of SPEC §4 / seed 000; firms add or relabel theirs with upsertDossierStatus. */
const DEFAULT_STATUSES = [
  { code: 'IN_PROGRESS', labelNl: 'In behandeling', labelEn: 'In progress', active: true, position: 10 },
  { code: 'WAITING_FOR_CLIENT', labelNl: 'Wacht op u', labelEn: 'Waiting for you', active: true, position: 20 },
  { code: 'COMPLETED', labelNl: 'Afgerond', labelEn: 'Completed', active: false, position: 30 },
  { code: 'ARCHIVED', labelNl: 'Gearchiveerd', labelEn: 'Archived', active: false, position: 40 },
];

/**
 * The dossier workspace: statuses, dossiers and who may see them, progress steps, documents and who
 * downloaded them, messages and who read them, API tokens for case-management tools, and pending
 * e-mail notifications (bundled by the digest worker).
 *
 * Search on descriptions: MariaDB/MySQL get a FULLTEXT index; SQLite gets an FTS5 table `dossier_fts`
 * kept in step by triggers (rowid = the dossier's rowid). A later migration that rebuilds `dossier` on
 * SQLite (TypeORM copies the table for some column changes) must recreate those triggers and refill it.
 */
export class DossierWorkspace1764000000000 implements MigrationInterface {
  name = 'DossierWorkspace1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const sqlite = q.connection.options.type === 'better-sqlite3';

    await q.createTable(new Table({
      name: 'dossier_status',
      columns: [
        { name: 'code', type: 'varchar', length: '40', isPrimary: true },
        col.string('labelNl', 100), col.string('labelEn', 100), col.bool('active', true), col.int('position'),
      ],
    }));
    await q.manager.createQueryBuilder().insert().into('dossier_status').values(DEFAULT_STATUSES).execute();

    await q.createTable(new Table({
      name: 'dossier',
      columns: [
        col.id(), col.string('externalRef', 100, { isNullable: true }), col.string('number', 50), col.string('description', 500),
        col.string('statusCode', 40), col.string('handlerName', 200, { isNullable: true }), col.string('handlerEmail', 254, { isNullable: true }),
        col.string('handlerPhone', 30, { isNullable: true }), col.date('openedAt'), col.date('closedAt', true), col.date('createdAt'), col.date('updatedAt'),
      ],
      indices: [
        index('UQ_dossier_externalRef', ['externalRef'], true),
        index('IDX_dossier_number', ['number']),
        index('IDX_dossier_opened', ['openedAt', 'id']),
        index('IDX_dossier_status_opened', ['statusCode', 'openedAt', 'id']),
      ],
      foreignKeys: [fk('dossier', 'statusCode', 'dossier_status', 'NO ACTION', 'code')],
    }));
    if (sqlite) {
      await q.query(`CREATE VIRTUAL TABLE dossier_fts USING fts5(description, dossierId UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`);
      await q.query(`CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
        INSERT INTO dossier_fts(rowid, description, dossierId) VALUES (new.rowid, new.description, new.id); END`);
      await q.query(`CREATE TRIGGER dossier_fts_update AFTER UPDATE OF description ON dossier BEGIN
        UPDATE dossier_fts SET description = new.description WHERE rowid = old.rowid; END`);
      await q.query(`CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN
        DELETE FROM dossier_fts WHERE rowid = old.rowid; END`);
    } else {
      await q.query('ALTER TABLE `dossier` ADD FULLTEXT INDEX `FT_dossier_description` (`description`)');
    }

    await q.createTable(new Table({
      name: 'dossier_client',
      columns: [col.id(), col.ref('dossierId'), col.ref('clientId'), col.date('createdAt')],
      indices: [index('UQ_dossier_client', ['dossierId', 'clientId'], true), index('IDX_dossier_client_client', ['clientId', 'dossierId'])],
      foreignKeys: [fk('dossier_client', 'dossierId', 'dossier'), fk('dossier_client', 'clientId', 'client')],
    }));

    await q.createTable(new Table({
      name: 'progress_step',
      columns: [col.id(), col.ref('dossierId'), col.int('position'), col.string('title', 300), col.bool('done', false), col.date('doneAt', true)],
      indices: [index('IDX_progress_step_dossier', ['dossierId', 'position'])],
      foreignKeys: [fk('progress_step', 'dossierId', 'dossier')],
    }));

    await q.createTable(new Table({
      name: 'message',
      columns: [
        col.id(), col.ref('dossierId'), col.string('direction', 12), col.string('subject', 200), col.text('body'),
        col.ref('senderAccountId', true), col.string('senderName', 200), col.date('sentAt'), col.ref('inReplyToId', true),
        col.date('officeReadAt', true), col.date('createdAt'),
      ],
      indices: [index('IDX_message_dossier_sent', ['dossierId', 'sentAt', 'id']), index('IDX_message_inReplyToId', ['inReplyToId']), index('IDX_message_senderAccountId', ['senderAccountId'])],
      foreignKeys: [
        fk('message', 'dossierId', 'dossier'), fk('message', 'senderAccountId', 'account', 'SET NULL'), fk('message', 'inReplyToId', 'message', 'SET NULL'),
      ],
    }));

    await q.createTable(new Table({
      name: 'message_read',
      columns: [col.id(), col.ref('messageId'), col.ref('accountId'), col.date('readAt')],
      indices: [index('UQ_message_read', ['messageId', 'accountId'], true), index('IDX_message_read_accountId', ['accountId'])],
      foreignKeys: [fk('message_read', 'messageId', 'message'), fk('message_read', 'accountId', 'account')],
    }));

    await q.createTable(new Table({
      name: 'document',
      columns: [
        col.id(), col.ref('dossierId'), col.string('category', 20), col.string('title', 300), col.string('fileName', 255),
        col.string('contentType', 100), col.int('size'), col.string('sha256', 64), col.string('storageKey', 100),
        col.ref('messageId', true), col.ref('uploadedById', true), col.string('uploadedByName', 200), col.date('publishedAt'), col.date('createdAt'),
      ],
      indices: [
        index('IDX_document_dossier_category', ['dossierId', 'category', 'publishedAt', 'id']),
        index('IDX_document_messageId', ['messageId']), index('IDX_document_uploadedById', ['uploadedById']),
        index('UQ_document_storageKey', ['storageKey'], true),
      ],
      foreignKeys: [fk('document', 'dossierId', 'dossier'), fk('document', 'messageId', 'message'), fk('document', 'uploadedById', 'account', 'SET NULL')],
    }));

    await q.createTable(new Table({
      name: 'document_download',
      columns: [col.id(), col.ref('documentId'), col.ref('accountId'), col.date('firstAt')],
      indices: [index('UQ_document_download', ['documentId', 'accountId'], true), index('IDX_document_download_accountId', ['accountId'])],
      foreignKeys: [fk('document_download', 'documentId', 'document'), fk('document_download', 'accountId', 'account')],
    }));

    await q.createTable(new Table({
      name: 'api_token',
      columns: [
        col.id(), col.string('name', 100), col.string('scopes', 500), col.string('tokenHash', 64), col.ref('createdById', true),
        col.date('createdAt'), col.date('expiresAt', true), col.date('lastUsedAt', true), col.date('revokedAt', true),
      ],
      indices: [index('UQ_api_token_tokenHash', ['tokenHash'], true), index('IDX_api_token_createdById', ['createdById'])],
      foreignKeys: [fk('api_token', 'createdById', 'account', 'SET NULL')],
    }));

    await q.createTable(new Table({
      name: 'pending_notification',
      columns: [col.id(), col.ref('accountId'), col.ref('dossierId'), col.string('kind', 20), col.date('createdAt')],
      indices: [index('IDX_pending_notification_account', ['accountId', 'createdAt']), index('IDX_pending_notification_created', ['createdAt']), index('IDX_pending_notification_dossier', ['dossierId'])],
      foreignKeys: [fk('pending_notification', 'accountId', 'account'), fk('pending_notification', 'dossierId', 'dossier')],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['pending_notification', 'api_token', 'document_download', 'document', 'message_read', 'message', 'progress_step', 'dossier_client']) await q.dropTable(table);
    if (q.connection.options.type === 'better-sqlite3') {
      for (const trigger of ['dossier_fts_insert', 'dossier_fts_update', 'dossier_fts_delete']) await q.query(`DROP TRIGGER IF EXISTS ${trigger}`);
      await q.query('DROP TABLE IF EXISTS dossier_fts');
    }
    await q.dropTable('dossier');
    await q.dropTable('dossier_status');
  }
}
