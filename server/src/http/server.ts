import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import type { App } from '../app-context.js';
import { AuthService } from '../auth/auth.service.js';
import { Passwords } from '../auth/passwords.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { SessionService } from '../auth/session.service.js';
import { SmsCodes } from '../auth/sms-codes.js';
import { RecoveryCodes } from '../auth/recovery-codes.js';
import { SecretBox } from '../auth/secret-box.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config/config.js';
import { createDataSource, isSqlite, serializeTransactions } from '../db/data-source.js';
import { type RequestContext, preferredLanguage } from '../graphql/context.js';
import { errorMessage, makeFormatError, type ErrorCode } from '../graphql/errors.js';
import { buildPortalSchema } from '../graphql/schema.js';
import { jitGateway } from '../graphql/jit-executor.js';
import { introspectionPolicy } from '../graphql/introspection.js';
import { PLAYGROUND_PATH, playgroundRouter } from './playground.js';
import { cspNonce, pageCsp } from './csp.js';
import { AccountService } from '../modules/account/account.service.js';
import { ExtraAccountsService } from '../modules/account/extra-accounts.service.js';
import { SecondStepService } from '../auth/second-step.service.js';
import { TwoFactorService } from '../auth/two-factor.service.js';
import { AuditLog } from '../modules/audit/audit.service.js';
import { EventLog } from '../modules/event/event.service.js';
import { Outbox } from '../notify/outbox.js';
import { clientDist } from '../paths.js';
import { seedDemoData } from '../demo.js';
import { Sql } from '../db/sql.js';
import { countStatements, type StatementTally } from '../db/statements.js';
import { multipartUploads } from '../files/multipart.js';
import { downloadHandler } from '../files/download.js';
import { auditExportHandler } from './audit-export.js';
import { FileStore } from '../files/storage.js';
import { NotificationDigest } from '../notify/digest.js';
import { ApiTokenService } from '../modules/api-token/api-token.service.js';
import { ClientService } from '../modules/client/client.service.js';
import { DocumentService } from '../modules/document/document.service.js';
import { DossierService } from '../modules/dossier/dossier.service.js';
import { MessageService } from '../modules/message/message.service.js';
import { ActionService } from '../modules/action/action.service.js';

export interface PortalOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Called after each /graphql or /files request with the number of SQL statements it sent (tests, benchmarks). */
  onStatements?: (count: number, req: Request) => void;
}

export interface Portal {
  app: App;
  http: Server;
  /** Starts listening; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, drains, stops the mail worker and closes the database. */
  close(): Promise<void>;
}

/** Builds the App (database migrated, services wired) without HTTP; the CLI uses this too. */
export async function createApp(options: PortalOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] });
  const ds = createDataSource(config);
  await ds.initialize();
  if (isSqlite(ds)) serializeTransactions(ds);
  const ran = await ds.runMigrations({ transaction: 'each' });
  if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
  const app = { config, clock, logger, ds, sql: new Sql(ds) } as App;
  app.files = new FileStore(config.FILES_DIR, logger);
  await app.files.init();
  app.digest = new NotificationDigest(app);
  app.audit = new AuditLog(app);
  app.events = new EventLog(app);
  app.outbox = new Outbox(config, ds, clock, logger);
  app.passwords = new Passwords(config);
  app.limiter = new RateLimiter(clock);
  app.sessions = new SessionService(app);
  app.smsCodes = new SmsCodes(app);
  app.recoveryCodes = new RecoveryCodes(app);
  app.secretBox = new SecretBox(config.APP_ENCRYPTION_KEY);
  app.services = {
    auth: new AuthService(app), secondStep: new SecondStepService(app), twoFactor: new TwoFactorService(app),
    accounts: new AccountService(app), extraAccounts: new ExtraAccountsService(app),
    apiTokens: new ApiTokenService(app), clients: new ClientService(app), dossiers: new DossierService(app),
    documents: new DocumentService(app), messages: new MessageService(app),
    actions: new ActionService(app),
  };
  return app;
}

/** Puts each GraphQL error message in the language of the request; codes stay as they are. */
const localizeErrors: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
          const code = error.extensions?.code as ErrorCode | undefined;
          const message = code && error.message === code ? errorMessage(code, contextValue.language) : undefined;
          return message ? { ...error, message } : error;
        });
      },
    };
  },
};

