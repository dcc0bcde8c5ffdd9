import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';

/**
 * What a session may do. FULL: everything the role allows. PASSWORD_CHANGE: only changePassword
 * (expired password). SECOND_FACTOR: only the second-step operations of the login.
 * TWO_FACTOR_SETUP: only setting up two-step verification (required for the role, not yet set up).
 */
export type SessionStage = 'FULL' | 'PASSWORD_CHANGE' | 'SECOND_FACTOR' | 'TWO_FACTOR_SETUP';

/** A signed-in browser or tool. The cookie holds a random token; only its keyed hash is stored. */
@Entity('session')
export class Session {
  @IdColumn() id: string;
  @Index('IDX_session_accountId')
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_session_account' })
  account?: Relation<Account>;
  @Index('UQ_session_tokenHash', { unique: true })
  @StringColumn(64) tokenHash: string;
  @StringColumn(20) stage: SessionStage;
  @DateColumn() createdAt: Date;
  @DateColumn() lastSeenAt: Date;
  /** Absolute end. */
  @DateColumn() expiresAt: Date;
  @DateColumn({ nullable: true }) endedAt: Date | null;
  @StringColumn(45, { nullable: true }) ip: string | null;
  /** Last time the password was entered in this session (login or confirmPassword); sensitive changes need it recent. */
  @DateColumn({ nullable: true }) passwordConfirmedAt: Date | null;
}
