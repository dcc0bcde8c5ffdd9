import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { dossierScope, isId, requireAccess, requireRow } from '../../access/access.js';
import { newId } from '../../db/columns.js';
import { isUniqueViolation, Sql } from '../../db/sql.js';
import { inTransaction } from '../../db/transaction.js';
import { actorOf, memo, viewerOf, type RequestContext, type Viewer } from '../../graphql/context.js';
import { badInput, DomainError } from '../../graphql/errors.js';
import { decodeCursor, olderThan, pageSize, toConnection } from '../../graphql/pagination.js';
import { Language } from '../account/account.enums.js';
import { OPEN_ACTION } from '../action/action.service.js';
import { Client } from '../client/client.entity.js';
import { Dossier, DossierClient, DossierStatusRow, ProgressStepRow } from './dossier.entity.js';
import type { DossierFilter, DossierInput, DossierStatusInput, ProgressStepInput } from './dossier.inputs.js';
import type { DossierCounts, DossierStatusView, HomeSummary, ItemCount, ProgressView } from './dossier.types.js';
import { DossierView } from './dossier.types.js';

const COLUMNS = `d.id, d.number, d.description, d.statusCode, d.handlerName, d.handlerEmail, d.handlerPhone, d.openedAt, d.closedAt, d.externalRef,
  s.labelNl, s.labelEn, s.active, s.position`;
const FROM = 'FROM dossier d JOIN dossier_status s ON s.code = d.statusCode';

type DossierSqlRow = Record<string, unknown>;

const statusView = (r: DossierSqlRow, language: Language, code = String(r.statusCode ?? r.code)): DossierStatusView => ({
  code, labelNl: String(r.labelNl), labelEn: String(r.labelEn), label: String(language === Language.EN ? r.labelEn : r.labelNl),
  active: Sql.bool(r.active), position: Number(r.position),
});

function dossierView(r: DossierSqlRow, language: Language): DossierView {
  return Object.assign(new DossierView(), {
    id: String(r.id), number: String(r.number), description: String(r.description),
    openedAt: Sql.date(r.openedAt), closedAt: Sql.date(r.closedAt, true), ref: (r.externalRef as string | null) ?? null,
    status: statusView(r, language),
    handler: r.handlerName ? { name: String(r.handlerName), email: (r.handlerEmail as string | null) ?? null, phone: (r.handlerPhone as string | null) ?? null } : null,
  });
}

const EMPTY: ItemCount = { total: 0, unread: 0 };
export const CATEGORY_FIELD: Record<string, Exclude<keyof DossierCounts, 'messages'>> = {
  CORRESPONDENCE: 'correspondence', DOCUMENT: 'documents', SUPPLIED: 'suppliedByMe', ATTACHMENT: 'attachments',
};