/** The portal: GraphQL API at /graphql and the built Angular client on the same origin. */
export async function createPortal(options: PortalOptions): Promise<Portal> {
  const app = await createApp(options);
  const { config, logger } = app;
  if (config.DEMO_DATA) await seedDemoData(app);

  const expressApp = express();
  const http = createServer(expressApp);
  expressApp.disable('x-powered-by');
  expressApp.set('trust proxy', parseTrustProxy(config.TRUST_PROXY));

  // Every response gets helmet's headers with a CSP that allows nothing: API answers, files and assets are never
  // documents that run or load anything. The two HTML pages (the client, the playground) send their own CSP with
  // a fresh style nonce (helmet rebuilding a nonce CSP for every response cost ~8 µs per request).
  expressApp.use(helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    strictTransportSecurity: config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
  }));
  // ETags on POSTed GraphQL answers and on a page with a new nonce each time never match; hashing each body
  // (~5 µs for a 4.5 kB list) is waste. Static files and downloads set their own.
  expressApp.set('etag', false);

  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    // A dossier page with 100 documents and 100 messages costs ~23,300 by armor's measure. Page sizes given as
    // variables are not counted by it, but they are capped at 100 and lists cannot nest per-dossier connections.
    costLimit: { maxCost: 25000 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const apollo = new ApolloServer<RequestContext>({
    gateway: jitGateway(await buildPortalSchema()),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Open here; in production introspectionPolicy keeps it to admins and API tokens.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo indents every response by default, which costs CPU and bytes on each request.
    stringifyResult: (result) => JSON.stringify(result),
    validationRules: armor.validationRules,
    formatError: makeFormatError(logger, config.NODE_ENV === 'development'),
    plugins: [
      // graphql-armor's typings come from Apollo's CommonJS build; the objects are the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      localizeErrors,
      introspectionPolicy(config.production),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
    ],
  });
  await apollo.start();

  /** The same context for GraphQL and downloads: a bearer token (tools) or the session cookie (browsers). */
  const buildContext = async (req: Request, res: Response): Promise<RequestContext> => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const apiToken = await app.services.apiTokens.authenticate(req);
    const resolved = apiToken ? null : await app.sessions.resolve(req, ip);
    return {
      app, req, res, ip, apiToken, memo: new Map(),
      session: resolved?.session ?? null,
      account: resolved?.account ?? null,
      language: resolved?.account.language ?? preferredLanguage(req),
    };
  };
  // Counting needs AsyncLocalStorage, whose promise hooks cost every request something: only when asked for.
  const { onStatements } = options;
  const tally = (req: Request, res: Response, next: NextFunction) => {
    if (!onStatements) { next(); return; }
    const counted: StatementTally = { count: 0 };
    res.on('finish', () => onStatements(counted.count, req));
    countStatements(counted, next);
  };

  expressApp.get('/healthz', (_req, res) => { res.json({ ok: true }); });
  expressApp.get('/files/:id', tally, downloadHandler(app, buildContext));
  expressApp.get('/admin/audit-log/export', auditExportHandler(app, buildContext));
  expressApp.use('/graphql', tally, csrfGuardForUploads,
    multipartUploads(app.files, { maxFileSize: config.uploadMaxBytes, maxFiles: config.UPLOAD_MAX_FILES }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => buildContext(req, res) }));
  expressApp.use(PLAYGROUND_PATH, playgroundRouter(app));
  serveClient(expressApp, logger, config.secureCookies);
  // Errors outside GraphQL (e.g. a malformed or oversized JSON body). Express's own handler would answer with
  // the stack trace whenever the process's NODE_ENV is not "production"; answer in the API's shape instead.
  expressApp.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) { next(err); return; }
    const { status: raw, statusCode } = (err ?? {}) as { status?: unknown; statusCode?: unknown };
    const given = Number(raw ?? statusCode);
    const status = Number.isInteger(given) && given >= 400 && given <= 599 ? given : 500;
    const code = status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    if (status >= 500) logger.error({ err }, 'unexpected HTTP error');
    res.status(status).json({ errors: [{ message: code, extensions: { code } }] });
  });

  app.outbox.start();
  app.digest.start();
  void app.files.sweep(app.sql).catch((err: unknown) => logger.error({ err }, 'file sweep failed'));
  return {
    app,
    http,
    listen: () => new Promise((resolveUrl, reject) => {
      http.once('error', reject);
      http.listen(config.PORT, config.HOST, () => {
        const address = http.address();
        const port = typeof address === 'object' && address ? address.port : config.PORT;
        resolveUrl(`http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`);
      });
    }),
    close: async () => {
      await apollo.stop();
      if (http.listening) await new Promise<void>((done) => http.close(() => done()));
      await app.digest.stop();
      await app.outbox.stop();
      app.sql.close();
      await app.ds.destroy();
    },
  };
}

/**
 * Apollo's CSRF prevention, applied before graphql-upload reads a multipart body: a browser can send a
 * cross-site multipart form without preflight, so such a request must carry a header only scripts can set.
 */
function csrfGuardForUploads(req: Request, res: Response, next: NextFunction): void {
  if (req.is('multipart/form-data') && !req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
    res.status(400).json({ errors: [{
      message: 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): send the header Apollo-Require-Preflight: true with multipart requests.',
      extensions: { code: 'BAD_REQUEST' },
    }] });
    return;
  }
  next();
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Serves the built Angular client; unknown paths get index.html (the client routes), with this response's CSP nonce. */
function serveClient(expressApp: express.Express, logger: Logger, upgradeInsecure: boolean): void {
  const indexFile = join(clientDist, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn({ clientDist }, 'web client not built; run `npm run build` (the API works without it)');
  }
  let indexHtml: string | undefined;
  expressApp.use(express.static(clientDist, {
    index: false,
    setHeaders: (res, path) => {
      // Hashed bundle names may be cached for good; everything else is revalidated.
      res.setHeader('Cache-Control', /-[A-Z0-9]{8}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  }));
  expressApp.get('/{*splat}', (req: Request, res: Response) => {
    if (req.path.startsWith('/graphql')) { res.status(404).end(); return; }
    if (!indexHtml) {
      if (!existsSync(indexFile)) { res.status(503).type('text').send('The web client is not built. Run: npm run build'); return; }
      indexHtml = readFileSync(indexFile, 'utf8');
    }
    const nonce = cspNonce();
    // Angular sets style attributes on elements at run time.
    res.setHeader('Content-Security-Policy', pageCsp(nonce, upgradeInsecure, { 'style-src-attr': "'unsafe-inline'" }));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(indexHtml.replaceAll('__CSP_NONCE__', nonce));
  });
}
