import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';

/**
 * LOGIN: a code for the second step of one login (bound to that session). MOBILE: a code that confirms a
 * new mobile number; TWO_FACTOR_SMS: the same, turning on 2-step by SMS (both bound to the session that asked).
 * REMINDER: the "e-mailadres vergeten" SMS (no code).
 */
export type SmsPurpose = 'LOGIN' | 'MOBILE' | 'TWO_FACTOR_SMS' | 'REMINDER';

/** Every SMS the portal sends; the rows also count SMS per number for the rate limit. Codes are stored as keyed hashes. */
@Entity('sms_code')
@Index('IDX_sms_code_mobile_created', ['mobileNumber', 'createdAt'])
export class SmsCode {
  @IdColumn() id: string;
  @Index('IDX_sms_code_accountId')
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_sms_code_account' })
  account?: Relation<Account>;
  @StringColumn(20) purpose: SmsPurpose;
  /** The session the code belongs to; it is not accepted in any other. */
  @RefColumn({ nullable: true }) sessionId: string | null;
  @StringColumn(20) mobileNumber: string;
  @StringColumn(64, { nullable: true }) codeHash: string | null;
  @DateColumn() createdAt: Date;
  @DateColumn() expiresAt: Date;
  /** Wrong entries; at SMS_CODE_MAX_ATTEMPTS the code is dead. */
  @IntColumn(0) attempts: number;
  @DateColumn({ nullable: true }) usedAt: Date | null;
}
