#!/usr/bin/env node
// The baseline: a bare node:http server answering the benchmarked GraphQL operations (by operationName)
// with hand-written SQL (baseline/queries.mjs) and the same JSON as the portal, plus POST /login that
// only runs argon2.verify with the server's parameters. No GraphQL execution, no framework.
// Env: DATABASE_URL, SESSION_SECRET, PORT, PASSWORD_HASH. Listens on 127.0.0.1 and prints its URL.
import { createServer } from 'node:http';
import { serverRequire } from '../lib/common.mjs';
import { dossierList, dossierPage, openDb, viewer } from './queries.mjs';

const argon2 = serverRequire('argon2');
const db = await openDb(process.env.DATABASE_URL);
const secret = process.env.SESSION_SECRET;
const passwordHash = process.env.PASSWORD_HASH;

const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      if (req.url === '/login') {
        const ok = await argon2.verify(passwordHash, String(body.variables?.password ?? ''));
        send(res, 200, { data: { login: { status: ok ? 'SIGNED_IN' : 'INVALID' } } });
        return;
      }
      if (req.url === '/statements') { send(res, 200, { statements: db.statements }); return; }
      if (req.url !== '/graphql') { send(res, 404, {}); return; }
      const v = await viewer(db, secret, req.headers.cookie);
      if (!v) { send(res, 200, { errors: [{ message: 'UNAUTHENTICATED', extensions: { code: 'UNAUTHENTICATED' } }], data: null }); return; }
      const vars = body.variables ?? {};
      switch (body.operationName) {
        case 'DossierPage': send(res, 200, await dossierPage(db, v, vars.id, vars.first ?? 20)); return;
        case 'DossierList': send(res, 200, await dossierList(db, v, vars.filter, vars.first ?? 20, 'fts')); return;
        case 'DossierListLike': send(res, 200, await dossierList(db, v, vars.filter, vars.first ?? 20, 'like')); return;
        default: send(res, 400, { errors: [{ message: `unknown operation ${body.operationName}` }] });
      }
    } catch (error) {
      send(res, 500, { errors: [{ message: String(error?.message ?? error) }] });
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
const stop = () => server.close(() => db.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
