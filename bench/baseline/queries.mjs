// Hand-written SQL for the benchmarked pages, producing the same JSON as the portal's GraphQL API
// (same fields, order, cursors and semantics as server/src/modules/*/…service.ts). Every statement
// goes through `db.all`, which counts it: the statement-count contender compares against these.
import { createHmac } from 'node:crypto';
import { serverRequire } from '../lib/common.mjs';

/** The GraphQL documents both the portal and the baseline answer (the baseline by operationName). */
export const QUERIES = {
  DossierPage: `query DossierPage($id: ID!, $first: Int!) {
  dossier(id: $id) {
    id number description
    status { code label active }
    handler { name email phone }
    openedAt closedAt
    progress { done total steps { id position title done doneAt } }
    counts { correspondence { total unread } documents { total unread } suppliedByMe { total unread } messages { total unread } }
    documents(category: CORRESPONDENCE, first: $first) {
      edges { cursor node { id title fileName contentType size sha256 publishedAt downloadedAt downloadUrl } }
      pageInfo { hasNextPage endCursor } totalCount
    }
    messages(first: $first) {
      edges { cursor node { id direction subject body senderName sentAt readAt inReplyTo { id subject senderName sentAt } attachments { id title fileName size downloadUrl } } }
      pageInfo { hasNextPage endCursor } totalCount
    }
  }
}`,
  DossierList: `query DossierList($filter: DossierFilter, $first: Int) {
  dossiers(filter: $filter, first: $first) {
    edges { cursor node { id number description status { code label active } openedAt closedAt } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
};

const iso = (v) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(`${String(v).replace(' ', 'T')}Z`).toISOString());
const bool = (v) => v === true || v === 1 || v === '1' || (Buffer.isBuffer(v) && v[0] === 1);
const cursor = (at, id) => Buffer.from(JSON.stringify([iso(at), id])).toString('base64url');
const list = (n) => Array(n).fill('?').join(', ');

/** A counting database handle: SQLite through better-sqlite3 (prepared statements cached), MariaDB through a mysql2 pool. */
export async function openDb(url) {
  let statements = 0;
  if (url.startsWith('sqlite:')) {
    const Database = serverRequire('better-sqlite3');
    const db = new Database(url.slice('sqlite:'.length), { readonly: false });
    db.pragma('busy_timeout = 5000');
    const cache = new Map();
    return {
      sqlite: true,
      get statements() { return statements; },
      async all(sql, params = []) {
        statements++;
        let stmt = cache.get(sql);
        if (!stmt) { stmt = db.prepare(sql); cache.set(sql, stmt); }
        return stmt.all(...params);
      },
      async close() { db.close(); },
    };
  }
  const mysql = serverRequire('mysql2/promise');
  const u = new URL(url);
  const pool = mysql.createPool({
    host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
    database: u.pathname.slice(1), timezone: 'Z', charset: 'utf8mb4_unicode_ci', connectionLimit: 10,
  });
  return {
    sqlite: false,
    get statements() { return statements; },
    async all(sql, params = []) {
      statements++;
      const [rows] = await pool.execute(sql, params);
      return rows;
    },
    async close() { await pool.end(); },
  };
}

/** The signed-in account of a request (cookie `dp_session`), in one statement; null when none. */
export async function viewer(db, secret, cookieHeader) {
  const m = /(?:^|;\s*)dp_session=([^;]+)/.exec(cookieHeader ?? '');
  if (!m) return null;
  const hash = createHmac('sha256', secret).update(decodeURIComponent(m[1])).digest('hex');
  const [row] = await db.all(`SELECT a.id, a.clientId, a.role, a.language FROM session s JOIN account a ON a.id = s.accountId
    WHERE s.tokenHash = ? AND s.endedAt IS NULL AND s.expiresAt > ?`, [hash, db.sqlite ? new Date().toISOString().replace('T', ' ').slice(0, 23) : new Date()]);
  if (!row) return null;
  const office = ['STAFF', 'ADMIN', 'OFFICE_USER_ADMIN'].includes(row.role);
  return { accountId: row.id, clientId: row.clientId, office, en: row.language === 'EN' };
}

const scope = (v, column) => (v.office ? { sql: '', params: [] } : { sql: ` AND ${column} IN (SELECT dc.dossierId FROM dossier_client dc WHERE dc.clientId = ?)`, params: [v.clientId] });

const DOSSIER_COLUMNS = 'd.id, d.number, d.description, d.statusCode, d.handlerName, d.handlerEmail, d.handlerPhone, d.openedAt, d.closedAt, s.labelNl, s.labelEn, s.active';

/** `dossier(id)` with header, progress, counts, one documents tab and the messages: 8 statements + the session. */
export async function dossierPage(db, v, id, first) {
  const sc = scope(v, 'd.id');
  const [d] = await db.all(`SELECT ${DOSSIER_COLUMNS} FROM dossier d JOIN dossier_status s ON s.code = d.statusCode WHERE d.id = ?${sc.sql}`, [id, ...sc.params]);
  if (!d) return { errors: [{ message: 'NOT_FOUND', extensions: { code: 'NOT_FOUND' } }], data: null };
  const me = v.accountId;
  const [steps, docCounts, msgCounts, docs, msgs] = await Promise.all([
    db.all('SELECT p.id, p.position, p.title, p.done, p.doneAt FROM progress_step p WHERE p.dossierId = ? ORDER BY p.position', [id]),
    db.all(`SELECT d.category, COUNT(*) AS total, SUM(CASE WHEN dd.id IS NULL AND (d.uploadedById IS NULL OR d.uploadedById <> ?) THEN 1 ELSE 0 END) AS unread
      FROM document d LEFT JOIN document_download dd ON dd.documentId = d.id AND dd.accountId = ? WHERE d.dossierId = ? GROUP BY d.category`, [me, me, id]),
    v.office
      ? db.all(`SELECT COUNT(*) AS total, SUM(CASE WHEN m.direction = 'TO_OFFICE' AND m.officeReadAt IS NULL THEN 1 ELSE 0 END) AS unread FROM message m WHERE m.dossierId = ?`, [id])
      : db.all(`SELECT COUNT(*) AS total, SUM(CASE WHEN m.direction = 'FROM_OFFICE' AND r.id IS NULL THEN 1 ELSE 0 END) AS unread
          FROM message m LEFT JOIN message_read r ON r.messageId = m.id AND r.accountId = ? WHERE m.dossierId = ?`, [me, id]),
    db.all(`SELECT d.id, d.title, d.fileName, d.contentType, d.size, d.sha256, d.publishedAt, dd.firstAt FROM document d
      LEFT JOIN document_download dd ON dd.documentId = d.id AND dd.accountId = ? WHERE d.dossierId = ? AND d.category = 'CORRESPONDENCE'
      ORDER BY d.publishedAt DESC, d.id DESC LIMIT ?`, [me, id, first + 1]),
    db.all(`SELECT m.id, m.direction, m.subject, m.body, m.senderName, m.sentAt, m.inReplyToId,
        ${v.office ? "CASE WHEN m.direction = 'TO_OFFICE' THEN m.officeReadAt ELSE m.sentAt END" : "CASE WHEN m.direction = 'FROM_OFFICE' THEN r.readAt ELSE m.sentAt END"} AS readAt
      FROM message m${v.office ? '' : ' LEFT JOIN message_read r ON r.messageId = m.id AND r.accountId = ?'} WHERE m.dossierId = ? ORDER BY m.sentAt DESC, m.id DESC LIMIT ?`,
    v.office ? [id, first + 1] : [me, id, first + 1]),
  ]);
  const page = msgs.slice(0, first);
  const replyIds = [...new Set(page.map((m) => m.inReplyToId).filter(Boolean))];
  const [attachments, replies] = await Promise.all([
    page.length ? db.all(`SELECT d.id, d.title, d.fileName, d.size, d.messageId FROM document d WHERE d.messageId IN (${list(page.length)}) ORDER BY d.createdAt, d.id`, page.map((m) => m.id)) : [],
    replyIds.length ? db.all(`SELECT m.id, m.subject, m.senderName, m.sentAt FROM message m WHERE m.id IN (${list(replyIds.length)})`, replyIds) : [],
  ]);
  const count = { CORRESPONDENCE: { total: 0, unread: 0 }, DOCUMENT: { total: 0, unread: 0 }, SUPPLIED: { total: 0, unread: 0 } };
  for (const r of docCounts) if (count[r.category]) count[r.category] = { total: Number(r.total), unread: Number(r.unread) };
  const messages = { total: Number(msgCounts[0]?.total ?? 0), unread: Number(msgCounts[0]?.unread ?? 0) };
  const docPage = docs.slice(0, first);
  const replyById = new Map(replies.map((r) => [r.id, r]));
  return {
    data: {
      dossier: {
        id: d.id, number: d.number, description: d.description,
        status: { code: d.statusCode, label: v.en ? d.labelEn : d.labelNl, active: bool(d.active) },
        handler: d.handlerName ? { name: d.handlerName, email: d.handlerEmail ?? null, phone: d.handlerPhone ?? null } : null,
        openedAt: iso(d.openedAt), closedAt: iso(d.closedAt),
        progress: {
          done: steps.filter((s) => bool(s.done)).length, total: steps.length,
          steps: steps.map((s) => ({ id: s.id, position: Number(s.position), title: s.title, done: bool(s.done), doneAt: iso(s.doneAt) })),
        },
        counts: { correspondence: count.CORRESPONDENCE, documents: count.DOCUMENT, suppliedByMe: count.SUPPLIED, messages },
        documents: {
          edges: docPage.map((r) => ({
            cursor: cursor(r.publishedAt, r.id),
            node: { id: r.id, title: r.title, fileName: r.fileName, contentType: r.contentType, size: Number(r.size), sha256: r.sha256, publishedAt: iso(r.publishedAt), downloadedAt: iso(r.firstAt), downloadUrl: `/files/${r.id}` },
          })),
          pageInfo: { hasNextPage: docs.length > first, endCursor: docPage.length ? cursor(docPage.at(-1).publishedAt, docPage.at(-1).id) : null },
          totalCount: count.CORRESPONDENCE.total,
        },
        messages: {
          edges: page.map((m) => {
            const r = m.inReplyToId ? replyById.get(m.inReplyToId) : null;
            return {
              cursor: cursor(m.sentAt, m.id),
              node: {
                id: m.id, direction: m.direction, subject: m.subject, body: m.body, senderName: m.senderName, sentAt: iso(m.sentAt), readAt: iso(m.readAt),
                inReplyTo: r ? { id: r.id, subject: r.subject, senderName: r.senderName, sentAt: iso(r.sentAt) } : null,
                attachments: attachments.filter((a) => a.messageId === m.id).map((a) => ({ id: a.id, title: a.title, fileName: a.fileName, size: Number(a.size), downloadUrl: `/files/${a.id}` })),
              },
            };
          }),
          pageInfo: { hasNextPage: msgs.length > first, endCursor: page.length ? cursor(page.at(-1).sentAt, page.at(-1).id) : null },
          totalCount: messages.total,
        },
      },
    },
  };
}

/** `dossiers(filter, first)`: the page and its total in 2 statements. `mode`: 'fts' (the full-text index) or 'like' (a LIKE scan). */
export async function dossierList(db, v, filter, first, mode = 'fts') {
  const sc = scope(v, 'd.id');
  let where = sc.sql;
  const params = [...sc.params];
  const search = filter?.search?.trim().toLowerCase();
  if (search) {
    if (mode === 'like') { where += " AND d.description LIKE ? ESCAPE '!'"; params.push(`%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`); }
    else if (db.sqlite) {
      where += ' AND d.id IN (SELECT k.dossierId FROM dossier_search f JOIN dossier_search_key k ON k.searchKey = f.rowid WHERE dossier_search MATCH ?)';
      params.push(search.split(/\s+/).map((t) => `description : "${t}"*`).join(' AND '));
    }
    else {
      for (const t of search.split(/\s+/)) {
        where += " AND d.id IN (SELECT k.dossierId FROM dossier_word w JOIN dossier_search_key k ON k.searchKey = w.searchKey WHERE w.scope = '' AND w.word >= ? AND w.word < ?)";
        params.push(t, `${t}\u{10FFFF}`);
      }
    }
  }
  // Without a search the page is read from dossier alone, then joined: joined first, MariaDB sorts every dossier.
  const pageSql = search
    ? `SELECT ${DOSSIER_COLUMNS} FROM dossier d JOIN dossier_status s ON s.code = d.statusCode WHERE 1 = 1${where} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?`
    : `SELECT ${DOSSIER_COLUMNS} FROM (SELECT d.* FROM dossier d WHERE 1 = 1${where} ORDER BY d.openedAt DESC, d.id DESC LIMIT ?) d
      JOIN dossier_status s ON s.code = d.statusCode ORDER BY d.openedAt DESC, d.id DESC`;
  const [rows, [{ n }]] = await Promise.all([
    db.all(pageSql, [...params, first + 1]),
    db.all(`SELECT COUNT(*) AS n FROM dossier d WHERE 1 = 1${where}`, params),
  ]);
  const page = rows.slice(0, first);
  return {
    data: {
      dossiers: {
        edges: page.map((d) => ({
          cursor: cursor(d.openedAt, d.id),
          node: { id: d.id, number: d.number, description: d.description, status: { code: d.statusCode, label: v.en ? d.labelEn : d.labelNl, active: bool(d.active) }, openedAt: iso(d.openedAt), closedAt: iso(d.closedAt) },
        })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursor(page.at(-1).openedAt, page.at(-1).id) : null },
        totalCount: Number(n),
      },
    },
  };
}
