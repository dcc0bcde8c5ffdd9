import { Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns.js';

/**
 * One client-side happening in the change feed. `position` is gapless and increases in commit order
 * (see EventLog), so it is the feed's order and its cursor. The ids are plain references without foreign
 * keys: the feed is history and outlives what it mentions.
 */
@Entity('portal_event')
export class PortalEventRow {
  @IdColumn() id: string;
  @Index('UQ_portal_event_position', { unique: true }) @IntColumn() position: number;
  @StringColumn(64) type: string;
  @DateColumn() occurredAt: Date;
  @RefColumn({ nullable: true }) dossierId: string | null;
  @RefColumn({ nullable: true }) accountId: string | null;
  @RefColumn({ nullable: true }) subjectId: string | null;
}

/** The feed's one-row position counter; writers lock it by incrementing it (see EventLog). */
@Entity('portal_event_counter')
export class PortalEventCounter {
  @IdColumn() id: string;
  @IntColumn() position: number;
}
