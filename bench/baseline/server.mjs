#!/usr/bin/env node
// The baseline: a bare node:http server answering the benchmarked GraphQL operations (by operationName)
// with hand-written SQL (baseline/queries.mjs) and the same JSON as the portal, plus POST /login that
// only runs argon2.verify with the server's parameters, plus PUT /upload/<name> that stores the body durably the
// plain Node way (SHA-256 on the way, written through the page cache, fsync before answering): the floor of the
// portal's durable upload on this machine; and PUT /discard, which only reads the body (what receiving alone
// costs). No GraphQL execution, no framework.
// Env: DATABASE_URL, SESSION_SECRET, PORT, PASSWORD_HASH, UPLOAD_DIR. Listens on 127.0.0.1 and prints its URL.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

/** The request body to UPLOAD_DIR/<name>, hashed on the way, fsynced (file and folder) before the answer. */
async function upload(req, res) {
  const name = req.url.slice('/upload/'.length);
  if (!/^[\w.-]+$/.test(name)) { send(res, 400, {}); return; }
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({ transform(chunk, _e, done) { size += chunk.length; hash.update(chunk); done(null, chunk); } });
  // flush: the stream fsyncs the file before it closes it, and pipeline waits for that.
  await pipeline(req, hashing, createWriteStream(join(process.env.UPLOAD_DIR, name), { flush: true }));
  const dir = await open(process.env.UPLOAD_DIR, 'r');
  await dir.sync();
  await dir.close();
  send(res, 200, { size, sha256: hash.digest('hex') });
}

const server = createServer((req, res) => {
  if (req.method === 'PUT' && req.url === '/discard') {
    let size = 0;
    req.on('data', (chunk) => { size += chunk.length; });
    req.on('end', () => send(res, 200, { size }));
    return;
  }
  if (req.method === 'PUT' && req.url.startsWith('/upload/')) {
    upload(req, res).catch((error) => send(res, 500, { errors: [{ message: String(error?.message ?? error) }] }));
    return;
  }
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
