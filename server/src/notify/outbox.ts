import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Clock } from '../clock.js';
import { newId } from '../db/columns.js';
import type { Language } from '../modules/account/account.enums.js';
import { OutboxMessage } from './outbox.entity.js';
import { createSmsSender, type SmsSender } from './sms.js';
import { renderMail, renderSms, type SmsTemplateName, type SmsVars, type TemplateName, type TemplateVars } from './templates.js';

export interface MailRequest {
  to: string;
  language: Language;
  template: TemplateName;
  vars: Omit<TemplateVars, 'firmName'>;
}

export interface SmsRequest {
  to: string;
  language: Language;
  template: SmsTemplateName;
  vars: Omit<SmsVars, 'firmName'>;
}

const CLAIM_MS = 120_000;
const MAX_BACKOFF_MS = 3_600_000;
const BATCH = 20;

/**
 * Mails and SMS leave through here. `enqueue` writes a row in the caller's transaction; the worker sends
 * committed rows with nodemailer, retries failures with exponential back-off (10 s … 1 h) and marks
 * each row sent exactly once. A claim on the row keeps two workers from sending the same mail, and
 * the Message-ID is derived from the row so a retried delivery is recognisable as the same mail.
 */
export class Outbox {
  /** Rows enqueued so far (by any transaction): lets `inTransaction` kick the worker only when there is news. */
  enqueued = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again?: Promise<void>;
  private readonly transport: Transporter;
  private readonly devMode: boolean;
  private readonly host: string;
  private readonly sms: SmsSender;

  constructor(
    private readonly config: Config,
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.devMode = !config.SMTP_URL;
    this.transport = this.devMode
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : nodemailer.createTransport(config.SMTP_URL);
    this.host = new URL(config.PUBLIC_URL).hostname;
    this.sms = createSmsSender(config, logger);
  }

  async enqueue(manager: EntityManager, mail: MailRequest): Promise<void> {
    const rendered = renderMail(mail.template, mail.language, { ...mail.vars, firmName: this.config.FIRM_NAME });
    const now = this.clock.now();
    this.enqueued++;
    await manager.insert(OutboxMessage, {
      id: newId(), channel: 'EMAIL', recipient: mail.to, template: mail.template,
      subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html,
      createdAt: now, nextAttemptAt: now, claimedUntil: null, attempts: 0, sentAt: null, lastError: null,
    });
  }

  /** An SMS, in the caller's transaction like mail. Its text (which may hold a code) is blanked once delivered. */
  async enqueueSms(manager: EntityManager, sms: SmsRequest): Promise<void> {
    const text = renderSms(sms.template, sms.language, { ...sms.vars, firmName: this.config.FIRM_NAME });
    const now = this.clock.now();
    this.enqueued++;
    await manager.insert(OutboxMessage, {
      id: newId(), channel: 'SMS', recipient: sms.to, template: sms.template, subject: '', textBody: text, htmlBody: '',
      createdAt: now, nextAttemptAt: now, claimedUntil: null, attempts: 0, sentAt: null, lastError: null,
    });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.background(), this.config.MAIL_POLL_SECONDS * 1000);
    this.timer.unref();
    this.background();
  }

  /**
   * A pass nobody awaits (poll, kick). A failure of the pass itself, such as a lost database connection, is logged
   * and the next poll tries again; left unhandled, the rejection would end the process.
   */
  private background(): void {
    this.drain().catch((err: unknown) => this.logger.error({ err }, 'outbox pass failed; retrying at the next poll'));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Asks the worker to look now (after a commit that enqueued mail). */
  kick(): void {
    if (this.timer) setImmediate(() => this.background());
  }

  /**
   * Sends everything that is due. A call during a pass is answered by one more pass after it (shared by all such
   * calls), because the running pass may have read the outbox before the caller's commit.
   */
  drain(): Promise<void> {
    if (this.running) {
      this.again ??= this.running.catch(() => undefined).then(() => {
        this.again = undefined;
        return this.drain();
      });
      return this.again;
    }
    this.running = this.pass().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (!this.ds.isInitialized) return;
    const repo = this.ds.getRepository(OutboxMessage);
    for (;;) {
      const now = this.clock.now();
      const due = await repo.find({
        where: { sentAt: IsNull(), nextAttemptAt: LessThanOrEqual(now) },
        order: { createdAt: 'ASC', id: 'ASC' },
        take: BATCH,
      });
      let sentAny = false;
      for (const row of due) {
        if (row.claimedUntil && row.claimedUntil > now) continue;
        const claim = await repo.createQueryBuilder().update().set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
          .where('id = :id AND sentAt IS NULL AND (claimedUntil IS NULL OR claimedUntil <= :now)', { id: row.id, now })
          .execute();
        if (claim.affected !== 1) continue;
        try {
          await this.send(row);
          await repo.update({ id: row.id }, {
            sentAt: this.clock.now(), claimedUntil: null, attempts: row.attempts + 1, lastError: null,
            ...(row.channel === 'SMS' ? { textBody: '' } : {}),
          });
          sentAny = true;
        } catch (err) {
          const attempts = row.attempts + 1;
          const backoff = Math.min(10_000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
          this.logger.warn({ err, outboxId: row.id, channel: row.channel, attempts }, 'delivery failed; will retry');
          await repo.update({ id: row.id }, {
            attempts, claimedUntil: null, nextAttemptAt: new Date(this.clock.now().getTime() + backoff),
            lastError: String((err as Error).message ?? err).slice(0, 500),
          });
        }
      }
      if (!sentAny || due.length < BATCH) return;
    }
  }

  private async send(row: OutboxMessage): Promise<void> {
    if (row.channel === 'SMS') return this.sms.send(row.recipient, row.textBody);
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM, to: row.recipient, subject: row.subject, text: row.textBody, html: row.htmlBody,
      messageId: `<${row.id}@${this.host}>`,
    });
    if (this.devMode) {
      const dir = resolve(this.config.MAIL_OUTBOX_DIR);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${row.createdAt.toISOString().replace(/[:.]/g, '-')}-${row.template}-${row.id.slice(0, 8)}.eml`);
      writeFileSync(file, info.message as Buffer);
      const links = row.textBody.match(/https?:\/\/\S+/g) ?? [];
      this.logger.info({ to: row.recipient, subject: row.subject, file, links }, `development mail: ${row.subject}${links.length ? ` → ${links.join(' ')}` : ''}`);
    }
  }
}
