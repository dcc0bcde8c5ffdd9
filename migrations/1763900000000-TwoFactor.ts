import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { col } from './columns.js';

/** Two-step verification: authenticator secrets, verified mobile numbers, recovery codes, SMS codes, password re-confirmation. */
export class TwoFactor1763900000000 implements MigrationInterface {
  name = 'TwoFactor1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('account', [
      new TableColumn(col.date('mobileVerifiedAt', true)),
      new TableColumn(col.string('totpSecret', 255, { isNullable: true })),
      new TableColumn(col.int('totpLastCounter')),
      new TableColumn(col.string('pendingTotpSecret', 255, { isNullable: true })),
      new TableColumn(col.date('pendingTotpCreatedAt', true)),
    ]);
    await q.createIndex('account', new TableIndex({ name: 'IDX_account_mobileNumber', columnNames: ['mobileNumber'] }));
    await q.addColumn('session', new TableColumn(col.date('passwordConfirmedAt', true)));

    const accountFk = (table: string) => new TableForeignKey({
      name: `FK_${table}_account`, columnNames: ['accountId'], referencedTableName: 'account', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION',
    });
    await q.createTable(new Table({
      name: 'recovery_code',
      columns: [col.id(), col.ref('accountId'), col.string('codeHash', 64), col.date('createdAt'), col.date('usedAt', true)],
      indices: [new TableIndex({ name: 'IDX_recovery_code_accountId', columnNames: ['accountId'] })],
      foreignKeys: [accountFk('recovery_code')],
    }));
    await q.createTable(new Table({
      name: 'sms_code',
      columns: [
        col.id(), col.ref('accountId'), col.string('purpose', 20), col.ref('sessionId', true), col.string('mobileNumber', 20),
        col.string('codeHash', 64, { isNullable: true }), col.date('createdAt'), col.date('expiresAt'), col.int('attempts'), col.date('usedAt', true),
      ],
      indices: [
        new TableIndex({ name: 'IDX_sms_code_accountId', columnNames: ['accountId'] }),
        new TableIndex({ name: 'IDX_sms_code_mobile_created', columnNames: ['mobileNumber', 'createdAt'] }),
      ],
      foreignKeys: [accountFk('sms_code')],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sms_code');
    await q.dropTable('recovery_code');
    await q.dropColumn('session', 'passwordConfirmedAt');
    await q.dropIndex('account', 'IDX_account_mobileNumber');
    for (const column of ['pendingTotpCreatedAt', 'pendingTotpSecret', 'totpLastCounter', 'totpSecret', 'mobileVerifiedAt']) await q.dropColumn('account', column);
  }
}
