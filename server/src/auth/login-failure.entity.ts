import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';

/** One failed sign-in of a known account; the lockout counts these within its window. */
@Entity('login_failure')
@Index('IDX_login_failure_account_at', ['accountId', 'at'])
export class LoginFailure {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_login_failure_account' })
  account?: Relation<Account>;
  @DateColumn() at: Date;
}
