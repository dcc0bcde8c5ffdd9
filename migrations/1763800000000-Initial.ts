import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { col } from './columns.js';

/** Accounts, clients, sign-in links, sessions, lockout failures, the mail outbox and the audit log. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'client',
      columns: [col.id(), col.string('externalRef', 100, { isNullable: true }), col.string('name', 200), col.bool('isCompany', false), col.date('createdAt')],
      indices: [new TableIndex({ name: 'UQ_client_externalRef', columnNames: ['externalRef'], isUnique: true })],
    }));

    await q.createTable(new Table({
      name: 'account',
      columns: [
        col.id(), col.ref('clientId', true),
        col.string('email', 254), col.string('accountNumber', 20), col.string('displayName', 200),
        col.string('role', 20), col.string('language', 2, { default: "'NL'" }),
        col.string('mobileNumber', 20, { isNullable: true }), col.string('twoFactorMethod', 10, { default: "'NONE'" }),
        col.bool('notifyNewDocuments', true), col.bool('notifyNewQuestionnaires', true), col.bool('notifyNewMessages', true),
        col.bool('firstLogin', true), col.date('activatedAt', true), col.date('lastLoginAt', true),
        col.string('passwordHash', 255, { isNullable: true }), col.date('passwordChangedAt', true),
        col.date('lockedUntil', true), col.int('consecutiveFailures'), col.bool('resetRequired', false),
        col.date('createdAt'),
      ],
      indices: [
        new TableIndex({ name: 'IDX_account_clientId', columnNames: ['clientId'] }),
        new TableIndex({ name: 'UQ_account_email', columnNames: ['email'], isUnique: true }),
        new TableIndex({ name: 'UQ_account_accountNumber', columnNames: ['accountNumber'], isUnique: true }),
      ],
      foreignKeys: [new TableForeignKey({ name: 'FK_account_client', columnNames: ['clientId'], referencedTableName: 'client', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' })],
    }));

    const accountFk = (table: string) => new TableForeignKey({
      name: `FK_${table}_account`, columnNames: ['accountId'], referencedTableName: 'account', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION',
    });

    await q.createTable(new Table({
      name: 'auth_link',
      columns: [col.id(), col.ref('accountId'), col.string('purpose', 20), col.string('tokenHash', 64), col.date('createdAt'), col.date('expiresAt'), col.date('usedAt', true)],
      indices: [
        new TableIndex({ name: 'IDX_auth_link_accountId', columnNames: ['accountId'] }),
        new TableIndex({ name: 'UQ_auth_link_tokenHash', columnNames: ['tokenHash'], isUnique: true }),
      ],
      foreignKeys: [accountFk('auth_link')],
    }));

    await q.createTable(new Table({
      name: 'session',
      columns: [col.id(), col.ref('accountId'), col.string('tokenHash', 64), col.string('stage', 20), col.date('createdAt'), col.date('lastSeenAt'), col.date('expiresAt'), col.date('endedAt', true), col.string('ip', 45, { isNullable: true })],
      indices: [
        new TableIndex({ name: 'IDX_session_accountId', columnNames: ['accountId'] }),
        new TableIndex({ name: 'UQ_session_tokenHash', columnNames: ['tokenHash'], isUnique: true }),
      ],
      foreignKeys: [accountFk('session')],
    }));

    await q.createTable(new Table({
      name: 'login_failure',
      columns: [col.id(), col.ref('accountId'), col.date('at')],
      indices: [new TableIndex({ name: 'IDX_login_failure_account_at', columnNames: ['accountId', 'at'] })],
      foreignKeys: [accountFk('login_failure')],
    }));

    await q.createTable(new Table({
      name: 'outbox',
      columns: [
        col.id(), col.string('channel', 20), col.string('recipient', 254), col.string('template', 50), col.string('subject', 300),
        col.text('textBody'), col.text('htmlBody'), col.date('createdAt'), col.date('nextAttemptAt'), col.date('claimedUntil', true),
        col.int('attempts'), col.date('sentAt', true), col.string('lastError', 500, { isNullable: true }),
      ],
      indices: [new TableIndex({ name: 'IDX_outbox_due', columnNames: ['sentAt', 'nextAttemptAt'] })],
    }));

    await q.createTable(new Table({
      name: 'audit_entry',
      columns: [col.id(), col.date('at'), col.ref('actorId', true), col.string('action', 64), col.ref('targetId', true), col.string('ip', 45, { isNullable: true }), col.text('detail', true)],
      indices: [
        new TableIndex({ name: 'IDX_audit_entry_at', columnNames: ['at', 'id'] }),
        new TableIndex({ name: 'IDX_audit_entry_actorId', columnNames: ['actorId'] }),
        new TableIndex({ name: 'IDX_audit_entry_targetId', columnNames: ['targetId'] }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_entry', 'outbox', 'login_failure', 'session', 'auth_link', 'account', 'client']) await q.dropTable(table);
  }
}
