import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { App } from '../app-context.js';
import { isSignedInAdmin } from '../graphql/introspection.js';
import { serverRoot } from '../paths.js';
import { cspNonce, pageCsp } from './csp.js';

/** Where the GraphQL playground (GraphiQL) is served; documented in the README. */
export const PLAYGROUND_PATH = '/admin/graphql';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const ownDir = join(serverRoot, 'assets', 'playground');

/**
 * Everything the page loads, from the portal itself: GraphiQL's UMD bundle and the React 18 UMD builds it
 * runs on (from node_modules, so the playground works without internet), plus its own starter and style.
 */
const ASSETS: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  'playground.js': join(ownDir, 'playground.js'),
  'playground.css': join(ownDir, 'playground.css'),
};

const asset = (name: string) => `${PLAYGROUND_PATH}/assets/${name}`;

const page = (nonce: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>GraphQL playground – Dossierportaal</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<link rel="stylesheet" href="${asset('playground.css')}">
</head>
<body>
<div id="graphiql"></div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('playground.js')}" nonce="${nonce}"></script>
</body>
</html>
`;

/**
 * The playground's CSP: the nonce admits the <style> elements GraphiQL's dialogs insert; its fonts are data: URLs
 * in its stylesheet; it has no links or forms to follow.
 */
const playgroundCsp = (nonce: string, upgradeInsecure: boolean) =>
  pageCsp(nonce, upgradeInsecure, { 'font-src': "'self' data:", 'base-uri': "'none'", 'form-action': "'none'" });

/**
 * The GraphQL playground at PLAYGROUND_PATH, for signed-in administrators only (session cookie, sign-in
 * completed). For anyone else every path under it answers exactly as an unknown path does (the router is
 * skipped), so it does not even show that the playground exists. Tools use /graphql with their API token.
 */
export function playgroundRouter(app: App): Router {
  const router = express.Router();
  router.use(async (req: Request, _res: Response, next: NextFunction) => {
    const resolved = await app.sessions.resolve(req, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    next(isSignedInAdmin(resolved?.session ?? null, resolved?.account ?? null) ? undefined : 'router');
  });
  router.get('/', (_req: Request, res: Response) => {
    const nonce = cspNonce();
    res.setHeader('Content-Security-Policy', playgroundCsp(nonce, app.config.secureCookies));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page(nonce));
  });
  router.get('/assets/:name', (req: Request, res: Response, next: NextFunction) => {
    const file = Object.hasOwn(ASSETS, req.params.name as string) ? ASSETS[req.params.name as string] : undefined;
    if (!file) { next('router'); return; }
    res.sendFile(file, { headers: { 'Cache-Control': 'private, no-cache' } }, (err) => { if (err) next(err); });
  });
  return router;
}
