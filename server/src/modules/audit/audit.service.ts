import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { newId } from '../../db/columns.js';
import { Sql } from '../../db/sql.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { decodeCursor, olderThan, pageSize, toConnection } from '../../graphql/pagination.js';
import { isId } from '../../access/access.js';
import type { AuditEntryConnection, AuditEntryView } from './audit.types.js';

export interface AuditRecord {
  action: string;
  actorId?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Non-secret facts only: never a password, token, code or hash. */
  detail?: Record<string, unknown>;
}

const COLUMNS = 'id, at, actorId, action, targetId, ip, detail';
const view = (row: Record<string, unknown>): AuditEntryView => ({
  id: row.id as string, at: Sql.date(row.at), actorId: (row.actorId as string | null) ?? null, action: row.action as string,
  targetId: (row.targetId as string | null) ?? null, ip: (row.ip as string | null) ?? null, detail: (row.detail as string | null) ?? null,
});

/** Rows per statement of an export. */
const EXPORT_BATCH = 1000;

/**
 * The audit log. `record` appends inside the caller's transaction, so the record and the change commit
 * together (and a rolled-back change leaves no record). Reading: `list` pages newest first (keyset on
 * at, id) for the admin screen and API; `period` yields a time range oldest first for the export.
 */
export class AuditLog {
  constructor(private readonly app: App) {}

  /** Appends one entry (hand-written INSERT: every login and every audited change passes here, see Sql.rows). */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.app.sql.rows(`INSERT INTO audit_entry (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      newId(), this.app.clock.now(), entry.actorId ?? null, entry.action, entry.targetId ?? null, entry.ip ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ], manager);
  }

  /** Newest first, optionally only one actor's and/or one target's entries. */
  async list(_ctx: RequestContext, filter: { actorId?: string | null; targetId?: string | null }, after: string | null | undefined, first: number | null | undefined): Promise<AuditEntryConnection> {
    const size = pageSize(first);
    const problems: FieldProblem[] = [];
    for (const field of ['actorId', 'targetId'] as const) if (filter[field] && !isId(filter[field])) problems.push({ field, message: 'INVALID_ID' });
    if (problems.length) throw badInput(problems);
    const keyset = olderThan(decodeCursor(after), 'at', 'id');
    const where: string[] = [];
    const params: (string | Date | number)[] = [];
    if (filter.actorId) { where.push('actorId = ?'); params.push(filter.actorId); }
    if (filter.targetId) { where.push('targetId = ?'); params.push(filter.targetId); }
    const rows = await this.app.sql.rows(`SELECT ${COLUMNS} FROM audit_entry WHERE 1 = 1${where.map((w) => ` AND ${w}`).join('')}${keyset.sql}
      ORDER BY at DESC, id DESC LIMIT ?`, [...params, ...keyset.params, size + 1]);
    return toConnection(rows, size, view, (e) => ({ at: e.at, id: e.id }));
  }

  /** Every entry with `from` ≤ at < `to`, oldest first, fetched in batches (for streaming exports). */
  async *period(from: Date, to: Date): AsyncGenerator<AuditEntryView[]> {
    let last: { at: Date; id: string } | null = null;
    for (;;) {
      const rows: Record<string, unknown>[] = await this.app.sql.rows(`SELECT ${COLUMNS} FROM audit_entry WHERE at >= ? AND at < ?${last ? ' AND (at > ? OR (at = ? AND id > ?))' : ''}
        ORDER BY at, id LIMIT ?`, [from, to, ...(last ? [last.at, last.at, last.id] : []), EXPORT_BATCH]);
      if (!rows.length) return;
      const entries = rows.map(view);
      yield entries;
      if (rows.length < EXPORT_BATCH) return;
      const end = entries[entries.length - 1];
      last = { at: end.at, id: end.id };
    }
  }
}
