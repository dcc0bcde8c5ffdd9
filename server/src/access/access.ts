import type { RequestContext, Viewer } from '../graphql/context.js';
import { memo, viewerOf } from '../graphql/context.js';
import { DomainError } from '../graphql/errors.js';

/** Ids are random UUIDs; anything else cannot name a record, and is answered like a missing one without a query. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (id: string) => UUID.test(id);

export type Target = { dossier: string } | { document: string } | { message: string };

/**
 * SQL that limits `dossierColumn` to the caller's dossiers, with its parameters: nothing for the office
 * side (staff, admins, API tokens see every dossier of the firm); the dossiers granted to the account's
 * client (person or company) for the client side. An account without a client sees none.
 * Lists put this in their WHERE clause, so filtering happens before paging.
 */
export function dossierScope(viewer: Viewer, dossierColumn: string): { sql: string; params: string[] } {
  if (viewer.side === 'office') return { sql: '', params: [] };
  if (!viewer.clientId) return { sql: ' AND 1 = 0', params: [] };
  return { sql: ` AND ${dossierColumn} IN (SELECT dc.dossierId FROM dossier_client dc WHERE dc.clientId = ?)`, params: [viewer.clientId] };
}

const LOOKUP: Record<'dossier' | 'document' | 'message', string> = {
  dossier: 'SELECT d.id AS dossierId FROM dossier d WHERE d.id = ?',
  document: 'SELECT d.dossierId AS dossierId FROM document d WHERE d.id = ?',
  message: 'SELECT m.dossierId AS dossierId FROM message m WHERE m.id = ?',
};
const SCOPED_COLUMN: Record<'dossier' | 'document' | 'message', string> = { dossier: 'd.id', document: 'd.dossierId', message: 'm.dossierId' };

/**
 * The one place that decides whether the caller may see a dossier, or a document or message in one.
 * Resolves to the dossier's id; a record that is missing and one that belongs to someone else are both
 * NOT_FOUND, after the same single query. Decisions are remembered for the rest of the request.
 */
export async function requireAccess(ctx: RequestContext, target: Target): Promise<string> {
  const [kind, id] = Object.entries(target)[0] as ['dossier' | 'document' | 'message', string];
  const viewer = viewerOf(ctx);
  if (typeof id !== 'string' || !isId(id)) throw new DomainError('NOT_FOUND');
  const dossierId = await memo(ctx, `access:${kind}:${id}`, async () => {
    const scope = dossierScope(viewer, SCOPED_COLUMN[kind]);
    const rows = await ctx.app.sql.rows<{ dossierId: string }>(LOOKUP[kind] + scope.sql, [id, ...scope.params]);
    return rows[0]?.dossierId ?? null;
  });
  if (!dossierId) throw new DomainError('NOT_FOUND');
  return dossierId;
}


const ID_COLUMN: Record<'dossier' | 'document' | 'message', string> = { dossier: 'd.id', document: 'd.id', message: 'm.id' };

/**
 * requireAccess and the read in one statement: `SELECT <columns> <from>` (naming the table `d` for a dossier
 * or document, `m` for a message) for the target's id within the caller's scope. Missing and foreign are the
 * same NOT_FOUND; the decision is remembered for the rest of the request like requireAccess's.
 */
export async function requireRow(ctx: RequestContext, target: Target, columns: string, from: string): Promise<Record<string, unknown>> {
  const [kind, id] = Object.entries(target)[0] as ['dossier' | 'document' | 'message', string];
  const viewer = viewerOf(ctx);
  if (typeof id !== 'string' || !isId(id)) throw new DomainError('NOT_FOUND');
  const scope = dossierScope(viewer, SCOPED_COLUMN[kind]);
  const [row] = await ctx.app.sql.rows(`SELECT ${SCOPED_COLUMN[kind]} AS accessDossierId, ${columns} ${from} WHERE ${ID_COLUMN[kind]} = ?${scope.sql}`, [id, ...scope.params]);
  if (!row) throw new DomainError('NOT_FOUND');
  ctx.memo.set(`access:${kind}:${id}`, Promise.resolve(String(row.accessDossierId)));
  return row;
}
