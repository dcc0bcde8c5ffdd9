import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import type { AuthCheckerFn, ResolverData } from 'type-graphql';
import type { App } from '../app-context.js';
import { actorOf, type RequestContext } from '../graphql/context.js';
import { authChecker, scope } from '../graphql/auth-checker.js';
import { DomainError, type FieldProblem } from '../graphql/errors.js';
import { httpRoute } from './http-route.js';
import { inTransaction } from '../db/transaction.js';
import { Role } from '../modules/account/account.enums.js';
import type { AuditEntryView } from '../modules/audit/audit.types.js';

const FORMATS = ['csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];
const CSV_COLUMNS = ['id', 'at', 'actorId', 'action', 'targetId', 'ip', 'detail'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a leading `'`.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (e: AuditEntryView) => CSV_COLUMNS.map((c) => csvCell(c === 'at' ? e.at.toISOString() : e[c])).join(',') + '\r\n';
const jsonLine = (e: AuditEntryView) => JSON.stringify({ ...e, at: e.at.toISOString() }) + '\n';

function parse(req: Request): { from: Date; to: Date; format: Format } {
  const problems: FieldProblem[] = [];
  const date = (field: 'from' | 'to') => {
    const raw = req.query[field];
    const value = typeof raw === 'string' && ISO.test(raw) ? new Date(raw) : null;
    if (!value || Number.isNaN(value.getTime())) problems.push({ field, message: 'ISO_8601_DATE_OR_TIME' });
    return value ?? new Date(NaN);
  };
  const from = date('from');
  const to = date('to');
  if (!problems.length && from >= to) problems.push({ field: 'to', message: 'AFTER_FROM' });
  const format = (req.query.format ?? 'csv') as Format;
  if (!FORMATS.includes(format)) problems.push({ field: 'format', message: 'csv OR jsonl' });
  if (problems.length) throw new DomainError('BAD_USER_INPUT', { fields: problems });
  return { from, to, format };
}

/**
 * GET /admin/audit-log/export?from=<ISO>&to=<ISO>&format=csv|jsonl — the audit entries with from ≤ at < to,
 * oldest first, streamed as an attachment. For a signed-in admin (session cookie) or an API token with the
 * `audit:read` scope, decided by the same auth checker as GraphQL; 401 without either, 403 for anyone else.
 * The export itself is audited.
 */
export function auditExportHandler(app: App, buildContext: (req: Request, res: Response) => Promise<RequestContext>) {
  return httpRoute(app, buildContext, 'audit export', async (ctx, req, res) => {
    await (authChecker as AuthCheckerFn<RequestContext>)({ context: ctx } as ResolverData<RequestContext>, [Role.ADMIN, scope('audit:read')]);
    const { from, to, format } = parse(req);
    await inTransaction(app, (m) => app.audit.record(m, {
      action: 'audit-log.exported', ...actorOf(ctx), detail: { from: from.toISOString(), to: to.toISOString(), format },
    }));
    const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition.create(`audit-log_${stamp(from)}_${stamp(to)}.${format}`, { type: 'attachment' }));
    let closed = false;
    res.on('close', () => { closed = true; });
    if (format === 'csv') res.write(CSV_COLUMNS.join(',') + '\r\n');
    for await (const batch of app.audit.period(from, to)) {
      if (closed) return;
      const chunk = batch.map(format === 'csv' ? csvLine : jsonLine).join('');
      if (!res.write(chunk)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
    }
    res.end();
  });
}
