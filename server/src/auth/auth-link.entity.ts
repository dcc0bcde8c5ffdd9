import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';

export type LinkPurpose = 'INVITATION' | 'PASSWORD';

/** An e-mailed link. Only the keyed hash of its token is stored; it is single-use and expires. */
@Entity('auth_link')
export class AuthLink {
  @IdColumn() id: string;
  @Index('IDX_auth_link_accountId')
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_auth_link_account' })
  account?: Relation<Account>;
  @StringColumn(20) purpose: LinkPurpose;
  @Index('UQ_auth_link_tokenHash', { unique: true })
  @StringColumn(64) tokenHash: string;
  @DateColumn() createdAt: Date;
  @DateColumn() expiresAt: Date;
  /** Set when used, or when a newer link or a password change made it void. */
  @DateColumn({ nullable: true }) usedAt: Date | null;
}
