import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { dossierScope, grantedDossiers, isId, requireAccess, requireRow } from '../../access/access.js';
import { newId } from '../../db/columns.js';
import { isUniqueViolation, type Param, Sql } from '../../db/sql.js';
import { inTransaction } from '../../db/transaction.js';
import { actorOf, memo, viewerOf, type RequestContext, type Viewer } from '../../graphql/context.js';
import { badInput, DomainError } from '../../graphql/errors.js';
import { decodeCursor, olderThan, pageSize, toConnection } from '../../graphql/pagination.js';
import { indexDossiersMysql, SEARCH_KEYS_PER_SECOND, searchWords, statusTag } from '../../../../migrations/1764300000000-SearchIndex.js';
import { Language } from '../account/account.enums.js';
import { OPEN_ACTION } from '../action/action.service.js';
import { Client } from '../client/client.entity.js';
import { Dossier, DossierClient, DossierStatusRow, ProgressStepRow } from './dossier.entity.js';
import type { DossierFilter, DossierInput, DossierStatusInput, ProgressStepInput } from './dossier.inputs.js';
import type { DossierCounts, DossierStatusView, HomeSummary, ItemCount, ProgressView } from './dossier.types.js';
import { DossierView } from './dossier.types.js';

const DOSSIER_COLUMNS = 'd.id, d.number, d.description, d.statusCode, d.handlerName, d.handlerEmail, d.handlerPhone, d.openedAt, d.closedAt, d.externalRef';
const COLUMNS = `${DOSSIER_COLUMNS}, s.labelNl, s.labelEn, s.active, s.position`;
/** The active flag of dossier `d`'s status, for conditions on `d` alone (see filterCondition). */
const ACTIVE_OF_D = '(SELECT a.active FROM dossier_status a WHERE a.code = d.statusCode)';
const FROM = 'FROM dossier d JOIN dossier_status s ON s.code = d.statusCode';

/** A search of the dossier list, set up once for either dialect's plan (listSqlite, listMysql). */
interface Search {
  viewer: Viewer;
  filter: DossierFilter;
  text: string;
  keyset: { sql: string; params: (Date | string)[] };
  size: number;
  status: { sql: string; params: (string | boolean)[] };
  byActive: boolean;
  /** The caller's scope, checked per row of `d`. */
  scope: { sql: string; params: string[] };
  /** The first search key of the cursor's second; null on the first page. */
  second: number | null;
}

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

