import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns.js';
import { Account } from '../account/account.entity.js';

/** A case-management tool's credential. Only the keyed hash of the secret is stored; `scopes` is a comma list. */
@Entity('api_token')
export class ApiTokenRow {
  @IdColumn() id: string;
  @StringColumn(100) name: string;
  @StringColumn(500) scopes: string;
  @Index('UQ_api_token_tokenHash', { unique: true }) @StringColumn(64) tokenHash: string;
  @Index('IDX_api_token_createdById') @RefColumn({ nullable: true }) createdById: string | null;
  @ManyToOne(() => Account, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_api_token_createdById' })
  createdBy?: Relation<Account>;
  @DateColumn() createdAt: Date;
  @DateColumn({ nullable: true }) expiresAt: Date | null;
  @DateColumn({ nullable: true }) lastUsedAt: Date | null;
  @DateColumn({ nullable: true }) revokedAt: Date | null;
}
