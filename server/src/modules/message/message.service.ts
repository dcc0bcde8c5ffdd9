import DataLoader from 'dataloader';
import type { App } from '../../app-context.js';
import { requireAccess } from '../../access/access.js';
import { newId } from '../../db/columns.js';
import { ignoreDuplicate, Sql } from '../../db/sql.js';
import { inTransaction } from '../../db/transaction.js';
import { receiveUploads, storeWithRows } from '../../files/upload.js';
import { actorOf, memo, viewerOf, type RequestContext, type Viewer } from '../../graphql/context.js';
import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { decodeCursor, olderThan, pageSize, toConnection } from '../../graphql/pagination.js';
import { DocumentCategory } from '../document/document.types.js';
import { MessageRead, MessageRow } from './message.entity.js';
import { BODY_MAX, MessageDirection, MessageView, SUBJECT_MAX, type PostMessageInput, type SendMessageInput } from './message.types.js';

/**
 * Columns of a message with "read" as the caller sees it: client side, its own account's read (its own
 * side's messages count as read when sent); office side, officeReadAt for clients' messages.
 */
function readColumns(viewer: Viewer): { select: string; join: string; params: string[] } {
  const base = 'm.id, m.dossierId, m.direction, m.subject, m.body, m.senderName, m.sentAt, m.inReplyToId';
  if (viewer.side === 'office') {
    return { select: `${base}, CASE WHEN m.direction = 'TO_OFFICE' THEN m.officeReadAt ELSE m.sentAt END AS readAt`, join: '', params: [] };
  }
  return {
    select: `${base}, CASE WHEN m.direction = 'FROM_OFFICE' THEN r.readAt ELSE m.sentAt END AS readAt`,
    join: ' LEFT JOIN message_read r ON r.messageId = m.id AND r.accountId = ?',
    params: [viewer.accountId],
  };
}

const messageView = (r: Record<string, unknown>): MessageView => Object.assign(new MessageView(), {
  id: String(r.id), dossierId: String(r.dossierId), direction: r.direction as MessageDirection, subject: String(r.subject), body: String(r.body),
  senderName: String(r.senderName), sentAt: Sql.date(r.sentAt), readAt: Sql.date(r.readAt, true), inReplyToId: (r.inReplyToId as string | null) ?? null,
});

/** Messages between the firm and the client side of a dossier, with their attachments. */
export class MessageService {
  constructor(private readonly app: App) {}

  /** Messages of a dossier the caller already holds, newest first (keyset on sentAt, id). */
  async list(ctx: RequestContext, dossierId: string, first: number | null | undefined, after: string | null | undefined) {
    const size = pageSize(first);
    const keyset = olderThan(decodeCursor(after), 'm.sentAt', 'm.id');
    const columns = readColumns(viewerOf(ctx));
    const [rows, counts] = await Promise.all([
      this.app.sql.rows(`SELECT ${columns.select} FROM message m${columns.join} WHERE m.dossierId = ?${keyset.sql}
        ORDER BY m.sentAt DESC, m.id DESC LIMIT ?`, [...columns.params, dossierId, ...keyset.params, size + 1]),
      this.app.services.dossiers.counts(ctx, dossierId),
    ]);
    return { ...toConnection(rows, size, messageView, (msg) => ({ at: msg.sentAt, id: msg.id })), totalCount: counts.messages.total };
  }

  /** Messages by id, for `inReplyTo` of messages the caller already holds (same dossier), batched per request. */
  byId(ctx: RequestContext, id: string): Promise<MessageView | null> {
    const loader = memo(ctx, 'loader:messages', () => new DataLoader<string, MessageView | null>(async (ids) => {
      const columns = readColumns(viewerOf(ctx));
      const rows = await this.app.sql.rows(`SELECT ${columns.select} FROM message m${columns.join} WHERE m.id IN (${Sql.list(ids.length)})`, [...columns.params, ...ids]);
      return ids.map((mid) => { const row = rows.find((r) => r.id === mid); return row ? messageView(row) : null; });
    }));
    return loader.load(id);
  }

  private async one(ctx: RequestContext, id: string): Promise<MessageView> {
    return (await this.byId(ctx, id))!;
  }

