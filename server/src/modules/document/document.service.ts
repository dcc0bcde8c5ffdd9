import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { requireAccess, requireRow } from '../../access/access.js';
import { newId } from '../../db/columns.js';
import { ignoreDuplicate, Sql } from '../../db/sql.js';
import { inTransaction } from '../../db/transaction.js';
import { receiveUploads, storeWithRows, type IncomingFile } from '../../files/upload.js';
import { actorOf, memo, viewerOf, type RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { decodeCursor, olderThan, pageSize, toConnection } from '../../graphql/pagination.js';
import { Dossier } from '../dossier/dossier.entity.js';
import { DocumentDownload, DocumentRow } from './document.entity.js';
import { DocumentCategory, type DocumentView, type PublishDocumentInput, type UploadPolicy } from './document.types.js';
import { CATEGORY_FIELD } from '../dossier/dossier.service.js';

/** Columns of a document as the API shows it, with the caller's first download joined in (`dd`, bound to the account). */
const COLUMNS = 'd.id, d.category, d.title, d.fileName, d.contentType, d.size, d.sha256, d.publishedAt, d.uploadedByName, d.messageId, dd.firstAt AS downloadedAt';
const FROM = 'FROM document d LEFT JOIN document_download dd ON dd.documentId = d.id AND dd.accountId = ?';

const documentView = (r: Record<string, unknown>): DocumentView => ({
  id: String(r.id), category: r.category as DocumentCategory, title: String(r.title), fileName: String(r.fileName),
  contentType: String(r.contentType), size: Number(r.size), sha256: String(r.sha256), publishedAt: Sql.date(r.publishedAt),
  downloadedAt: Sql.date(r.downloadedAt, true), downloadUrl: `/files/${r.id}`, uploadedByName: String(r.uploadedByName),
});

export interface Uploader { accountId: string | null; name: string }

/** Documents of dossiers: lists, publishing, and what a download records. */
export class DocumentService {
  constructor(private readonly app: App) {}

  policy(): UploadPolicy {
    const { config } = this.app;
    return { maxFileSize: config.uploadMaxBytes, maxFiles: config.UPLOAD_MAX_FILES, allowedExtensions: config.uploadAllowedTypes };
  }

  /** One tab of a dossier the caller already holds, newest first (keyset on publishedAt, id). */
  async list(ctx: RequestContext, dossierId: string, category: DocumentCategory, first: number | null | undefined, after: string | null | undefined) {
    const viewer = viewerOf(ctx);
    const size = pageSize(first);
    const keyset = olderThan(decodeCursor(after), 'd.publishedAt', 'd.id');
    const [rows, counts] = await Promise.all([
      this.app.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.dossierId = ? AND d.category = ?${keyset.sql}
        ORDER BY d.publishedAt DESC, d.id DESC LIMIT ?`, [viewer.accountId ?? '', dossierId, category, ...keyset.params, size + 1]),
      this.app.services.dossiers.counts(ctx, dossierId),
    ]);
    return { ...toConnection(rows, size, documentView, (d) => ({ at: d.publishedAt, id: d.id })), totalCount: counts[CATEGORY_FIELD[category]].total };
  }

  /** Attachments of messages the caller already holds, batched per request. */
  attachments(ctx: RequestContext, messageId: string): Promise<DocumentView[]> {
    const viewer = viewerOf(ctx);
    const loader = memo(ctx, 'loader:attachments', () => new DataLoader<string, DocumentView[]>(async (ids) => {
      const rows = await this.app.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.messageId IN (${Sql.list(ids.length)}) ORDER BY d.createdAt, d.id`, [viewer.accountId ?? '', ...ids]);
      return ids.map((id) => rows.filter((r) => r.messageId === id).map(documentView));
    }));
    return loader.load(messageId);
  }

  /** Documents by id, for references the caller already holds (an action's files and PDF), batched per request. */
  byId(ctx: RequestContext, id: string): Promise<DocumentView | null> {
    const viewer = viewerOf(ctx);
    const loader = memo(ctx, 'loader:documents', () => new DataLoader<string, DocumentView | null>(async (ids) => {
      const rows = await this.app.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.id IN (${Sql.list(ids.length)})`, [viewer.accountId ?? '', ...ids]);
      return ids.map((id) => { const row = rows.find((r) => r.id === id); return row ? documentView(row) : null; });
    }));
    return loader.load(id);
  }

  /** Inserts document rows for uploaded files (inside `storeWithRows`), with one audit entry each. */
  async insertFiles(m: EntityManager, ctx: RequestContext, dossierId: string, files: IncomingFile[], category: DocumentCategory, by: Uploader, options: { title?: string; messageId?: string } = {}): Promise<string[]> {
    const now = this.app.clock.now();
    const ids: string[] = [];
    for (const [index, file] of files.entries()) {
      const id = newId();
      ids.push(id);
      await m.insert(DocumentRow, {
        id, dossierId, category, title: options.title ?? file.fileName, fileName: file.fileName, contentType: file.contentType, size: file.size,
        sha256: file.sha256, storageKey: file.storageKey, messageId: options.messageId ?? null, uploadedById: by.accountId, uploadedByName: by.name,
        // A message's attachments are listed by (createdAt, id): a millisecond apart, they keep the order they were sent in.
        publishedAt: now, createdAt: new Date(now.getTime() + index),
      });
      await this.app.audit.record(m, {
        action: 'document.uploaded', ...actorOf(ctx), targetId: id,
        detail: { dossierId, category, size: file.size, sha256: file.sha256, ...(options.messageId ? { messageId: options.messageId } : {}) },
      });
    }
    return ids;
  }

  /** The firm publishes a document to Correspondentie or Documenten; the dossier's clients are notified (bundled). */
  async publish(ctx: RequestContext, input: PublishDocumentInput): Promise<DocumentView> {
    if (input.category !== DocumentCategory.CORRESPONDENCE && input.category !== DocumentCategory.DOCUMENT) {
      throw badInput([{ field: 'category', message: 'CORRESPONDENCE_OR_DOCUMENT' }]);
    }
    const title = input.title.trim();
    if (!title) throw badInput([{ field: 'title', message: 'REQUIRED' }]);
    const dossierId = await requireAccess(ctx, { dossier: input.dossierId });
    const files = await receiveUploads(this.app, [input.file]);
    const by = await this.publisher(ctx, dossierId);
    const [id] = await storeWithRows(this.app, files, async (m) => {
      const ids = await this.insertFiles(m, ctx, dossierId, files, input.category, by, { title });
      if (input.notify !== false) await this.app.digest.enqueue(m, dossierId, 'DOCUMENT');
      return ids;
    });
    const [row] = await this.app.sql.rows(`SELECT ${COLUMNS} ${FROM} WHERE d.id = ?`, ['', id]);
    return documentView(row);
  }

  /** The office side's name on what it publishes: the staff member, else the dossier's handler, else the firm. */
  async publisher(ctx: RequestContext, dossierId: string): Promise<Uploader> {
    if (ctx.account && !ctx.apiToken) return { accountId: ctx.account.id, name: ctx.account.displayName };
    const dossier = await this.app.ds.getRepository(Dossier).findOneBy({ id: dossierId });
    return { accountId: null, name: dossier?.handlerName ?? this.app.config.FIRM_NAME };
  }

  /** The document behind a download URL: a missing and a foreign document are the same NOT_FOUND. */
  async findForDownload(ctx: RequestContext, id: string): Promise<DocumentRow> {
    const { sql } = this.app;
    return sql.entity(DocumentRow, 'd', await requireRow(ctx, { document: id }, sql.columns(DocumentRow, 'd'), 'FROM document d'));
  }

  /** Records the account's first download ("reeds gedownload") and audits every download (with its byte range, if any). */
  async recordDownload(ctx: RequestContext, document: DocumentRow, range: string | null): Promise<void> {
    const viewer = viewerOf(ctx);
    await inTransaction(this.app, async (m) => {
      if (viewer.accountId && !(await m.existsBy(DocumentDownload, { documentId: document.id, accountId: viewer.accountId }))) {
        // Two first downloads at once (two tabs): the unique index keeps one row, the other insert is dropped.
        await m.insert(DocumentDownload, { id: newId(), documentId: document.id, accountId: viewer.accountId, firstAt: this.app.clock.now() })
          .catch(ignoreDuplicate);
      }
      await this.app.audit.record(m, { action: 'document.downloaded', ...actorOf(ctx), targetId: document.id, detail: { dossierId: document.dossierId, ...(range ? { range } : {}) } });
      // The feed has client-side downloads, each once per download: a resumed download (a range after byte 0) is the same one.
      if (viewer.side === 'client' && (!range || range.startsWith('0-'))) {
        await this.app.events.record(m, { type: 'document.downloaded', dossierId: document.dossierId, accountId: viewer.accountId, subjectId: document.id });
      }
    });
  }
}
