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

/**
 * The caller's dossiers as rows to count without reading the dossiers (`SELECT COUNT(*) ${from} WHERE 1 = 1${sql}`):
 * a client's grants, one per dossier (unique, removed with the dossier). Null where dossierScope has nothing
 * cheaper to offer (the office counts dossier itself; an account without a client sees none).
 */
export function grantedDossiers(viewer: Viewer): { from: string; sql: string; params: string[] } | null {
  if (viewer.side === 'office' || !viewer.clientId) return null;
  return { from: 'FROM dossier_client dc', sql: ' AND dc.clientId = ?', params: [viewer.clientId] };
}

type Kind = 'dossier' | 'document' | 'message';
/** The table of each target (aliased), the column that names its dossier, and its id column. */
const TABLE: Record<Kind, { from: string; dossier: string; id: string }> = {
  dossier: { from: 'FROM dossier d', dossier: 'd.id', id: 'd.id' },
  document: { from: 'FROM document d', dossier: 'd.dossierId', id: 'd.id' },
  message: { from: 'FROM message m', dossier: 'm.dossierId', id: 'm.id' },
};

/** The one scoped lookup behind requireAccess and requireRow: the target's row within the caller's dossiers, or undefined. */
async function scopedRow(ctx: RequestContext, target: Target, columns = '', from?: string): Promise<{ kind: Kind; id: string; row?: Record<string, unknown> }> {
  const [kind, id] = Object.entries(target)[0] as [Kind, string];
  const viewer = viewerOf(ctx);
  if (typeof id !== 'string' || !isId(id)) throw new DomainError('NOT_FOUND');
  const table = TABLE[kind];
  const scope = dossierScope(viewer, table.dossier);
  const [row] = await ctx.app.sql.rows(`SELECT ${table.dossier} AS accessDossierId${columns ? `, ${columns}` : ''} ${from ?? table.from}
    WHERE ${table.id} = ?${scope.sql}`, [id, ...scope.params]);
  return { kind, id, row };
}

/**
 * The one place that decides whether the caller may see a dossier, or a document or message in one.
 * Resolves to the dossier's id; a record that is missing and one that belongs to someone else are both
 * NOT_FOUND, after the same single query. Decisions are remembered for the rest of the request.
 */
export async function requireAccess(ctx: RequestContext, target: Target): Promise<string> {
  const [kind, id] = Object.entries(target)[0] as [Kind, string];
  const dossierId = await memo(ctx, `access:${kind}:${id}`, async () => {
    const { row } = await scopedRow(ctx, target);
    return row ? String(row.accessDossierId) : null;
  });
  if (!dossierId) throw new DomainError('NOT_FOUND');
  return dossierId;
}

/**
 * requireAccess and the read in one statement: `SELECT <columns> <from>` (naming the table `d` for a dossier
 * or document, `m` for a message) for the target's id within the caller's scope. Missing and foreign are the
 * same NOT_FOUND; the decision is remembered for the rest of the request like requireAccess's.
 */
export async function requireRow(ctx: RequestContext, target: Target, columns: string, from: string): Promise<Record<string, unknown>> {
  const { kind, id, row } = await scopedRow(ctx, target, columns, from);
  if (!row) throw new DomainError('NOT_FOUND');
  ctx.memo.set(`access:${kind}:${id}`, Promise.resolve(String(row.accessDossierId)));
  return row;
}