  /** The client side writes to the office ("Nieuw bericht", "Beantwoorden"); attachments land under "Door mij aangeleverd". */
  send(ctx: RequestContext, input: SendMessageInput): Promise<MessageView> {
    const account = ctx.account!;
    return this.store(ctx, input, MessageDirection.TO_OFFICE, DocumentCategory.SUPPLIED, { accountId: account.id, name: account.displayName });
  }

  /** The office writes to the dossier's clients; they are notified (bundled). */
  async post(ctx: RequestContext, input: PostMessageInput): Promise<MessageView> {
    const dossierId = await requireAccess(ctx, { dossier: input.dossierId });
    const by = await this.app.services.documents.publisher(ctx, dossierId);
    return this.store(ctx, input, MessageDirection.FROM_OFFICE, DocumentCategory.ATTACHMENT, by);
  }

  /**
   * Validates, receives the attachments, then stores the message, its attachments' rows and files in one
   * step (storeWithRows): the message exists with all its attachments, or nothing does.
   */
  private async store(ctx: RequestContext, input: SendMessageInput | PostMessageInput, direction: MessageDirection, category: DocumentCategory, by: { accountId: string | null; name: string }): Promise<MessageView> {
    const subject = input.subject.trim();
    const body = input.body.replace(/\r\n/g, '\n');
    const problems: FieldProblem[] = [];
    if (!subject) problems.push({ field: 'subject', message: 'REQUIRED' });
    else if (subject.length > SUBJECT_MAX) problems.push({ field: 'subject', message: `MAX_LENGTH_${SUBJECT_MAX}` });
    if (!body.trim()) problems.push({ field: 'body', message: 'REQUIRED' });
    else if ([...body].length > BODY_MAX) problems.push({ field: 'body', message: `MAX_LENGTH_${BODY_MAX}` });
    if (problems.length) throw badInput(problems);
    const dossierId = await requireAccess(ctx, { dossier: input.dossierId });
    if (input.inReplyToId) {
      // A message the caller cannot see is NOT_FOUND, as for every id; one of another of its dossiers is a mistake in the input.
      const original = await requireAccess(ctx, { message: input.inReplyToId });
      if (original !== dossierId) throw badInput([{ field: 'inReplyToId', message: 'NOT_IN_THIS_DOSSIER' }]);
    }
    const files = await receiveUploads(this.app, input.attachments ?? []);
    const id = newId();
    await storeWithRows(this.app, files, async (m) => {
      const now = this.app.clock.now();
      await m.insert(MessageRow, {
        id, dossierId, direction, subject, body, senderAccountId: by.accountId, senderName: by.name, sentAt: now,
        inReplyToId: input.inReplyToId ?? null, officeReadAt: null, createdAt: now,
      });
      const attachmentIds = await this.app.services.documents.insertFiles(m, ctx, dossierId, files, category, by, { messageId: id });
      await this.app.audit.record(m, { action: 'message.sent', ...actorOf(ctx), targetId: id, detail: { dossierId, direction, attachments: files.length } });
      if (direction === MessageDirection.FROM_OFFICE) await this.app.digest.enqueue(m, dossierId, 'MESSAGE');
      else {
        await this.app.events.record(m, { type: 'message.sent', dossierId, accountId: by.accountId, subjectId: id });
        for (const documentId of attachmentIds) await this.app.events.record(m, { type: 'document.uploaded', dossierId, accountId: by.accountId, subjectId: documentId });
      }
    });
    return this.one(ctx, id);
  }

  /** Opening a message marks it read: for the account (client side) or for the office (a client's message, office side). */
  async markRead(ctx: RequestContext, id: string): Promise<MessageView> {
    await requireAccess(ctx, { message: id });
    const viewer = viewerOf(ctx);
    await inTransaction(this.app, async (m) => {
      const now = this.app.clock.now();
      if (viewer.side === 'client') {
        if (!(await m.existsBy(MessageRead, { messageId: id, accountId: viewer.accountId }))) {
          await m.insert(MessageRead, { id: newId(), messageId: id, accountId: viewer.accountId, readAt: now })
            .catch(ignoreDuplicate);
        }
      } else {
        await m.createQueryBuilder().update(MessageRow).set({ officeReadAt: now })
          .where('id = :id AND direction = :direction AND officeReadAt IS NULL', { id, direction: MessageDirection.TO_OFFICE }).execute();
      }
    });
    return this.one(ctx, id);
  }
}

