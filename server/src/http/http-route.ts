import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { App } from '../app-context.js';
import { preferredLanguage, type RequestContext } from '../graphql/context.js';
import { DomainError, errorMessage, type ErrorCode } from '../graphql/errors.js';

const STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429,
};

/**
 * A plain HTTP route outside GraphQL (downloads, exports): never cached or sniffed, authorised through the
 * same request context as the API, and answering errors in the API's shape and language with an HTTP
 * status — 400/401/403/404/429 for those codes, any other refusal of the caller (a sign-in stage, say) 403,
 * anything unexpected 500 (logged, no details). `work` may stream; once it has started, a failure ends the
 * response instead.
 */
export function httpRoute(
  app: App,
  buildContext: (req: Request, res: Response) => Promise<RequestContext>,
  name: string,
  work: (ctx: RequestContext, req: Request, res: Response) => Promise<void>,
) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    let ctx: RequestContext | undefined;
    try {
      ctx = await buildContext(req, res);
      await work(ctx, req, res);
    } catch (error) {
      if (res.headersSent) { app.logger.error({ err: error }, `${name} failed midway`); res.destroy(error as Error); return; }
      const code = error instanceof DomainError ? error.code : error instanceof GraphQLError ? String(error.extensions.code) : undefined;
      if (!code || code === 'INTERNAL_SERVER_ERROR') {
        app.logger.error({ err: error }, `${name} failed`);
        res.status(500).json({ errors: [{ message: 'INTERNAL_SERVER_ERROR', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        return;
      }
      const status = STATUS[code] ?? 403;
      const answer = (status === 403 ? 'FORBIDDEN' : code) as ErrorCode;
      const extensions = error instanceof DomainError && answer === code ? { ...error.extensions, code: answer } : { code: answer };
      res.status(status).json({ errors: [{ message: errorMessage(answer, ctx?.language ?? preferredLanguage(req)), extensions }] });
    }
  };
}
