import { Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns.js';

/** One audited happening. Never holds a password, token or code; `detail` is JSON of non-secret facts. */
@Entity('audit_entry')
@Index('IDX_audit_entry_at', ['at', 'id'])
export class AuditEntry {
  @IdColumn() id: string;
  @DateColumn() at: Date;
  @Index('IDX_audit_entry_actorId')
  @RefColumn({ nullable: true }) actorId: string | null;
  @StringColumn(64) action: string;
  @Index('IDX_audit_entry_targetId')
  @RefColumn({ nullable: true }) targetId: string | null;
  @StringColumn(45, { nullable: true }) ip: string | null;
  @TextColumn({ nullable: true }) detail: string | null;
}