/** Words of a search, as both search indexes hold them (searchWords: folded, letters and digits), at most 8. */
const words = (search: string) => searchWords(search).slice(0, 8);
/** A search word with at least this many longer words in the index is matched as a prefix by FTS5 (see listSqlite). */
const EXPANSIONS = 8;
/** The first `limit` words of the dossiers' descriptions in a range (SQLite, `dossier_word_count`'s office rows). */
const longerWords = (limit: number) => `SELECT DISTINCT v.word AS term FROM dossier_word_count v WHERE v.scope = '' AND v.word >= ? AND v.word < ? LIMIT ${limit}`;
/** The range of the words that a word is a proper prefix of ('0' is the smallest character of a word). */
const longerThan = (word: string) => [`${word}0`, `${word}\u{10FFFF}`];
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
   * Without a search: the caller's dossiers, filtered, as a page condition and a count.
   * - `pageSql` is on `d` alone: the page is read from dossier, newest first, and joined to its status afterwards.
   *   With the join inside, MariaDB sorted every dossier instead of reading the openedAt index (staff list: 0.29 s
   *   for 100k dossiers instead of 2 ms). The active flag is a scalar subquery per dossier for the same reason: an
   *   IN or EXISTS becomes a semi-join that sorts again (active dossiers: 126 ms instead of 1 ms).
   * - The count needs the status table only to filter on `active`: joining it for every row made counting
   *   100k dossiers 4 ms instead of 0.03 ms (SQLite); the join counts faster than the subquery (MariaDB).
   *   Without a status filter a client's dossiers are counted from its grants alone (grantedDossiers): 5k of them
   *   take 1.2 ms instead of 14 ms (MariaDB).
   */
  private filterCondition(viewer: Viewer, filter: DossierFilter | null | undefined) {
    const scope = dossierScope(viewer, 'd.id');
    const status = this.statusFilter(filter);
    const grants = status.sql ? null : grantedDossiers(viewer);
    const byActive = filter?.active !== undefined && filter.active !== null;
    return {
      countFrom: grants?.from ?? (byActive ? FROM : 'FROM dossier d'),
      countSql: grants?.sql ?? scope.sql + status.sql,
      countParams: grants?.params ?? [...scope.params, ...status.params],
      pageSql: scope.sql + this.statusFilter(filter, 'd.statusCode', ACTIVE_OF_D).sql, pageParams: [...scope.params, ...status.params],
    };
  }

  /** The status and active/closed filters on the dossier's status code (`d.statusCode`) and its active flag (`s.active`). */
  private statusFilter(filter: DossierFilter | null | undefined, statusCode = 'd.statusCode', active = 's.active'): { sql: string; params: (string | boolean)[] } {
    let sql = '';
    const params: (string | boolean)[] = [];
    if (filter?.active !== undefined && filter.active !== null) { sql += ` AND ${active} = ?`; params.push(filter.active); }
    if (filter?.statusCodes?.length) { sql += ` AND ${statusCode} IN (${Sql.list(filter.statusCodes.length)})`; params.push(...filter.statusCodes); }
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
    if (text && viewer.side !== 'office' && !viewer.clientId) {
      rows = [];
      n = 0;
    } else if (text) {
      const search: Search = {
        viewer, filter: filter!, text, keyset, size, status: this.statusFilter(filter), byActive: filter!.active !== undefined && filter!.active !== null,
        // Checked per row (the page's candidates, a number's matches): `d.id IN (…)` would first collect all the client's dossiers.
        scope: viewer.side === 'office' ? { sql: '', params: [] }
          : { sql: ' AND EXISTS (SELECT 1 FROM dossier_client dc WHERE dc.dossierId = d.id AND dc.clientId = ?)', params: [viewer.clientId!] },
        second: cursor ? Math.floor(cursor.at.getTime() / 1000) * SEARCH_KEYS_PER_SECOND : null,
      };
      ({ rows, n } = await (this.sql.sqlite ? this.listSqlite(search) : this.listMysql(search)));
    } else {
      const where = this.filterCondition(viewer, filter);
      const [page, [count]] = await Promise.all([
        this.sql.rows(`SELECT ${COLUMNS} FROM (SELECT ${DOSSIER_COLUMNS} FROM dossier d WHERE 1 = 1${where.pageSql}${keyset.sql}
          ORDER BY d.openedAt DESC, d.id DESC LIMIT ?) d JOIN dossier_status s ON s.code = d.statusCode ORDER BY d.openedAt DESC, d.id DESC`,
          [...where.pageParams, ...keyset.params, size + 1]),
        this.sql.rows<{ n: number }>(`SELECT COUNT(*) AS n ${where.countFrom} WHERE 1 = 1${where.countSql}`, where.countParams),
      ]);
      rows = page;
      n = Number(count.n);
    }
    const listed = (r: Record<string, unknown>) => Object.assign(dossierView(r, ctx.language), { listed: true });
    return { ...toConnection(rows, size, listed, (d) => ({ at: d.openedAt, id: d.id })), totalCount: n };
  }

  /**
   * A search on SQLite, in two statements (the count with the newest hits, then the page unless nothing matched),
   * on the index of migration SearchIndex:
   * `dossier_search` holds each dossier's description and tags (status, clients that see it) under a rowid that
   * follows openedAt. One MATCH holds the words, the client's scope and the status filters, so hits are never
   * joined to other tables to be filtered or counted.
   * - Count: one plain word from its stored counts (matchCount), otherwise the full-text count; plus the number
   *   matches that the full-text part does not find.
   * - Page: the index yields the newest hits first (descending rowid) and stops after a page; those are read by
   *   key, with all hits of the seconds a page may cut (the rowid orders seconds, not dossiers within one) and the
   *   dossiers whose number starts with the text, and sorted exactly by (openedAt, id).
   * A word is a prefix: "beroep" finds "beroepzaak". FTS5 answers a prefix by first merging the lists of every
   * word that starts with it (~2 ms for a word in 65k dossiers), so a plain ASCII word with fewer than
   * EXPANSIONS longer words in the vocabulary is matched as itself OR those words, which the index streams.
   */
  private async listSqlite({ viewer, filter, text, keyset, size, status, byActive, scope, second }: Search): Promise<{ rows: DossierSqlRow[]; n: number }> {
    const terms = words(text);
    const match = this.searchMatch(terms, viewer, filter);
    // Numbers are digits and capitals; the spellings are distinct prefixes of equal length, so their ranges are disjoint.
    const numberBranch = (prefix: string, extra: string) => ({
      // By the number index whatever the scope or order: walking a client's dossiers or all of them newest first,
      // looking for a number that rarely matches, took 40 ms.
      sql: `SELECT d.id FROM dossier d INDEXED BY IDX_dossier_number${byActive ? ' JOIN dossier_status s ON s.code = d.statusCode' : ''}
        WHERE d.number >= ? AND d.number < ?${scope.sql}${status.sql}${extra}`,
      params: [prefix, `${prefix}\u{10FFFF}`, ...scope.params, ...status.params],
    });
    const spellings = [...new Set([text, text.toUpperCase()])];
    const q = match ? { sql: `WITH q AS (SELECT ${match.sql} AS m) `, params: match.params } : { sql: '', params: [] };
    const hits = 'SELECT k.dossierId AS id FROM dossier_search f CROSS JOIN dossier_search_key k ON k.searchKey = f.rowid WHERE dossier_search MATCH';

    // The count, and the newest hits: before the cursor's second, at most a page and one.
    const numbersNotFound = spellings.map((p) => numberBranch(p, match ? ` AND d.id NOT IN (${hits} (SELECT m FROM q))` : ''));
    const counted = match ? this.matchCount(terms, viewer, filter, byActive) : null;
    const mask = SEARCH_KEYS_PER_SECOND - 1;
    const cut = `(SELECT MIN(k) - (MIN(k) & ${mask}) FROM newest)`;
    const newest = `, newest AS MATERIALIZED (SELECT f.rowid AS k FROM dossier_search f WHERE dossier_search MATCH (SELECT m FROM q)
      ${second === null ? '' : 'AND f.rowid < CAST(? AS INTEGER) '}ORDER BY f.rowid DESC LIMIT ${size + 1}) `;
    const [counts] = await this.sql.rows<Record<string, number | string | null>>(`${q.sql}${match ? newest : ''}SELECT ${[
      `${counted?.sql ?? '0'} AS n`,
      ...numbersNotFound.map((b, i) => `(SELECT COUNT(*) FROM (${b.sql})) AS b${i}`),
      ...match ? ['(SELECT m FROM q) AS m', '(SELECT json_group_array(k) FROM newest) AS newest',
        `(SELECT COUNT(*) FROM dossier_search_key x WHERE x.searchKey BETWEEN ${cut} AND ${cut} + ${mask}) AS cutKeys`] : [],
    ].join(', ')}`, [...q.params, ...match && second !== null ? [second] : [], ...counted?.params ?? [], ...numbersNotFound.flatMap((b) => b.params)]);
    const n = Number(counts.n) + spellings.reduce((sum, _, i) => sum + Number(counts[`b${i}`]), 0);
    if (!n) return { rows: [], n };

    // Candidates: the newest hits, and all hits of the seconds they may have cut (search keys order seconds, not the
    // dossiers within one): the oldest second they reached when they filled a page and it holds other dossiers, and
    // the cursor's. Each is a range of the index (integer bounds: FTS5 seeks to an integer rowid, but scans for any
    // other number).
    const candidates: { sql: string; params: Param[] }[] = [];
    if (match) {
      const keys = JSON.parse(String(counts.newest)) as number[];
      candidates.push({ sql: 'SELECT k.dossierId AS id FROM dossier_search_key k WHERE k.searchKey IN (SELECT value FROM json_each(?))', params: [String(counts.newest)] });
      const oldest = keys.length > size ? Math.min(...keys) : null;
      const from = oldest === null ? null : oldest - (oldest % SEARCH_KEYS_PER_SECOND);
      const cutOthers = from !== null && Number(counts.cutKeys) > keys.filter((k) => k >= from && k <= from + mask).length;
      for (const start of new Set([cutOthers ? from : null, second])) {
        if (start !== null) {
          candidates.push({ sql: `${hits} ? AND f.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`, params: [String(counts.m), start, start + mask] });
        }
      }
    }
    // A spelling whose matches the full-text part finds anyway adds no candidates: its branch (and the sorts it costs) is left out.
    for (const [i, p] of spellings.entries()) {
      if (Number(counts[`b${i}`]) > 0) {
        const branch = numberBranch(p, `${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ${size + 1}`);
        candidates.push({ sql: `SELECT id FROM (${branch.sql})`, params: [...branch.params, ...keyset.params] });
      }
    }
    const rows = await this.sql.rows(`SELECT ${COLUMNS} FROM (${candidates.map((c) => c.sql).join(' UNION ')}) hit
      CROSS JOIN dossier d ON d.id = hit.id JOIN dossier_status s ON s.code = d.statusCode WHERE 1 = 1${scope.sql}${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`,
    [...candidates.flatMap((c) => c.params), ...scope.params, ...keyset.params, size + 1]);
    return { rows, n };
  }

  /**
   * A search on MariaDB/MySQL, in two statements (the count with each word's vocabulary, then the page unless
   * nothing matched), on `dossier_word` (migration SearchIndex): a row (scope, word, searchKey) for every word of
   * every dossier, per client that sees it and once for the office. The first word's rows in the caller's scope
   * drive; the other words and the status tags are matched on the same searchKey. Keys follow (openedAt, id), so
   * the newest hits are the first the index yields and a page stops early; the count is a range of one index.
   * A word is a prefix; with fewer than EXPANSIONS longer words, the page reads those words' rows in key order
   * instead of sorting the whole prefix range.
   */
  private async listMysql({ viewer, filter, text, keyset, size, status, byActive, scope, second }: Search): Promise<{ rows: DossierSqlRow[]; n: number }> {
    // The longest word first: it is the likeliest to be rare, and the first word drives.
    const terms = words(text).sort((a, b) => b.length - a.length);
    type Part = { sql: string; params: unknown[] };
    const range = (alias: string, term: string): Part => ({ sql: `${alias}.word >= ? AND ${alias}.word < ?`, params: [term, `${term}\u{10FFFF}`] });
    /**
     * The caller's dossiers with every word (`words[i]`: a condition on alias w<i>) and the status filters;
     * `ids` joins `k`, which maps their keys to dossier ids.
     */
    const hits = (conditions: Part[], select: string, { ids = false, extra = '' } = {}): Part => {
      let sql = `SELECT ${select} FROM dossier_word w0`;
      const params: unknown[] = [];
      if (filter.statusCodes?.length) {
        sql += ` JOIN dossier_word ts ON ts.scope = '' AND ts.word IN (${Sql.list(filter.statusCodes.length)}) AND ts.searchKey = w0.searchKey`;
        params.push(...filter.statusCodes.map(statusTag));
      }
      if (byActive) {
        sql += ` JOIN dossier_word ta ON ta.scope = '' AND ta.word IN (SELECT CONCAT('#s', LOWER(HEX(st.code))) FROM dossier_status st WHERE st.active = ?)
          AND ta.searchKey = w0.searchKey`;
        params.push(filter.active!);
      }
      if (ids) sql += ' JOIN dossier_search_key k ON k.searchKey = w0.searchKey';
      sql += ` WHERE w0.scope = ? AND ${conditions[0].sql}`;
      params.push(viewer.side === 'office' ? '' : viewer.clientId!, ...conditions[0].params);
      conditions.slice(1).forEach((c, i) => {
        sql += ` AND EXISTS (SELECT 1 FROM dossier_word w${i + 1} WHERE w${i + 1}.searchKey = w0.searchKey AND ${c.sql})`;
        params.push(...c.params);
      });
      return { sql: sql + extra, params };
    };
    const numberBranch = (extra: string, extraParams: unknown[] = []): Part => ({
      sql: `SELECT d.id FROM dossier d${byActive ? ' JOIN dossier_status s ON s.code = d.statusCode' : ''}
        WHERE d.number LIKE ? ESCAPE '!'${scope.sql}${status.sql}${extra}`,
      params: [`${likeEscape(text)}%`, ...scope.params, ...status.params, ...extraParams],
    });

    // Count: the first word's range may hold several words, so its rows are counted as distinct dossiers, unless it
    // holds one word (checked on two distinct words at most): then each row is one dossier and COUNT(*) is exact.
    const ranges = terms.map((t, i) => range(`w${i}`, t));
    const parts: string[] = [];
    const params: unknown[] = [];
    let numbersNotFound = numberBranch('');
    if (terms.length) {
      const found = hits(ranges, 'k.dossierId', { ids: true });
      numbersNotFound = numberBranch(` AND d.id NOT IN (${found.sql})`, found.params);
      const one = hits(ranges, 'COUNT(*)');
      const distinct = hits(ranges, 'COUNT(DISTINCT w0.searchKey)');
      parts.push(`CASE WHEN (SELECT COUNT(*) FROM (SELECT v.word FROM dossier_vocabulary v WHERE v.word >= ? AND v.word < ? LIMIT 2) x) < 2
        THEN (${one.sql}) ELSE (${distinct.sql}) END`);
      params.push(...range('v', terms[0]).params, ...one.params, ...distinct.params);
    }
    parts.push(`(SELECT COUNT(*) FROM (${numbersNotFound.sql}) nb)`);
    params.push(...numbersNotFound.params);
    const vocabulary = terms.map((_, i) => `, (SELECT GROUP_CONCAT(x.word SEPARATOR ' ') FROM (SELECT v.word FROM dossier_vocabulary v
      WHERE v.word >= ? AND v.word < ? ORDER BY v.word LIMIT ${EXPANSIONS + 1}) x) AS e${i}`);
    const [counted] = await this.sql.rows(`SELECT ${parts.join(' + ')} AS n${vocabulary.join('')}`,
      [...params, ...terms.flatMap((t) => range('v', t).params)] as string[]);
    const n = Number(counted.n);
    if (!n) return { rows: [], n };

    // The page: each word as its few words (read in key order) or, with more, as its range. After a cursor: a
    // page from the seconds before the cursor's, and all of the cursor's second (exactly filtered below).
    const expanded = terms.map((t, i): Part => {
      const listed = String(counted[`e${i}`] ?? '').split(' ').filter(Boolean);
      return listed.length > EXPANSIONS ? range(`w${i}`, t) : { sql: listed.length ? `w${i}.word IN (${Sql.list(listed.length)})` : '1 = 0', params: listed };
    });
    const candidates: Part[] = [];
    if (terms.length) {
      candidates.push(hits(expanded, 'k.dossierId AS id', { ids: true, extra: `${second === null ? '' : ` AND w0.searchKey < ${second}`} ORDER BY w0.searchKey DESC LIMIT ${size + 1}` }));
      if (second !== null) candidates.push(hits(expanded, 'k.dossierId AS id', { ids: true, extra: ` AND w0.searchKey BETWEEN ${second} AND ${second + SEARCH_KEYS_PER_SECOND - 1}` }));
    }
    candidates.push(numberBranch(`${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ${size + 1}`, keyset.params));
    // STRAIGHT_JOIN: from the few candidates to their dossiers (the optimizer otherwise walks every dossier by status).
    const rows = await this.sql.rows(`SELECT STRAIGHT_JOIN ${COLUMNS} FROM (${candidates.map((c) => `(${c.sql})`).join(' UNION ')}) hit
      JOIN dossier d ON d.id = hit.id JOIN dossier_status s ON s.code = d.statusCode WHERE 1 = 1${scope.sql}${keyset.sql} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`,
    [...candidates.flatMap((c) => c.params), ...scope.params, ...keyset.params, size + 1] as string[]);
    return { rows, n };
  }

  /**
   * The number of dossiers a search's words match on SQLite, as an SQL expression over `q` (listSqlite). One plain
   * word that no longer word extends matches exactly the dossiers that hold it, which `dossier_word_count`
   * (migration SearchCounts) counts per scope and status: a few rows instead of walking every hit. Otherwise the
   * full-text index counts.
   */
  private matchCount(terms: string[], viewer: Viewer, filter: DossierFilter, byActive: boolean): { sql: string; params: (string | boolean)[] } {
    const fullText = '(SELECT COUNT(*) FROM dossier_search WHERE dossier_search MATCH (SELECT m FROM q))';
    if (terms.length !== 1 || !/^[a-z0-9]+$/.test(terms[0])) return { sql: fullText, params: [] };
    const status = this.statusFilter(filter, 'c.statusCode');
    const stored = `(SELECT COALESCE(SUM(c.n), 0) FROM dossier_word_count c${byActive ? ' JOIN dossier_status s ON s.code = c.statusCode' : ''}
      WHERE c.scope = ? AND c.word = ?${status.sql})`;
    return {
      sql: `CASE WHEN EXISTS (${longerWords(1)}) THEN ${fullText} ELSE ${stored} END`,
      params: [...longerThan(terms[0]), viewer.side === 'office' ? '' : viewer.clientId!, terms[0], ...status.params],
    };
  }

  /**
   * The MATCH text of a search on `dossier_search`, as an SQL expression: every word in the description (see
   * listSqlite for how a word is expanded), and the caller's scope and status filters on the tags.
   */
  private searchMatch(terms: string[], viewer: Viewer, filter: DossierFilter): { sql: string; params: (string | boolean)[] } | null {
    if (!terms.length) return null;
    const parts: string[] = [];
    const params: (string | boolean)[] = [];
    for (const term of terms) {
      if (/^[a-z0-9]+$/.test(term)) {
        parts.push(`(SELECT CASE WHEN COUNT(*) >= ${EXPANSIONS} THEN '("${term}"*)' ELSE '("${term}"' || COALESCE(group_concat(' OR "' || t.term || '"', ''), '') || ')' END
          FROM (${longerWords(EXPANSIONS)}) t)`);
        params.push(...longerThan(term));
      } else {
        parts.push('?');
        params.push(`("${term}"*)`);
      }
    }
    let sql = parts.map((p) => `'description : ' || ${p}`).join(" || ' AND ' || ");
    const hexTag = (prefix: string, value: string) => `${prefix}${Buffer.from(value, 'utf8').toString('hex')}`;
    if (viewer.side !== 'office') { sql += ' || ?'; params.push(` AND tags : c${viewer.clientId!.replaceAll('-', '').toLowerCase()}`); }
    if (filter.statusCodes?.length) { sql += ' || ?'; params.push(` AND tags : (${filter.statusCodes.map((c) => hexTag('s', c)).join(' OR ')})`); }
    if (filter.active !== undefined && filter.active !== null) {
      // 'snone' is no tag (status tags are hex): no status of that kind, no match.
      sql += ` || (SELECT ' AND tags : (' || COALESCE(group_concat('s' || lower(hex(code)), ' OR '), 'snone') || ')' FROM dossier_status WHERE active = ?)`;
      params.push(filter.active);
    }
    return { sql, params };
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
      // SQLite's search index follows by triggers; MariaDB/MySQL's is written here, in the same transaction.
      if (!this.sql.sqlite) await indexDossiersMysql((sql, params) => m.query(sql, params), [id]);
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
