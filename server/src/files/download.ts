import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import type { App } from '../app-context.js';
import type { RequestContext } from '../graphql/context.js';
import { tokenHasScope } from '../graphql/auth-checker.js';
import { DomainError } from '../graphql/errors.js';
import { httpRoute } from '../http/http-route.js';

/** One byte range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; null for a header we serve whole (several ranges, nonsense). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (end < start && match[2] !== '') return null;
  }
  return start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * GET /files/:id — a document's bytes, streamed. Authorised like the API (session cookie or bearer token,
 * the same access check); a missing and a foreign document are both 404. Always an attachment with a
 * safe file name, never sniffed or cached; one byte range is supported (resumed downloads).
 */
export function downloadHandler(app: App, buildContext: (req: Request, res: Response) => Promise<RequestContext>) {
  return httpRoute(app, buildContext, 'download', async (ctx, req, res) => {
    // Downloads are reads: a token needs dossiers:read, like the queries (the auth checker's rule, outside GraphQL).
    if (ctx.apiToken && !tokenHasScope(ctx.apiToken, 'dossiers:read')) throw new DomainError('FORBIDDEN');
    const document = await app.services.documents.findForDownload(ctx, String(req.params.id));
    const range = req.method === 'HEAD' ? null : parseRange(req.headers.range, document.size);
    if (req.method !== 'HEAD' && range !== 'unsatisfiable') {
      await app.services.documents.recordDownload(ctx, document, range ? `${range.start}-${range.end}` : null);
    }
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Disposition', contentDisposition.create(document.fileName, { type: 'attachment' }));
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('ETag', `"${document.sha256}"`);
    if (range === 'unsatisfiable') {
      res.status(416).setHeader('Content-Range', `bytes */${document.size}`).end();
      return;
    }
    if (range) {
      res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${document.size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.setHeader('Content-Length', String(document.size));
    }
    if (req.method === 'HEAD') { res.end(); return; }
    const stream = app.files.read(document.storageKey, range ?? undefined);
    stream.on('error', (error) => {
      app.logger.error({ err: error, documentId: document.id }, 'stored file unreadable');
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'INTERNAL_SERVER_ERROR', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy(error);
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  });
}