/** Words of a search, for the full-text index: letters and digits only, at most 8. */
const words = (search: string) => (search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
/** LIKE pattern with `!` as the escape character (the same on every dialect). */
const likeEscape = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * Dossiers: the client's lists and pages, and the firm's upserts. Every read is scoped by access/
 * (lists in SQL before paging, single dossiers through requireAccess); writes are office-only (resolver).
 */
export class DossierService {
  constructor(private readonly app: App) {}

  private get sql() { return this.app.sql; }

  /**
   * Tuning of the SQLite search plans, in hits (see listSqlite). Defaults measured at 100k dossiers; tests lower
   * them to reach every plan with a few dossiers.
   */
  readonly searchPlan = {
    /** From this many matches in scope the page walks the dossiers newest first instead of sorting every match. */
    walkFrom: 500,
    /** From this many full-text hits a client's scope is checked against a set of its dossiers, not per hit. */
    scopeSetFrom: 1000,
  };

  /**
   * The FROM clause of a search (MariaDB/MySQL): the dossiers it finds, as a derived table `hit` joined to `d`
   * and `s` as in FROM. Hits are by dossier number prefix, or all words of the description by FULLTEXT. Each
   * branch uses its own index and the union is joined, so neither forces a scan of every dossier (an OR of the
   * two did).
   */
  private searchHits(search: string, viewer: Viewer): { from?: string; where?: string; params: string[] } | null {
    const text = search.trim();
    if (!text) return null;
    if (viewer.side === 'client') {
      // A client: its own dossiers are few, so filtering them is cheaper than any full-text lookup, which would
      // first collect matches among all dossiers (a common word: 660 ms against 20 ms).
      const terms = words(text);
      const described = terms.length ? ` OR (${terms.map(() => "d.description LIKE ? ESCAPE '!'").join(' AND ')})` : '';
      return { where: ` AND (d.number LIKE ? ESCAPE '!'${described})`, params: [`${likeEscape(text)}%`, ...terms.map((t) => `%${likeEscape(t)}%`)] };
    }
    const branches = ["SELECT n.id FROM dossier n WHERE n.number LIKE ? ESCAPE '!'"];
    const params = [`${likeEscape(text)}%`];
    const terms = words(text);
    if (terms.length && terms.some((t) => t.length < 3)) {
      // InnoDB's full-text index skips words under 3 characters; for those only a LIKE finds them.
      branches.push(`SELECT t.id FROM dossier t WHERE ${terms.map(() => "t.description LIKE ? ESCAPE '!'").join(' AND ')}`);
      params.push(...terms.map((t) => `%${likeEscape(t)}%`));
    } else if (terms.length) {
      branches.push('SELECT t.id FROM dossier t WHERE MATCH(t.description) AGAINST (? IN BOOLEAN MODE)');
      params.push(terms.map((t) => `+${t}*`).join(' '));
    }
    return { from: `${FROM} JOIN (${branches.join(' UNION ')}) hit ON hit.id = d.id`, params };
  }

  private filterCondition(viewer: Viewer, filter: DossierFilter | null | undefined) {
    const scope = dossierScope(viewer, 'd.id');
    const search = filter?.search ? this.searchHits(filter.search, viewer) : null;
    const hits = search?.from ? { from: search.from, params: search.params } : null;
    let sql = scope.sql;
    const params: (string | boolean)[] = [...scope.params];
    if (search?.where) { sql += search.where; params.push(...search.params); }
    const { sql: filtered, params: filterParams } = this.statusFilter(filter);
    sql += filtered;
    params.push(...filterParams);
    const byActive = filter?.active !== undefined && filter.active !== null;
    // The count needs the status table only to filter on `active`: joining it for every row made counting
    // 100k dossiers 4 ms instead of 0.03 ms (SQLite).
    return { from: hits?.from ?? FROM, countFrom: hits?.from ?? (byActive ? FROM : 'FROM dossier d'), fromParams: hits?.params ?? [], sql, params };
  }

  /** The status and active/closed filters on `d` and `s`. */
  private statusFilter(filter: DossierFilter | null | undefined): { sql: string; params: (string | boolean)[] } {
    let sql = '';
    const params: (string | boolean)[] = [];
    if (filter?.active !== undefined && filter.active !== null) { sql += ' AND s.active = ?'; params.push(filter.active); }
    if (filter?.statusCodes?.length) { sql += ` AND d.statusCode IN (${Sql.list(filter.statusCodes.length)})`; params.push(...filter.statusCodes); }
    return { sql, params };
  }

  /** The caller's dossiers, newest first, filtered and paged in SQL (keyset on openedAt, id). */
  async list(ctx: RequestContext, filter: DossierFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const viewer = viewerOf(ctx);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const keyset = olderThan(cursor, 'd.openedAt', 'd.id');
    const text = filter?.search?.trim();
    let rows: DossierSqlRow[];
    let n: number;
    if (text && this.sql.sqlite) {
      ({ rows, n } = await this.listSqlite(viewer, filter!, text, keyset, size));
    } else {
      const where = this.filterCondition(viewer, filter);
      const [page, [count]] = await Promise.all([
        this.sql.rows(`SELECT ${COLUMNS} ${where.from} WHERE 1 = 1${where.sql}${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`,
          [...where.fromParams, ...where.params, ...keyset.params, size + 1]),
        this.sql.rows<{ n: number }>(`SELECT COUNT(*) AS n ${where.countFrom} WHERE 1 = 1${where.sql}`, [...where.fromParams, ...where.params]),
      ]);
      rows = page;
      n = Number(count.n);
    }
    const listed = (r: Record<string, unknown>) => Object.assign(dossierView(r, ctx.language), { listed: true });
    return { ...toConnection(rows, size, listed, (d) => ({ at: d.openedAt, id: d.id })), totalCount: n };
  }

  /**
   * A search on SQLite, in two statements: the count first, and its result picks the plan of the page.
   *
   * Hits are the dossiers whose number starts with the text (a range on the binary index per spelling: SQLite's
   * LIKE cannot use it) and those with all words as token prefixes in the description (FTS5). The number branch
   * leaves out what the full-text branch finds, so the branches add up without a de-duplicating UNION.
   * - Count: without scope or filters it is the sum of each branch's count (the full-text side alone counts 65k
   *   hits in ~4 ms; joining them to `dossier` took ~27 ms). Otherwise hits are joined to `dossier`; a client's
   *   scope is checked per hit while the hits are few, and against one set of the client's dossier rowids when
   *   they are many (the choice is made inside the statement, from a capped count of the full-text hits).
   * - Page: few matches are sorted from the hits; from `walkFrom` matches on, the dossiers are walked newest
   *   first (index on openedAt, id) against a set of the hits and the walk stops after one page (65k hits:
   *   61 → 12 ms at 100k dossiers).
   */
  private async listSqlite(viewer: Viewer, filter: DossierFilter, text: string,
    keyset: { sql: string; params: (Date | string)[] }, size: number): Promise<{ rows: DossierSqlRow[]; n: number }> {
    const terms = words(text);
    const match = terms.length ? terms.map((t) => `"${t}"*`).join(' ') : null;
    const ftsBranch = match ? { sql: 'SELECT f.rowid AS rid FROM dossier_fts f WHERE dossier_fts MATCH ?', params: [match] } : null;
    const notInFts = match ? ' AND n.rowid NOT IN (SELECT x.rowid FROM dossier_fts x WHERE dossier_fts MATCH ?)' : '';
    // Numbers are digits and capitals; the spellings are distinct prefixes of equal length, so their ranges are disjoint.
    const numberBranches = [...new Set([text, text.toUpperCase()])].map((prefix) => ({
      sql: `SELECT n.rowid AS rid FROM dossier n WHERE n.number >= ? AND n.number < ?${notInFts}`,
      params: [prefix, `${prefix}\u{10FFFF}`, ...(match ? [match] : [])],
    }));
    const branches = [...(ftsBranch ? [ftsBranch] : []), ...numberBranches];
    const hits = { sql: branches.map((b) => b.sql).join(' UNION ALL '), params: branches.flatMap((b) => b.params) };
    const status = this.statusFilter(filter);
    const byActive = filter.active !== undefined && filter.active !== null;

    // The caller's scope on a hit (`hit.rid`), before it is joined to `dossier`.
    let scope: { sql: string; params: string[] } = { sql: '', params: [] };
    if (viewer.side !== 'office' && !viewer.clientId) scope = { sql: ' AND 1 = 0', params: [] };
    else if (viewer.side !== 'office') {
      const perHit = 'EXISTS (SELECT 1 FROM dossier xd JOIN dossier_client dc ON dc.dossierId = xd.id AND dc.clientId = ? WHERE xd.rowid = hit.rid)';
      const inSet = 'hit.rid IN (SELECT sd.rowid FROM dossier_client dc CROSS JOIN dossier sd ON sd.id = dc.dossierId WHERE dc.clientId = ?)';
      const k = this.searchPlan.scopeSetFrom;
      scope = match
        ? { sql: ` AND CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM dossier_fts p WHERE dossier_fts MATCH ? LIMIT ${k})) < ${k} THEN ${perHit} ELSE ${inSet} END`,
          params: [match, viewer.clientId!, viewer.clientId!] }
        : { sql: ` AND ${perHit}`, params: [viewer.clientId!] };
    }

    let countSql: string;
    let countParams: (string | boolean)[];
    if (viewer.side === 'office' && !status.sql) {
      countSql = `SELECT ${branches.map((b) => `(SELECT COUNT(*) FROM (${b.sql}))`).join(' + ')} AS n`;
      countParams = hits.params;
    } else {
      countSql = `SELECT COUNT(*) AS n FROM (${hits.sql}) hit CROSS JOIN dossier d ON d.rowid = hit.rid${byActive ? ' JOIN dossier_status s ON s.code = d.statusCode' : ''}
        WHERE 1 = 1${scope.sql}${status.sql}`;
      countParams = [...hits.params, ...scope.params, ...status.params];
    }
    const [{ n: count }] = await this.sql.rows<{ n: number }>(countSql, countParams);
    const n = Number(count);

    if (n < this.searchPlan.walkFrom) {
      // CROSS JOIN fixes the order (SQLite's planner otherwise walks every dossier in scope) and joins on the rowid.
      const rows = await this.sql.rows(`SELECT ${COLUMNS} FROM (${hits.sql}) hit CROSS JOIN dossier d ON d.rowid = hit.rid
        JOIN dossier_status s ON s.code = d.statusCode WHERE 1 = 1${scope.sql}${status.sql}${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`,
      [...hits.params, ...scope.params, ...status.params, ...keyset.params, size + 1]);
      return { rows, n };
    }
    // Many matches: walk newest first. The unary + keeps the planner from driving the walk by the hit set or the
    // client's dossiers (then sorting them all) instead of by the index in page order.
    const clientScope = dossierScope(viewer, '+d.id');
    const rows = await this.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE +d.rowid IN (${hits.sql})${clientScope.sql}${status.sql}${keyset.sql}
      ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`, [...hits.params, ...clientScope.params, ...status.params, ...keyset.params, size + 1]);
    return { rows, n };
  }

  async get(ctx: RequestContext, id: string): Promise<DossierView> {
    return dossierView(await requireRow(ctx, { dossier: id }, COLUMNS, FROM), ctx.language);
  }

  /** Dossiers by id, for references the caller already holds (an action's dossier), batched per request. */
  byId(ctx: RequestContext, id: string): Promise<DossierView> {
    const loader = memo(ctx, 'loader:dossiers', () => new DataLoader<string, DossierView>(async (ids) => {
      const rows = await this.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.id IN (${Sql.list(ids.length)})`, [...ids]);
      return ids.map((id) => { const row = rows.find((r) => r.id === id); return row ? dossierView(row, ctx.language) : new DomainError('NOT_FOUND'); });
    }));
    return loader.load(id);
  }

  /** Office side: a dossier by the case-management system's reference; null when there is none. */
  async byExternalRef(ctx: RequestContext, externalRef: string): Promise<DossierView | null> {
    const [row] = await this.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.externalRef = ?`, [externalRef]);
    return row ? dossierView(row, ctx.language) : null;
  }

  /** Statuses that occur among the caller's dossiers (the filter offers only these); `all` lists the whole catalogue (office side). */
  async statuses(ctx: RequestContext, all = false): Promise<DossierStatusView[]> {
    const viewer = viewerOf(ctx);
    const scope = dossierScope(viewer, 'd.id');
    const rows = all && viewer.side === 'office'
      ? await this.sql.rows('SELECT s.code, s.labelNl, s.labelEn, s.active, s.position FROM dossier_status s ORDER BY s.position, s.code')
      : await this.sql.rows(`SELECT s.code, s.labelNl, s.labelEn, s.active, s.position FROM dossier_status s
          WHERE EXISTS (SELECT 1 FROM dossier d WHERE d.statusCode = s.code${scope.sql}) ORDER BY s.position, s.code`, scope.params);
    return rows.map((r) => statusView(r, ctx.language));
  }

  async home(ctx: RequestContext): Promise<HomeSummary> {
    const viewer = viewerOf(ctx);
    const scope = dossierScope(viewer, 'd.id');
    const messageScope = dossierScope(viewer, 'm.dossierId');
    const unread = viewer.side === 'client'
      ? this.sql.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM message m WHERE m.direction = 'FROM_OFFICE'${messageScope.sql}
          AND NOT EXISTS (SELECT 1 FROM message_read r WHERE r.messageId = m.id AND r.accountId = ?)`, [...messageScope.params, viewer.accountId])
      : this.sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM message m WHERE m.direction = 'TO_OFFICE' AND m.officeReadAt IS NULL");
    // Open and in-progress actions ride along in the dossier count's statement as a scalar subquery.
    const actionScope = dossierScope(viewer, 'a.dossierId');
    const [[counts], [messages]] = await Promise.all([
      this.sql.rows<{ total: number; active: number | null; openActions: number }>(`SELECT COUNT(*) AS total, SUM(s.active) AS active,
          (SELECT COUNT(*) FROM action a WHERE ${OPEN_ACTION}${actionScope.sql}) AS openActions ${FROM} WHERE 1 = 1${scope.sql}`, [...actionScope.params, ...scope.params]),
      unread,
    ]);
    return { dossiersTotal: Number(counts.total), dossiersInProgress: Number(counts.active ?? 0), openActions: Number(counts.openActions), unreadMessages: Number(messages.n) };
  }

  /** Progress of dossiers the caller already holds, batched per request. */
  progress(ctx: RequestContext, dossierId: string): Promise<ProgressView> {
    const loader = memo(ctx, 'loader:progress', () => new DataLoader<string, ProgressView>(async (ids) => {
      const rows = await this.sql.rows(`SELECT p.id, p.dossierId, p.position, p.title, p.done, p.doneAt FROM progress_step p
        WHERE p.dossierId IN (${Sql.list(ids.length)}) ORDER BY p.dossierId, p.position`, [...ids]);
      const byDossier = new Map<string, ProgressView>(ids.map((id) => [id, { done: 0, total: 0, steps: [] }]));
      for (const r of rows) {
        const progress = byDossier.get(String(r.dossierId))!;
        const done = Sql.bool(r.done);
        progress.steps.push({ id: String(r.id), position: Number(r.position), title: String(r.title), done, doneAt: Sql.date(r.doneAt, true) });
        progress.total++;
        if (done) progress.done++;
      }
      return ids.map((id) => byDossier.get(id)!);
    }));
    return loader.load(dossierId);
  }

  /**
   * Tab counts of dossiers the caller already holds: two grouped queries per request, whatever the number
   * of dossiers. Unread means, for an account: a document it has neither downloaded nor uploaded, a message
   * from the other side it has not opened (client side) or that the office has not marked read (office side).
   */
  counts(ctx: RequestContext, dossierId: string): Promise<DossierCounts> {
    const viewer = viewerOf(ctx);
    const loader = memo(ctx, 'loader:counts', () => new DataLoader<string, DossierCounts>(async (ids) => {
      const me = viewer.accountId ?? '';
      const list = Sql.list(ids.length);
      const [documents, messages] = await Promise.all([
        this.sql.rows(`SELECT d.dossierId, d.category, COUNT(*) AS total,
            SUM(CASE WHEN dd.id IS NULL AND (d.uploadedById IS NULL OR d.uploadedById <> ?) THEN 1 ELSE 0 END) AS unread
          FROM document d LEFT JOIN document_download dd ON dd.documentId = d.id AND dd.accountId = ?
          WHERE d.dossierId IN (${list}) GROUP BY d.dossierId, d.category`, [me, me, ...ids]),
        viewer.side === 'client'
          ? this.sql.rows(`SELECT m.dossierId, COUNT(*) AS total,
              SUM(CASE WHEN m.direction = 'FROM_OFFICE' AND r.id IS NULL THEN 1 ELSE 0 END) AS unread
            FROM message m LEFT JOIN message_read r ON r.messageId = m.id AND r.accountId = ?
            WHERE m.dossierId IN (${list}) GROUP BY m.dossierId`, [me, ...ids])
          : this.sql.rows(`SELECT m.dossierId, COUNT(*) AS total,
              SUM(CASE WHEN m.direction = 'TO_OFFICE' AND m.officeReadAt IS NULL THEN 1 ELSE 0 END) AS unread
            FROM message m WHERE m.dossierId IN (${list}) GROUP BY m.dossierId`, [...ids]),
      ]);
      const byDossier = new Map<string, DossierCounts>(ids.map((id) => [id, {
        correspondence: EMPTY, documents: EMPTY, suppliedByMe: EMPTY, messages: EMPTY, attachments: EMPTY,
      }]));
      // Tokens hold no account, so nothing counts as unread documents for them.
      for (const r of documents) {
        const field = CATEGORY_FIELD[String(r.category)];
        if (field) byDossier.get(String(r.dossierId))![field] = { total: Number(r.total), unread: viewer.accountId ? Number(r.unread) : 0 };
      }
      for (const r of messages) byDossier.get(String(r.dossierId))!.messages = { total: Number(r.total), unread: Number(r.unread) };
      return ids.map((id) => byDossier.get(id)!);
    }));
    return loader.load(dossierId);
  }

  /**
   * Creates or updates the dossier with this externalRef (idempotent) and makes `clientIds` exactly the
   * clients that see it. Moving to a closed status sets closedAt; back to an active one clears it.
   */
  async upsert(ctx: RequestContext, input: DossierInput, attempt = 1): Promise<DossierView> {
    const clientIds = [...new Set(input.clientIds)];
    const result = await inTransaction(this.app, async (m) => {
      const status = await m.findOneBy(DossierStatusRow, { code: input.statusCode });
      const problems = [];
      if (!status) problems.push({ field: 'statusCode', message: 'UNKNOWN_STATUS' });
      if (!input.number.trim()) problems.push({ field: 'number', message: 'REQUIRED' });
      if (!input.description.trim()) problems.push({ field: 'description', message: 'REQUIRED' });
      const known = clientIds.every(isId) && clientIds.length ? await m.countBy(Client, clientIds.map((id) => ({ id }))) : 0;
      if (known !== clientIds.length) problems.push({ field: 'clientIds', message: 'UNKNOWN_CLIENT' });
      if (problems.length) throw badInput(problems);
      const now = this.app.clock.now();
      const existing = await m.findOneBy(Dossier, { externalRef: input.externalRef });
      const fields = {
        number: input.number.trim(), description: input.description.trim(), statusCode: input.statusCode,
        handlerName: input.handlerName?.trim() || null, handlerEmail: input.handlerEmail?.trim().toLowerCase() || null, handlerPhone: input.handlerPhone?.trim() || null,
        updatedAt: now,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        const closedAt = status!.active ? null : existing.closedAt ?? now;
        await m.update(Dossier, { id }, { ...fields, closedAt });
      } else {
        id = newId();
        await m.insert(Dossier, { id, externalRef: input.externalRef, ...fields, openedAt: now, closedAt: status!.active ? null : now, createdAt: now });
      }
      const granted = (await m.findBy(DossierClient, { dossierId: id })).map((g) => g.clientId);
      const revoked = granted.filter((c) => !clientIds.includes(c));
      const added = clientIds.filter((c) => !granted.includes(c));
      if (revoked.length) await m.delete(DossierClient, revoked.map((clientId) => ({ dossierId: id, clientId })));
      if (added.length) await m.insert(DossierClient, added.map((clientId) => ({ id: newId(), dossierId: id, clientId, createdAt: now })));
      await this.app.audit.record(m, {
        action: existing ? 'dossier.updated' : 'dossier.created', ...actorOf(ctx), targetId: id,
        detail: { externalRef: input.externalRef, statusCode: input.statusCode, ...(added.length ? { granted: added } : {}), ...(revoked.length ? { revoked } : {}) },
      });
      return id;
    }).catch((error: unknown) => {
      // Two upserts of a new externalRef at once: the loser meets the unique index and runs again, as an update.
      if (attempt === 1 && isUniqueViolation(error)) return this.upsert(ctx, input, 2).then((d) => d.id);
      throw error;
    });
    const [row] = await this.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.id = ?`, [result]);
    return dossierView(row, ctx.language);
  }

  /** Replaces the dossier's progress steps; a step that stays done (same title) keeps its doneAt. */
  async setProgressSteps(ctx: RequestContext, dossierId: string, steps: ProgressStepInput[]): Promise<ProgressView> {
    await requireAccess(ctx, { dossier: dossierId });
    if (steps.length > 100) throw badInput([{ field: 'steps', message: 'AT_MOST_100' }]);
    await inTransaction(this.app, async (m) => {
      const now = this.app.clock.now();
      const previous = new Map((await m.findBy(ProgressStepRow, { dossierId })).filter((s) => s.done).map((s) => [s.title, s.doneAt]));
      await m.delete(ProgressStepRow, { dossierId });
      if (steps.length) {
        await m.insert(ProgressStepRow, steps.map((s, position) => ({
          id: newId(), dossierId, position, title: s.title.trim(), done: s.done, doneAt: s.done ? previous.get(s.title.trim()) ?? now : null,
        })));
      }
      await m.update(Dossier, { id: dossierId }, { updatedAt: now });
      await this.app.audit.record(m, { action: 'dossier.progress-set', ...actorOf(ctx), targetId: dossierId, detail: { steps: steps.length, done: steps.filter((s) => s.done).length } });
    });
    return this.progress(ctx, dossierId);
  }

  /** Adds or changes a status of the catalogue (labels, active flag, order). */
  async upsertStatus(ctx: RequestContext, input: DossierStatusInput): Promise<DossierStatusView> {
    await inTransaction(this.app, async (m: EntityManager) => {
      const existing = await m.findOneBy(DossierStatusRow, { code: input.code });
      const row = { code: input.code, labelNl: input.labelNl.trim(), labelEn: input.labelEn.trim(), active: input.active, position: input.position ?? existing?.position ?? 100 };
      if (existing) await m.update(DossierStatusRow, { code: input.code }, row);
      else await m.insert(DossierStatusRow, row);
      await this.app.audit.record(m, { action: existing ? 'dossier-status.updated' : 'dossier-status.created', ...actorOf(ctx), detail: { code: input.code, active: input.active } });
    });
    const [row] = await this.sql.rows('SELECT s.code, s.labelNl, s.labelEn, s.active, s.position FROM dossier_status s WHERE s.code = ?', [input.code]);
    return statusView(row, ctx.language);
  }
}
