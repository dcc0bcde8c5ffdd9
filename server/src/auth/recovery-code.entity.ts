import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';

/** One recovery code of the account's current set; only its keyed hash is stored, and it works once. */
@Entity('recovery_code')
export class RecoveryCode {
  @IdColumn() id: string;
  @Index('IDX_recovery_code_accountId')
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_recovery_code_account' })
  account?: Relation<Account>;
  @StringColumn(64) codeHash: string;
  @DateColumn() createdAt: Date;
  @DateColumn({ nullable: true }) usedAt: Date | null;
}
