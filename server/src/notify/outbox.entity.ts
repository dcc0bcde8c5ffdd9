import { Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, IntColumn, StringColumn, TextColumn } from '../db/columns.js';

/**
 * A mail or SMS to send, written in the same transaction as the change that causes it.
 * The worker claims due rows, sends them and marks them sent; failures back off and retry.
 */
@Entity('outbox')
@Index('IDX_outbox_due', ['sentAt', 'nextAttemptAt'])
export class OutboxMessage {
  @IdColumn() id: string;
  @StringColumn(20) channel: 'EMAIL' | 'SMS';
  @StringColumn(254) recipient: string;
  /** Template name, for tests and diagnostics. */
  @StringColumn(50) template: string;
  @StringColumn(300) subject: string;
  @TextColumn() textBody: string;
  @TextColumn() htmlBody: string;
  @DateColumn() createdAt: Date;
  @DateColumn() nextAttemptAt: Date;
  /** A worker holding the row until then; others skip it. */
  @DateColumn({ nullable: true }) claimedUntil: Date | null;
  @IntColumn(0) attempts: number;
  @DateColumn({ nullable: true }) sentAt: Date | null;
  @StringColumn(500, { nullable: true }) lastError: string | null;
}
