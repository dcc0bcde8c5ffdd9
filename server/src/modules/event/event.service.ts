import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { newId } from '../../db/columns.js';
import { Sql } from '../../db/sql.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { Role } from '../account/account.enums.js';
import { pageSize } from '../../graphql/pagination.js';
import { PortalEventCounter, PortalEventRow } from './event.entity.js';
import type { PortalEventConnection, PortalEventView } from './event.types.js';

/** What an event records; the ids are those of the client-side happening (see PortalEventView). */
export interface PortalEventInput {
  type: string;
  dossierId?: string | null;
  accountId?: string | null;
  subjectId?: string | null;
}

/** The feed holds client-side happenings only: those of accounts that are not the firm's staff or admins. */
export const onClientSide = (account: { role: Role }) => account.role !== Role.STAFF && account.role !== Role.ADMIN;

/** The counter row's id (the table has exactly this one row, inserted by the migration). */
export const EVENT_COUNTER_ID = 'portal_event';

const CURSOR_PREFIX = 'ev1:';
const encodeCursor = (position: number) => Buffer.from(CURSOR_PREFIX + position).toString('base64url');

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const text = cursor.length <= 40 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^ev1:(\d{1,10})$/.exec(text);
  const position = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(position)) throw badInput([{ field: 'after', message: 'INVALID_CURSOR' }]);
  return position;
}

/**
 * The change feed: client-side happenings that the firm's systems poll, oldest first, resuming after a cursor.
 *
 * Guarantee: a reader that resumes after any cursor it was given never misses an event and never sees one
 * twice, however many writers run at once. An auto-increment id would not give that on InnoDB: a
 * transaction holding a lower id can commit after a reader has already seen a higher one, and the reader's
 * cursor would skip the late one for good. Instead every event takes its `position` from a one-row counter
 * that the writing transaction increments (`UPDATE … SET position = position + 1`, then reads it back).
 * The UPDATE's row lock is held until that transaction commits or rolls back, so the next writer waits for
 * it: positions are handed out and made visible strictly in order, without gaps (a rollback returns its
 * number). Every committed state a reader can see is therefore a prefix 1…n of the feed, and "position >
 * cursor" is exact. On SQLite transactions run one at a time (db/data-source.ts serializeTransactions) and
 * the same counter holds trivially.
 *
 * The price is that event-writing transactions are serialized from their `record` call to their commit, so
 * callers record the event as the last write of their transaction.
 */
export class EventLog {
  constructor(private readonly app: App) {}

  /** Writes one event inside the caller's transaction; refuses a manager outside a transaction (the order guarantee needs the lock). */
  async record(manager: EntityManager, e: PortalEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('EventLog.record needs the manager of an open transaction');
    await manager.createQueryBuilder().update(PortalEventCounter)
      .set({ position: () => 'position + 1' }).where('id = :id', { id: EVENT_COUNTER_ID }).execute();
    const counter = await manager.findOneByOrFail(PortalEventCounter, { id: EVENT_COUNTER_ID });
    await manager.insert(PortalEventRow, {
      id: newId(), position: counter.position, type: e.type, occurredAt: this.app.clock.now(),
      dossierId: e.dossierId ?? null, accountId: e.accountId ?? null, subjectId: e.subjectId ?? null,
    });
  }

  /** Up to `first` events after the cursor, oldest first. With nothing new, endCursor is the given cursor, so a poller can keep it. */
  async list(_ctx: RequestContext, after: string | null | undefined, first: number | null | undefined): Promise<PortalEventConnection> {
    const size = pageSize(first);
    const from = decodeCursor(after);
    // app.sql reads committed rows only (on SQLite through its own read connection), so an event whose
    // transaction may still roll back is never seen.
    const rows = await this.app.sql.rows<PortalEventView & { position: number }>(
      'SELECT id, position, type, occurredAt, dossierId, accountId, subjectId FROM portal_event WHERE position > ? ORDER BY position LIMIT ?',
      [from, size + 1],
    );
    const edges = rows.slice(0, size).map(({ position, ...row }) => ({
      cursor: encodeCursor(Number(position)),
      node: { ...row, occurredAt: Sql.date(row.occurredAt) },
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? (from > 0 ? encodeCursor(from) : null) },
    };
  }
}
