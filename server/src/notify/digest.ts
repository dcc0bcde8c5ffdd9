import type { EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { minutes } from '../clock.js';
import { newId } from '../db/columns.js';
import { Sql } from '../db/sql.js';
import { Account } from '../modules/account/account.entity.js';
import { PendingNotification } from '../modules/dossier/dossier.entity.js';
import type { DossierNews } from './templates.js';

export type NewsKind = 'DOCUMENT' | 'MESSAGE' | 'QUESTIONNAIRE';
const OPT_IN: Record<NewsKind, 'notifyNewDocuments' | 'notifyNewMessages' | 'notifyNewQuestionnaires'> = { DOCUMENT: 'notifyNewDocuments', MESSAGE: 'notifyNewMessages', QUESTIONNAIRE: 'notifyNewQuestionnaires' };
const BATCH = 50;

/**
 * E-mail notifications of news in a dossier, bundled per account: `enqueue` notes the news for every
 * activated account of the dossier's clients that opted in (in the caller's transaction); a pass sends one
 * e-mail per account once its oldest note is NOTIFY_DIGEST_MINUTES old, covering everything noted by
 * then, through the outbox. The notes are deleted in the same transaction that enqueues the mail, and a
 * pass that deletes fewer notes than it read (another server got there first) rolls back.
 */
export class NotificationDigest {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly app: App) {}

  async enqueue(m: EntityManager, dossierId: string, kind: NewsKind): Promise<void> {
    const rows = await this.app.sql.rows<{ id: string }>(`SELECT a.id FROM account a JOIN dossier_client dc ON dc.clientId = a.clientId
      WHERE dc.dossierId = ? AND a.passwordHash IS NOT NULL AND a.${OPT_IN[kind]} = ?`, [dossierId, true], m);
    if (!rows.length) return;
    const now = this.app.clock.now();
    await m.insert(PendingNotification, rows.map((r) => ({ id: newId(), accountId: r.id, dossierId, kind, createdAt: now })));
  }

  start(): void {
    this.timer = setInterval(() => { void this.pass(); }, this.app.config.MAIL_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (the timer's, or a test's); never rejects. Resolves to the number of e-mails enqueued. */
  pass(): Promise<number> {
    const run = (this.running ?? Promise.resolve()).then(() => this.sendDue()).catch((error: unknown) => {
      this.app.logger.error({ err: error }, 'notification digest pass failed');
      return 0;
    });
    this.running = run.then(() => undefined);
    return run;
  }

  private async sendDue(): Promise<number> {
    const due = new Date(this.app.clock.now().getTime() - minutes(this.app.config.NOTIFY_DIGEST_MINUTES));
    const accounts = await this.app.sql.rows<{ accountId: string }>(`SELECT p.accountId FROM pending_notification p
      GROUP BY p.accountId HAVING MIN(p.createdAt) <= ? ORDER BY MIN(p.createdAt) LIMIT ${BATCH}`, [due]);
    let sent = 0;
    for (const { accountId } of accounts) {
      const ok = await this.app.ds.transaction(async (m) => {
        // Access may have ended since the news was noted: such notes go, but the e-mail does not name the dossier.
        const notes = await this.app.sql.rows<{ id: string; kind: NewsKind; number: string; dossierId: string; visible: unknown }>(`SELECT p.id, p.kind, p.dossierId, d.number,
            CASE WHEN EXISTS (SELECT 1 FROM account a JOIN dossier_client dc ON dc.clientId = a.clientId WHERE a.id = p.accountId AND dc.dossierId = p.dossierId) THEN 1 ELSE 0 END AS visible
          FROM pending_notification p JOIN dossier d ON d.id = p.dossierId WHERE p.accountId = ? ORDER BY p.createdAt, p.id`, [accountId], m);
        if (!notes.length) return false;
        const deleted = await m.createQueryBuilder().delete().from(PendingNotification).where('id IN (:...ids)', { ids: notes.map((n) => n.id) }).execute();
        if (deleted.affected !== undefined && deleted.affected !== null && deleted.affected < notes.length) throw new Error('notifications taken by another worker');
        const account = await m.findOneBy(Account, { id: accountId });
        if (!account) return false;
        const news = new Map<string, DossierNews & { dossierId: string }>();
        // The opt-in is checked again at sending time: turning a notification off during the window stops it.
        for (const n of notes.filter((note) => Sql.bool(note.visible) && account[OPT_IN[note.kind]])) {
          const item = news.get(n.dossierId) ?? { dossierId: n.dossierId, number: n.number, documents: 0, messages: 0, questionnaires: 0 };
          if (n.kind === 'DOCUMENT') item.documents++;
          else if (n.kind === 'MESSAGE') item.messages++;
          else item.questionnaires++;
          news.set(n.dossierId, item);
        }
        const items = [...news.values()];
        if (!items.length) return false;
        const link = `${this.app.config.PUBLIC_URL}${items.length === 1 ? `/dossiers/${items[0].dossierId}` : '/dossiers'}`;
        await this.app.outbox.enqueue(m, { to: account.email, language: account.language, template: 'dossier-news', vars: { name: account.displayName, link, news: items } });
        return true;
      }).catch((error: unknown) => {
        this.app.logger.warn({ err: error, accountId }, 'notification bundle skipped');
        return false;
      });
      if (ok) sent++;
    }
    if (sent) this.app.outbox.kick();
    return sent;
  }
}

