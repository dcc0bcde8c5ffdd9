#!/usr/bin/env node
// Contender 1: SQL statements per operation. Starts the portal in-process (createPortal) on the
// benchmark database, counts every statement TypeORM sends (wrapping the data source's logger, which
// also covers the server's own StatementCounter), and runs each operation twice, sequentially: the
// second run's count is reported (the first may touch the session). The same operations through the
// hand-written SQL of baseline/queries.mjs are counted with its own counter (+1 for the session lookup).
// Prints one JSON object on stdout. Env: the portal's (see run.mjs) plus BENCH_META (the dataset file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverDist } from './lib/common.mjs';
import { QUERIES, dossierList, dossierPage, openDb } from './baseline/queries.mjs';

const meta = JSON.parse(readFileSync(process.env.BENCH_META, 'utf8'));
const { loadConfig } = await import(pathToFileURL(join(serverDist, 'config/config.js')).href);
const { createPortal } = await import(pathToFileURL(join(serverDist, 'http/server.js')).href);
// Per request through the server's own counter (onStatements, AsyncLocalStorage) when it has one;
// otherwise every statement the data source logs (requests are sequential, background work is idle).
let statements = 0;
let perRequest = null;
const portal = await createPortal({ config: loadConfig(process.env), onStatements: (count) => { perRequest = (perRequest ?? 0) + count; } });
const url = await portal.listen();
const logger = portal.app.ds.logger;
const original = logger.logQuery.bind(logger);
logger.logQuery = (query, parameters, runner) => { statements++; return original(query, parameters, runner); };

async function gql(cookie, operationName, variables, query = QUERIES[operationName]) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ operationName, query, variables }) });
  const setCookie = res.headers.get('set-cookie');
  return { body: await res.json(), cookie: setCookie ? setCookie.split(';')[0] : null };
}
async function counted(fn) {
  await fn();
  await new Promise((r) => setTimeout(r, 20));
  const before = statements;
  perRequest = null;
  const result = await fn();
  await new Promise((r) => setTimeout(r, 20));
  return { statements: perRequest ?? statements - before, logged: statements - before, result };
}

const out = { portal: {}, baseline: {}, errors: [] };
try {
  const LOGIN = 'mutation Login($identifier: String!, $password: String!) { login(identifier: $identifier, password: $password) { status } }';
  const login = await counted(() => gql(null, 'Login', { identifier: meta.bigClient.email, password: meta.password }, LOGIN));
  out.portal.login = login.statements;
  const client = login.result.cookie;
  const staff = (await gql(null, 'Login', { identifier: meta.staff.email, password: meta.password }, LOGIN)).cookie;
  const dossier = meta.bigClient.sampleDossier.id;
  const scenarios = {
    'dossier page, first 10': [client, 'DossierPage', { id: dossier, first: 10 }],
    'dossier page, first 50': [client, 'DossierPage', { id: dossier, first: 50 }],
    'dossier list (client), first 10': [client, 'DossierList', { first: 10 }],
    'dossier list (client), first 50': [client, 'DossierList', { first: 50 }],
    'dossier list (staff), first 50': [staff, 'DossierList', { first: 50 }],
    'search common (client), first 20': [client, 'DossierList', { filter: { search: meta.terms.common.term }, first: 20 }],
  };
  for (const [name, [cookie, op, vars]] of Object.entries(scenarios)) {
    const r = await counted(() => gql(cookie, op, vars));
    out.portal[name] = r.statements;
    if (r.result.body.errors) out.errors.push({ name, errors: r.result.body.errors });
  }
  const db = await openDb(process.env.DATABASE_URL);
  const viewers = {
    client: { accountId: meta.bigClient.accountId, clientId: meta.bigClient.clientId, office: false, en: false },
    staff: { accountId: meta.staff.accountId, clientId: null, office: true, en: false },
  };
  const base = {
    'dossier page, first 10': () => dossierPage(db, viewers.client, dossier, 10),
    'dossier page, first 50': () => dossierPage(db, viewers.client, dossier, 50),
    'dossier list (client), first 10': () => dossierList(db, viewers.client, null, 10),
    'dossier list (client), first 50': () => dossierList(db, viewers.client, null, 50),
    'dossier list (staff), first 50': () => dossierList(db, viewers.staff, null, 50),
    'search common (client), first 20': () => dossierList(db, viewers.client, { search: meta.terms.common.term }, 20),
  };
  for (const [name, fn] of Object.entries(base)) {
    const before = db.statements;
    await fn();
    out.baseline[name] = db.statements - before + 1; // + the session lookup
  }
  await db.close();
} catch (error) {
  out.errors.push({ fatal: String(error?.stack ?? error) });
} finally {
  await portal.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
