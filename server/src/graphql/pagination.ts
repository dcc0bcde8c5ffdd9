import { Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Position of a row in a newest-first list: its sort time and id (ids break ties). Opaque to clients. */
export interface Keyset { at: Date; id: string }

const encodeCursor = (k: Keyset) => Buffer.from(JSON.stringify([k.at.toISOString(), k.id])).toString('base64url');

/** BAD_USER_INPUT for anything that is not a cursor this API issued. */
export function decodeCursor(cursor: string | null | undefined, field = 'after'): Keyset | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || id.length > 36 || Number.isNaN(date.getTime())) throw new Error('cursor');
    return { at: date, id };
  } catch {
    throw badInput([{ field, message: 'INVALID_CURSOR' }]);
  }
}

/** Page size: default 20, at most 100. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput([{ field, message: 'PAGE_SIZE_1_TO_100' }]);
  return first;
}

/** Newest-first keyset condition on `(timeColumn, idColumn)`, with its parameters. */
export function olderThan(after: Keyset | null, timeColumn: string, idColumn: string): { sql: string; params: (Date | string)[] } {
  if (!after) return { sql: '', params: [] };
  return { sql: ` AND (${timeColumn} < ? OR (${timeColumn} = ? AND ${idColumn} < ?))`, params: [after.at, after.at, after.id] };
}

/** Turns `size + 1` fetched rows into edges and page info. */
export function toConnection<R, N>(rows: R[], size: number, node: (row: R) => N, key: (node: N) => Keyset) {
  const nodes = rows.slice(0, size).map(node);
  const edges = nodes.map((n) => ({ cursor: encodeCursor(key(n)), node: n }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * Base class of a connection type for `T` (edges with cursors, page info, total count): the subclass
 * names it, e.g. `@ObjectType('DossierConnection') class DossierConnection extends Connection('Dossier', () => DossierView) {}`.
 */
export function Connection<T extends object>(name: string, nodeType: () => new (...args: never[]) => T) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field() cursor: string;
    @Field(nodeType) node: T;
  }
  @ObjectType(`${name}ConnectionBase`, { simpleResolvers: true })
  abstract class ConnectionBase {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionBase;
}
