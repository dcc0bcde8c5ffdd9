#!/usr/bin/env node
// npm run bench [-- --quick] [--db sqlite:<file>|mariadb://root@127.0.0.1:3306/<db>] [--seed N] [--rounds N]
//
// Every contender against its baseline in one run: servers on CPU 0 (taskset -c 0), this process and
// its load generator (autocannon, or plain streaming clients for big files) on CPU 1. Rounds are
// interleaved (portal, baseline, portal, … alternating who goes first), each figure is the median of
// the rounds, and the main figure is server CPU per operation from /proc/<pid>/stat (utime+stime).
// Writes bench/results/<date>-<dialect>[-quick].md. Reports figures; never fails on a timing.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, closeSync, fsyncSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDir, dataDir, datasetFromArgs, fmt, parseArgs, readMatchingMeta, rootDir, serverRequire } from './lib/common.mjs';
import { cpuSeconds, freePort, rssBytes, rssSampler, start, stop, stopAll } from './lib/procs.mjs';
import { QUERIES, openDb } from './baseline/queries.mjs';

const autocannon = (await import('autocannon')).default;
const args = parseArgs();
const quick = Boolean(args.quick);
const ds = datasetFromArgs(args);
const started = Date.now();
const loadAtStart = os.loadavg()[0];
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const P = {
  rounds: Number(args.rounds ?? 3),
  seconds: quick ? 1 : 4,
  searchSeconds: quick ? 0.3 : 2,
  warmSeconds: quick ? 0.3 : 1,
  loginSeconds: quick ? 1 : 3,
  bigFile: quick ? 128 * 1024 ** 2 : 1024 ** 3,
  smallFile: 100 * 1024,
  connections: 8,
};
/** `--only statements,pages,search,login,files` runs a subset (for investigating one figure). */
const only = args.only && args.only !== true ? new Set(String(args.only).split(',')) : null;
const wanted = (section) => !only || only.has(section);
if (args['file-mb']) P.bigFile = Number(args['file-mb']) * 1024 ** 2;
const SERVER_CPU = '0';
/** MariaDB's own CPU per operation is measured too (its server is shared, so it is not pinned). */
const dbPid = ds.dialect === 'mariadb' ? (() => { try { return Number(execFileSync('pidof', ['mariadbd']).toString().trim().split(/\s+/)[0]); } catch { return null; } })() : null;
const dbCpu = () => (dbPid ? cpuSeconds(dbPid) : 0);
const LOAD_CPU = '1';
const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); if (!s.length) return NaN; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

// This process (and autocannon in it) on CPU 1; servers get CPU 0 explicitly.
try { execFileSync('taskset', ['-a', '-p', '-c', LOAD_CPU, String(process.pid)], { stdio: 'ignore' }); } catch { log('taskset unavailable: not pinned'); }

// ---------------------------------------------------------------- dataset
let meta = readMatchingMeta(ds);
if (!meta) {
  log(`no matching dataset at ${ds.db}; generating it (npm run bench:data does the same)`);
  const { generate } = await import(pathToFileURL(join(benchDir, 'data.mjs')).href);
  meta = await generate(ds);
} else log(`dataset ${ds.label} seed ${ds.seed} found (${ds.db})`);

const schema = readFileSync(join(rootDir, 'schema.graphql'), 'utf8');
const has = (name) => new RegExp(`\\b${name}\\(`).test(schema);
const notes = [];
const results = {};

const filesDir = join(dataDir, `files-${ds.dialect}-${ds.label}`);
const tmpDir = join(dataDir, 'tmp');
/** Where the bare baseline's PUT /upload stores (same filesystem as the portal's files). */
const baselineUploadDir = join(filesDir, 'baseline-upload');
for (const dir of [filesDir, tmpDir, baselineUploadDir]) mkdirSync(dir, { recursive: true });

const portalEnv = (port) => ({
  NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: ds.db, FILES_DIR: filesDir, TMPDIR: tmpDir,
  SESSION_SECRET: 'bench-session-secret-0123456789abcdef-0123', APP_ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef-0123',
  TWO_FACTOR_REQUIRED_ROLES: '', LOGIN_IP_LIMIT_PER_MINUTE: '100000000', API_TOKEN_LIMIT_PER_MINUTE: '100000000', SESSION_IDLE_MINUTES: '600',
  UPLOAD_MAX_MB: String(Math.ceil(P.bigFile / MiB) + 16), LOG_LEVEL: 'warn', MAIL_POLL_SECONDS: '3600', DEMO_DATA: 'false',
});

// ---------------------------------------------------------------- helpers
const httpReady = (url) => async () => { const r = await fetch(url); return r.status < 500; };

async function gql(base, cookie, operationName, variables, query = QUERIES[operationName], path = '/graphql') {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ operationName, query, variables }) });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, body: await res.json(), cookie: setCookie ? setCookie.split(';')[0] : null };
}

const LOGIN = 'mutation Login($identifier: String!, $password: String!) { login(identifier: $identifier, password: $password) { status } }';

/** A server that died (it happens when other people's test runs share the machine) is noted and started again. */
async function alive(target) {
  if (!target.proc.exited) return;
  notes.push(`${target.name} (pid ${target.proc.pid}) exited unexpectedly (code ${target.proc.exitCode}, signal ${target.proc.exitSignal}); restarted. Output tail: ${target.proc.output.slice(-300).replace(/\s+/g, ' ')}`);
  log(`${target.name} died (${target.proc.exitSignal ?? target.proc.exitCode}); restarting`);
  target.proc = await target.start();
}

/** One autocannon run against `target` with the server's CPU time around it. */
async function measure(target, req, seconds, connections) {
  await alive(target);
  const cpu0 = cpuSeconds(target.pid, target.withChildren);
  const db0 = dbCpu();
  const t0 = performance.now();
  const r = await autocannon({ url: target.url + req.path, method: req.method ?? 'POST', headers: req.headers, body: req.body, connections, duration: seconds, timeout: 60 });
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(target.pid, target.withChildren) - cpu0;
  const dbMs = (dbCpu() - db0) * 1000;
  const ok = r['2xx'];
  if (target.proc.exited) return { ok: 0, bad: 1, rps: NaN, p50: NaN, p99: NaN, mean: NaN, cpuMsPerOp: NaN, bytesPerSec: NaN };
  return { ok, bad: r.non2xx + r.errors + r.timeouts, rps: ok / wall, p50: r.latency.p50, p99: r.latency.p99, mean: (wall * 1000 * connections) / (ok || NaN), cpuMsPerOp: ok ? (cpu * 1000) / ok : NaN, dbCpuMsPerOp: dbPid && ok ? dbMs / ok : NaN, bytesPerSec: r.throughput.average };
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
function once(url, req) {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: req.method ?? 'POST', headers: req.headers, agent: keepAlive }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** One request at a time for `seconds` (latency with sub-millisecond resolution), server CPU around it. */
async function sequential(target, req, seconds) {
  await alive(target);
  const url = target.url + req.path;
  const cpu0 = cpuSeconds(target.pid, target.withChildren);
  const db0 = dbCpu();
  const t0 = performance.now();
  const times = [];
  let bad = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const t = performance.now();
    const status = await once(url, req).catch(() => 0);
    if (status >= 200 && status < 300) times.push(performance.now() - t); else bad++;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(target.pid, target.withChildren) - cpu0;
  const dbMs = (dbCpu() - db0) * 1000;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { ok: times.length, bad, rps: times.length / wall, p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length, cpuMsPerOp: (cpu * 1000) / times.length, dbCpuMsPerOp: dbPid ? dbMs / times.length : NaN, bytesPerSec: NaN };
}

/** Interleaved rounds over `cases` (each: name, contenders {label: {target, req}}); medians per figure. */
async function rounds(title, cases, seconds, connections, { warm = true, warmSeconds = P.warmSeconds } = {}) {
  const out = {};
  const run = (target, req, s) => (connections === 1 ? sequential(target, req, s) : measure(target, req, s, connections));
  if (warm) for (const c of cases) for (const [, { target, req }] of Object.entries(c.contenders)) await run(target, req, warmSeconds);
  for (let round = 0; round < P.rounds; round++) {
    for (const c of cases) {
      const entries = Object.entries(c.contenders);
      if (round % 2) entries.reverse();
      for (const [label, { target, req }] of entries) {
        const m = await run(target, req, seconds);
        ((out[c.name] ??= {})[label] ??= []).push(m);
      }
    }
    log(`${title}: round ${round + 1}/${P.rounds} done`);
  }
  const med = {};
  for (const [name, byLabel] of Object.entries(out)) {
    med[name] = {};
    for (const [label, ms] of Object.entries(byLabel)) {
      med[name][label] = Object.fromEntries(['rps', 'p50', 'p99', 'mean', 'cpuMsPerOp', 'dbCpuMsPerOp', 'bytesPerSec'].map((k) => [k, median(ms.map((m) => m[k]))]));
      med[name][label].bad = ms.reduce((s, m) => s + m.bad, 0);
    }
  }
  return med;
}

function firstDifference(a, b, path = '') {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '.'}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) { const d = firstDifference(a[k], b[k], `${path}.${k}`); if (d) return d; }
  return null;
}

function streamRequest(url, { method, headers, parts }) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    (async () => {
      for (const part of parts) {
        if (typeof part === 'string' || Buffer.isBuffer(part)) { if (!req.write(part)) await new Promise((r) => req.once('drain', r)); continue; }
        for await (const chunk of createReadStream(part.file, { highWaterMark: MiB })) { if (!req.write(chunk)) await new Promise((r) => req.once('drain', r)); }
      }
      req.end();
    })().catch(reject);
  });
}

function download(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    request(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve({ status: res.statusCode, bytes, seconds: (performance.now() - t0) / 1000 }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

function makeFile(path, size) {
  if (existsSync(path) && statSync(path).size === size) return;
  const fd = openSync(path, 'w');
  closeSync(fd);
  const out = createWriteStream(path);
  const block = Buffer.alloc(MiB);
  let x = 0x2545f491;
  for (let i = 0; i < block.length; i += 4) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; block.writeInt32LE(x | 0, i); }
  Buffer.from('%PDF-1.7\n% dossierportaal benchmark file\n').copy(block);
  return new Promise((resolve, reject) => {
    let written = 0;
    const more = () => {
      while (written < size) {
        const n = Math.min(block.length, size - written);
        written += n;
        if (!out.write(n === block.length ? block : block.subarray(0, n))) { out.once('drain', more); return; }
      }
      out.end(resolve);
    };
    out.on('error', reject);
    more();
  });
}

// ---------------------------------------------------------------- run
let portal, baseline, nginx;
/** A benchmarked server: `pid` always names the live process, `start` brings it (back) up. */
function server(name, url, startFn, withChildren = false) {
  return { name, url, withChildren, start: startFn, proc: null, get pid() { return this.proc.pid; }, get output() { return this.proc?.output ?? ''; }, async init() { this.proc = await startFn(); } };
}
try {
  // Contender 1: statement counts (in-process portal, sequential requests).
  if (wanted('statements')) {
    log('statements per operation (in-process portal)');
    const port = await freePort();
    const env = { ...process.env, ...portalEnv(port), BENCH_META: ds.metaFile };
    const text = await new Promise((resolve, reject) => {
      const child = spawn('taskset', ['-c', SERVER_CPU, process.execPath, join(benchDir, 'statements.mjs')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`statements.mjs exited ${code}: ${out.slice(-2000)}`))));
    });
    results.statements = JSON.parse(text.trim().split('\n').at(-1));
    for (const e of results.statements.errors) notes.push(`statement-count run: ${JSON.stringify(e).slice(0, 300)}`);
  }

  // The portal as deployed, and the bare baseline; both on CPU 0.
  const portalPort = await freePort();
  portal = server('portal', `http://127.0.0.1:${portalPort}`, () => start('portal', process.execPath, [...(process.env.BENCH_PORTAL_FLAGS ? process.env.BENCH_PORTAL_FLAGS.split(' ') : []), join(rootDir, 'server/dist/server/src/main.js')], { env: portalEnv(portalPort), cpu: SERVER_CPU, ready: httpReady(`http://127.0.0.1:${portalPort}/healthz`) }));
  await portal.init();
  const db = await openDb(ds.db);
  const [{ passwordHash }] = await db.all('SELECT passwordHash FROM account WHERE email = ?', [meta.staff.email]);
  const basePort = await freePort();
  baseline = server('baseline', `http://127.0.0.1:${basePort}`, () => start('baseline', process.execPath, [join(benchDir, 'baseline/server.mjs')], {
    env: { DATABASE_URL: ds.db, SESSION_SECRET: portalEnv(0).SESSION_SECRET, PORT: String(basePort), PASSWORD_HASH: passwordHash, UPLOAD_DIR: baselineUploadDir, NODE_ENV: 'production' },
    cpu: SERVER_CPU, ready: httpReady(`http://127.0.0.1:${basePort}/nope`),
  }));
  await baseline.init();
  log(`portal pid ${portal.pid}, baseline pid ${baseline.pid}`);

  const cookies = {};
  for (const [who, email] of [['staff', meta.staff.email], ['client', meta.bigClient.email], ['small', meta.smallClient.email]]) {
    const r = await gql(portal.url, null, 'Login', { identifier: email, password: meta.password }, LOGIN);
    if (!r.cookie || r.body.errors) throw new Error(`login of ${email} failed: ${JSON.stringify(r.body)}`);
    cookies[who] = r.cookie;
  }
  const json = (cookie, operationName, variables) => ({
    path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ operationName, query: QUERIES[operationName], variables }),
  });
  const pair = (cookie, op, vars, baseOp = op) => ({
    portal: { target: portal, req: json(cookie, op, vars) },
    baseline: { target: baseline, req: json(cookie, baseOp, vars) },
  });

  // Same JSON from both?
  const check = async (name, cookie, op, vars, baseOp = op) => {
    const a = await gql(portal.url, cookie, op, vars);
    const b = await gql(baseline.url, cookie, baseOp, vars);
    const diff = a.body.errors ? `portal errors: ${JSON.stringify(a.body.errors).slice(0, 300)}` : b.body.errors ? `baseline errors: ${JSON.stringify(b.body.errors).slice(0, 300)}` : firstDifference(a.body.data, b.body.data);
    (results.sameJson ??= {})[name] = diff ?? 'same';
    if (diff) notes.push(`${name}: portal and baseline answers differ — ${diff}`);
    return !a.body.errors;
  };

  // Contender 2: dossier page and dossier list.
  const dossierId = meta.bigClient.sampleDossier.id;
  const pageCases = [
    { name: 'dossier page (client, 10 per list)', contenders: pair(cookies.client, 'DossierPage', { id: dossierId, first: 10 }) },
    { name: 'dossier page (client, 50 per list)', contenders: pair(cookies.client, 'DossierPage', { id: dossierId, first: 50 }) },
    { name: 'dossier list (client, 20)', contenders: pair(cookies.client, 'DossierList', { first: 20 }) },
    { name: 'dossier list (staff, 20)', contenders: pair(cookies.staff, 'DossierList', { first: 20 }) },
  ];
  const pageOk = [];
  for (const c of wanted('pages') ? pageCases : []) {
    const v = JSON.parse(c.contenders.portal.req.body);
    const ok = await check(c.name, c.contenders.portal.req.headers.cookie, v.operationName, v.variables);
    if (ok) pageOk.push(c); else notes.push(`${c.name}: skipped (portal answered with errors)`);
  }
  if (pageOk.length) { log('dossier page and list'); results.pages = await rounds('pages', pageOk, P.seconds, P.connections, { warm: !quick }); }

  // Contender 3: search newest-20, rare/medium/common, staff and client; FTS as the portal does, and a LIKE scan.
  const searchCases = [];
  for (const level of wanted('search') ? ['rare', 'medium', 'common'] : []) {
    for (const who of ['staff', 'client']) {
      const vars = { filter: { search: meta.terms[level].term }, first: 20 };
      const name = `search ${level} "${meta.terms[level].term}" (${who})`;
      const c = { name, level, who, contenders: { ...pair(cookies[who], 'DossierList', vars), like: { target: baseline, req: json(cookies[who], 'DossierListLike', vars) } } };
      if (await check(name, cookies[who], 'DossierList', vars)) searchCases.push(c);
      const like = await gql(baseline.url, cookies[who], 'DossierListLike', vars);
      const fts = await gql(baseline.url, cookies[who], 'DossierList', vars);
      c.matches = fts.body.data?.dossiers.totalCount;
      if (like.body.data?.dossiers.totalCount !== c.matches) notes.push(`${name}: LIKE finds ${like.body.data?.dossiers.totalCount}, full-text ${c.matches}`);
    }
  }
  if (searchCases.length) {
    log('search');
    results.search = await rounds('search', searchCases, P.searchSeconds, 1, { warm: !quick });
    results.searchCases = searchCases.map(({ name, level, who, matches }) => ({ name, level, who, matches }));
  }

  // Contender 6: login, sequential (p50), vs a bare argon2.verify behind node:http.
  if (wanted('login')) {
    log('login');
    const body = (op) => JSON.stringify({ operationName: 'Login', query: LOGIN, variables: { identifier: meta.smallClient.email, password: meta.password } });
    const loginCase = {
      name: 'login (lookup + argon2id + session)',
      contenders: {
        portal: { target: portal, req: { path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: body() } },
        baseline: { target: baseline, req: { path: '/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: body() } },
      },
    };
    const probe = await gql(portal.url, null, 'Login', { identifier: meta.smallClient.email, password: meta.password }, LOGIN);
    if (probe.body.errors) notes.push(`login: ${JSON.stringify(probe.body.errors).slice(0, 200)}`);
    // A login runs code no other request runs; V8 is still compiling it for the first ~2,000 (~1 ms per login more
    // than a warm server pays), so the login warms up longer than the other contenders.
    results.login = await rounds('login', [loginCase], P.loginSeconds, 1, { warmSeconds: quick ? P.warmSeconds : 15 });
    const argon2 = serverRequire('argon2');
    const times = [];
    for (let i = 0; i < (quick ? 10 : 30); i++) { const t = performance.now(); await argon2.verify(passwordHash, meta.password); times.push(performance.now() - t); }
    results.argon2InProcess = median(times);
  }

  // nginx on CPU 0 with a config of our own: sendfile for downloads, WebDAV PUT for uploads.
  const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  const needFiles = has('publishDocument') && wanted('files');
  if (!has('publishDocument')) notes.push('upload and download: skipped — publishDocument is not in schema.graphql yet');
  if (has('publishDocument') && wanted('files') && !nginxBin) notes.push('upload and download: nginx not installed (apt-get install -y nginx); nginx baselines skipped');
  if (needFiles && nginxBin) {
    const nginxDir = join(dataDir, 'nginx');
    const davDir = join(filesDir, 'dav');
    rmSync(nginxDir, { recursive: true, force: true });
    for (const d of [nginxDir, davDir, join(nginxDir, 'tmp')]) mkdirSync(d, { recursive: true });
    const nginxPort = await freePort();
    writeFileSync(join(nginxDir, 'nginx.conf'), `daemon off;
user root;
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_max_body_size 0;
  client_body_temp_path ${filesDir}/nginx-body;
  proxy_temp_path ${nginxDir}/tmp; fastcgi_temp_path ${nginxDir}/tmp; uwsgi_temp_path ${nginxDir}/tmp; scgi_temp_path ${nginxDir}/tmp;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${filesDir};
    location /dav/ { dav_methods PUT; create_full_put_path on; client_body_buffer_size 1m; }
  }
}
`);
    nginx = server('nginx', `http://127.0.0.1:${nginxPort}`, () => start('nginx', nginxBin, ['-c', join(nginxDir, 'nginx.conf'), '-e', join(nginxDir, 'error.log')], { cpu: SERVER_CPU, ready: httpReady(`http://127.0.0.1:${nginxPort}/`) }), true);
    await nginx.init();

    const bigPath = join(dataDir, `upload-${P.bigFile / MiB}m.pdf`);
    const smallPath = join(dataDir, 'upload-100k.pdf');
    await makeFile(bigPath, P.bigFile);
    await makeFile(smallPath, P.smallFile);
    const boundary = '----dossierportaal-bench-boundary';
    const publish = async (file, size, title) => {
      const operations = JSON.stringify({ query: 'mutation Publish($input: PublishDocumentInput!) { publishDocument(input: $input) { id size sha256 } }', variables: { input: { dossierId, category: 'DOCUMENT', title, file: null, notify: false } } });
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const r = await streamRequest(`${portal.url}/graphql`, {
        method: 'POST', parts: [head, { file }, tail],
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(head) + size + Buffer.byteLength(tail), 'apollo-require-preflight': 'true', cookie: cookies.staff },
      });
      const body = JSON.parse(r.body);
      if (body.errors || !body.data?.publishDocument) throw new Error(`publishDocument failed (${r.status}): ${r.body.slice(0, 500)}`);
      return body.data.publishDocument.id;
    };
    const storageKeyOf = async (id) => (await db.all('SELECT storageKey FROM document WHERE id = ?', [id]))[0].storageKey;

    // Contender 5: durable upload of the big file.
    log(`upload ${P.bigFile / MiB} MiB`);
    await alive(portal);
    const up = { portal: [], nginx: [], nginxSynced: [], node: [], drop: [], cp: [] };
    let bigDocId = null;
    const portalIds = [];
    for (let round = 0; round < P.rounds; round++) {
      const order = round % 2 ? ['cp', 'drop', 'node', 'nginx', 'portal'] : ['portal', 'nginx', 'node', 'drop', 'cp'];
      for (const who of order) {
        if (who === 'portal') {
          const rss0 = rssBytes(portal.pid); const cpu0 = cpuSeconds(portal.pid); const sampler = rssSampler(portal.pid); const t0 = performance.now();
          const id = await publish(bigPath, P.bigFile, `Benchmark ${P.bigFile / MiB} MiB`);
          const seconds = (performance.now() - t0) / 1000;
          up.portal.push({ mbps: P.bigFile / MiB / seconds, cpuPerGiB: (cpuSeconds(portal.pid) - cpu0) / (P.bigFile / GiB), rssGrowth: sampler.stop() - rss0 });
          if (bigDocId) rmSync(join(filesDir, await storageKeyOf(bigDocId)), { force: true });
          bigDocId = id;
          portalIds.push(id);
        } else if (who === 'nginx') {
          const target = join(davDir, 'big.pdf');
          rmSync(target, { force: true });
          const rss0 = rssBytes(nginx.pid, true); const cpu0 = cpuSeconds(nginx.pid, true); const sampler = rssSampler(nginx.pid, true); const t0 = performance.now();
          const r = await streamRequest(`${nginx.url}/dav/big.pdf`, { method: 'PUT', parts: [{ file: bigPath }], headers: { 'content-length': P.bigFile } });
          const seconds = (performance.now() - t0) / 1000;
          if (r.status >= 300) throw new Error(`nginx PUT: ${r.status} ${r.body.slice(0, 200)}`);
          const cpu = cpuSeconds(nginx.pid, true) - cpu0;
          up.nginx.push({ mbps: P.bigFile / MiB / seconds, cpuPerGiB: cpu / (P.bigFile / GiB), rssGrowth: sampler.stop() - rss0 });
          const t1 = performance.now();
          const fd = openSync(target, 'r'); fsyncSync(fd); closeSync(fd);
          up.nginxSynced.push({ mbps: P.bigFile / MiB / (seconds + (performance.now() - t1) / 1000), cpuPerGiB: cpu / (P.bigFile / GiB), rssGrowth: NaN });
        } else if (who === 'node' || who === 'drop') {
          const target = join(baselineUploadDir, 'big.pdf');
          rmSync(target, { force: true });
          const rss0 = rssBytes(baseline.pid); const cpu0 = cpuSeconds(baseline.pid); const sampler = rssSampler(baseline.pid); const t0 = performance.now();
          const r = await streamRequest(`${baseline.url}${who === 'node' ? '/upload/big.pdf' : '/discard'}`, { method: 'PUT', parts: [{ file: bigPath }], headers: { 'content-length': P.bigFile } });
          const seconds = (performance.now() - t0) / 1000;
          if (r.status !== 200 || JSON.parse(r.body).size !== P.bigFile) throw new Error(`baseline PUT: ${r.status} ${r.body.slice(0, 200)}`);
          up[who].push({ mbps: P.bigFile / MiB / seconds, cpuPerGiB: (cpuSeconds(baseline.pid) - cpu0) / (P.bigFile / GiB), rssGrowth: sampler.stop() - rss0 });
          rmSync(target, { force: true });
        } else {
          const target = join(filesDir, 'cp-target.pdf');
          rmSync(target, { force: true });
          const t0 = performance.now();
          const out = execFileSync('taskset', ['-c', SERVER_CPU, 'sh', '-c', `cp "$1" "$2" && sync "$2" && cat /proc/$$/stat`, 'sh', bigPath, target]).toString();
          const seconds = (performance.now() - t0) / 1000;
          const f = out.slice(out.lastIndexOf(')') + 2).split(' ');
          up.cp.push({ mbps: P.bigFile / MiB / seconds, cpuPerGiB: (Number(f[13]) + Number(f[14])) / 100 / (P.bigFile / GiB), rssGrowth: NaN });
          rmSync(target, { force: true });
        }
      }
      log(`upload: round ${round + 1}/${P.rounds} done`);
    }
    rmSync(join(davDir, 'big.pdf'), { force: true });
    results.upload = Object.fromEntries(Object.entries(up).map(([k, ms]) => [k, Object.fromEntries(['mbps', 'cpuPerGiB', 'rssGrowth'].map((f) => [f, median(ms.map((m) => m[f]))]))]));

    // Contender 4: download of the big file (the one just uploaded) and 32 concurrent 100 KiB downloads.
    log(`download ${P.bigFile / MiB} MiB`);
    await alive(portal);
    await alive(nginx);
    const bigKey = await storageKeyOf(bigDocId);
    const smallId = await publish(smallPath, P.smallFile, 'Benchmark 100 KiB');
    const smallKey = await storageKeyOf(smallId);
    const probe = await download(`${portal.url}/files/${bigDocId}`, { cookie: cookies.staff });
    if (probe.status !== 200 || probe.bytes !== P.bigFile) throw new Error(`portal download: status ${probe.status}, ${probe.bytes} bytes`);
    const down = { portal: [], nginx: [] };
    for (let round = 0; round < P.rounds; round++) {
      const order = round % 2 ? ['nginx', 'portal'] : ['portal', 'nginx'];
      for (const who of order) {
        const target = who === 'portal' ? portal : nginx;
        const url = who === 'portal' ? `${portal.url}/files/${bigDocId}` : `${nginx.url}/${bigKey}`;
        const rss0 = rssBytes(target.pid, target.withChildren); const cpu0 = cpuSeconds(target.pid, target.withChildren); const sampler = rssSampler(target.pid, target.withChildren);
        const r = await download(url, who === 'portal' ? { cookie: cookies.staff } : {});
        if (r.bytes !== P.bigFile) throw new Error(`${who} download: ${r.status}, ${r.bytes} bytes`);
        down[who].push({ mbps: r.bytes / MiB / r.seconds, cpuPerGiB: (cpuSeconds(target.pid, target.withChildren) - cpu0) / (r.bytes / GiB), rssGrowth: sampler.stop() - rss0 });
      }
    }
    results.download = Object.fromEntries(Object.entries(down).map(([k, ms]) => [k, Object.fromEntries(['mbps', 'cpuPerGiB', 'rssGrowth'].map((f) => [f, median(ms.map((m) => m[f]))]))]));
    log('download 32 × 100 KiB');
    results.smallDownloads = await rounds('small downloads', [{
      name: '32 concurrent 100 KiB downloads',
      contenders: {
        portal: { target: portal, req: { path: `/files/${smallId}`, method: 'GET', headers: { cookie: cookies.staff } } },
        nginx: { target: nginx, req: { path: `/${smallKey}`, method: 'GET', headers: {} } },
      },
    }], P.seconds, 32, { warm: !quick });
    for (const id of portalIds) rmSync(join(filesDir, await storageKeyOf(id)), { force: true });
  }
  await db.close();
} catch (error) {
  notes.push(`run aborted: ${String(error?.stack ?? error).split('\n').slice(0, 3).join(' ')}`);
  console.error(error);
  if (portal?.output) console.error(`--- portal output (tail)\n${portal.output.slice(-3000)}`);
} finally {
  await stopAll();
}

// ---------------------------------------------------------------- report
const seconds = (Date.now() - started) / 1000;
const report = renderReport({ results, notes, meta, quick, seconds });
const date = new Date().toISOString().slice(0, 10);
mkdirSync(join(benchDir, 'results'), { recursive: true });
const file = join(benchDir, 'results', `${date}-${ds.dialect}${quick ? '-quick' : ''}${only ? `-only-${[...only].join('-')}` : ''}.md`);
writeFileSync(file, report);
console.log(`\n${report}`);
log(`wrote ${file}`);
process.exit(0);

function renderReport({ results, notes, meta, quick, seconds }) {
  const r2 = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const verdict = (ok) => (ok === null ? '' : ok ? '✓' : '✗');
  const lines = [];
  const cpuInfo = (() => { try { return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))[1]; } catch { return 'unknown CPU'; } })();
  lines.push(`# Benchmark ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${meta.dialect}${quick ? ' (quick)' : ''}`);
  lines.push('');
  lines.push(`Dataset: ${Object.entries(meta.sizes).map(([k, v]) => `${fmt(v)} ${k}`).join(', ')} (seed ${meta.seed}; ${fmt(Object.values(meta.rows).reduce((a, b) => a + b, 0))} rows, generated in ${meta.seconds.total.toFixed(0)} s).`);
  lines.push(`Machine: ${cpuInfo}, ${os.cpus().length} cores; servers on CPU 0, load generator on CPU 1; NODE_ENV=production; median of ${P.rounds} interleaved rounds; run took ${(seconds / 60).toFixed(1)} min; 1-min load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine disturbs wall-clock figures more than CPU/op).`);
  lines.push('Ratios are portal ÷ baseline. **CPU/op** is the server process\'s utime+stime per request (the main figure); throughput and latency come from autocannon.');
  lines.push('');
  if (results.statements) {
    const s = results.statements;
    lines.push('## 1. SQL statements per operation');
    lines.push('');
    lines.push('| Operation | Portal | Hand-written SQL | Equal |');
    lines.push('|---|---:|---:|:-:|');
    for (const name of Object.keys(s.baseline)) lines.push(`| ${name} | ${s.portal[name] ?? '–'} | ${s.baseline[name]} | ${verdict(s.portal[name] === s.baseline[name])} |`);
    if (s.portal.login !== undefined) lines.push(`| login | ${s.portal.login} | – | |`);
    const p10 = s.portal['dossier page, first 10'], p50 = s.portal['dossier page, first 50'];
    lines.push('');
    lines.push(`Independent of page size: dossier page ${verdict(p10 === p50)} (${p10} vs ${p50}), list ${verdict(s.portal['dossier list (client), first 10'] === s.portal['dossier list (client), first 50'])}. Hand-written counts include 1 statement for the session.`);
    lines.push('');
  }
  if (results.pages) {
    lines.push('## 2. Dossier page and list: portal vs bare node:http + hand-written SQL');
    lines.push('');
    lines.push(`${P.connections} connections, ${P.seconds} s per round. Target: throughput ≥ 0.5×, p99 ≤ 2×.`);
    lines.push('');
    const maria = meta.dialect !== 'sqlite';
    lines.push(`| Operation | Portal req/s | Baseline req/s | Throughput × | p99 portal / baseline (ms) | p99 × | CPU/op portal / baseline (ms) | CPU/op × |${maria ? ' MariaDB CPU/op portal / baseline (ms) |' : ''} Same JSON | Target |`);
    lines.push(`|---|---:|---:|---:|---:|---:|---:|---:|${maria ? '---:|' : ''}:-:|:-:|`);
    for (const [name, m] of Object.entries(results.pages)) {
      const t = m.portal.rps / m.baseline.rps, p = m.portal.p99 / m.baseline.p99, c = m.portal.cpuMsPerOp / m.baseline.cpuMsPerOp;
      lines.push(`| ${name} | ${r2(m.portal.rps, 0)} | ${r2(m.baseline.rps, 0)} | ${r2(t)} | ${r2(m.portal.p99, 1)} / ${r2(m.baseline.p99, 1)} | ${r2(p)} | ${r2(m.portal.cpuMsPerOp, 3)} / ${r2(m.baseline.cpuMsPerOp, 3)} | ${r2(c)} |${maria ? ` ${r2(m.portal.dbCpuMsPerOp, 3)} / ${r2(m.baseline.dbCpuMsPerOp, 3)} |` : ''} ${results.sameJson?.[name] === 'same' ? '✓' : '✗'} | ${verdict(t >= 0.5 && p <= 2)} |`);
    }
    lines.push('');
  }
  if (results.search) {
    const target = meta.dialect === 'sqlite' ? 2 : 20;
    lines.push('## 3. Search, newest 20');
    lines.push('');
    lines.push(`One connection, sequential requests, ${P.searchSeconds} s per round; latency is end to end (HTTP included), CPU/op is the server's. Baselines: a plain hand-written query on the portal's search index ("FTS": every word's hits joined to the dossiers, sorted and counted) and a plain \`LIKE '%term%'\` scan, both in the bare server. Target: portal ≤ ${target} ms (${meta.dialect}) and never slower than the LIKE scan.`);
    lines.push('');
    const maria = meta.dialect !== 'sqlite';
    const total = (x) => x.cpuMsPerOp + (maria ? x.dbCpuMsPerOp : 0);
    lines.push(`| Search | Matches | Portal p50 (ms) | FTS p50 | LIKE p50 | Portal CPU/op (ms) | FTS CPU/op | LIKE CPU/op |${maria ? ' MariaDB CPU/op portal / FTS / LIKE |' : ''} Portal ÷ LIKE (CPU) | Target |`);
    lines.push(`|---|---:|---:|---:|---:|---:|---:|---:|${maria ? '---:|' : ''}---:|:-:|`);
    for (const c of results.searchCases) {
      const m = results.search[c.name];
      if (!m) continue;
      const ratio = total(m.portal) / total(m.like);
      const fast = maria ? m.portal.p50 <= target : m.portal.cpuMsPerOp <= target;
      lines.push(`| ${c.name} | ${fmt(c.matches ?? NaN)} | ${r2(m.portal.p50, 2)} | ${r2(m.baseline.p50, 2)} | ${r2(m.like.p50, 2)} | ${r2(m.portal.cpuMsPerOp, 2)} | ${r2(m.baseline.cpuMsPerOp, 2)} | ${r2(m.like.cpuMsPerOp, 2)} |${maria ? ` ${r2(m.portal.dbCpuMsPerOp, 2)} / ${r2(m.baseline.dbCpuMsPerOp, 2)} / ${r2(m.like.dbCpuMsPerOp, 2)} |` : ''} ${r2(ratio)} | ${verdict(fast && ratio <= 1)} |`);
    }
    lines.push('');
    lines.push('Sequential requests come from a plain keep-alive client (autocannon has 1 ms latency resolution and ≥ 1 s runs). The target is checked on the server\'s CPU/op on SQLite (it excludes the client) and on p50 on MariaDB (the query runs in mariadbd); "Portal ÷ LIKE" compares server (+ MariaDB) CPU/op.');
    lines.push('');
  }
  if (results.download || results.upload) {
    lines.push('## 4–5. Files');
    lines.push('');
    lines.push('| Transfer | Portal MB/s | Baseline MB/s | MB/s × | Portal CPU s/GiB | Baseline CPU s/GiB | CPU × | Portal RSS growth (MiB) | Target |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|:-:|');
    const mb = (x) => r2(x, 0);
    const size = `${P.bigFile / MiB >= 1024 ? `${P.bigFile / GiB} GiB` : `${P.bigFile / MiB} MiB`}`;
    if (results.download) {
      const p = results.download.portal, n = results.download.nginx;
      lines.push(`| download ${size} vs nginx sendfile | ${mb(p.mbps)} | ${mb(n.mbps)} | ${r2(p.mbps / n.mbps)} | ${r2(p.cpuPerGiB)} | ${r2(n.cpuPerGiB)} | ${r2(p.cpuPerGiB / n.cpuPerGiB, 1)} | ${r2(p.rssGrowth / MiB, 1)} | ${verdict(p.mbps / n.mbps >= 0.9 && p.cpuPerGiB / n.cpuPerGiB <= 6 && p.rssGrowth <= 32 * MiB)} (≥ 0.9×, ≤ 6× CPU, ≤ 32 MiB) |`);
    }
    if (results.smallDownloads) {
      const m = Object.values(results.smallDownloads)[0];
      lines.push(`| 32 concurrent 100 KiB downloads vs nginx | ${mb(m.portal.rps * P.smallFile / MiB)} (${r2(m.portal.rps, 0)} req/s) | ${mb(m.nginx.rps * P.smallFile / MiB)} (${r2(m.nginx.rps, 0)} req/s) | ${r2(m.portal.rps / m.nginx.rps)} | ${r2(m.portal.cpuMsPerOp, 3)} ms/op | ${r2(m.nginx.cpuMsPerOp, 3)} ms/op | ${r2(m.portal.cpuMsPerOp / m.nginx.cpuMsPerOp, 1)} | – | p99 ${r2(m.portal.p99, 0)} / ${r2(m.nginx.p99, 0)} ms |`);
    }
    if (results.upload) {
      const p = results.upload.portal, n = results.upload.nginx, s = results.upload.nginxSynced, b = results.upload.node, d = results.upload.drop, c = results.upload.cp;
      lines.push(`| durable upload ${size} (publishDocument) vs nginx WebDAV PUT | ${mb(p.mbps)} | ${mb(n.mbps)} | ${r2(p.mbps / n.mbps)} | ${r2(p.cpuPerGiB)} | ${r2(n.cpuPerGiB)} | ${r2(p.cpuPerGiB / n.cpuPerGiB, 1)} | ${r2(p.rssGrowth / MiB, 1)} | ${verdict(p.mbps / n.mbps >= 0.8 && p.rssGrowth <= 32 * MiB)} (≥ 0.8×, ≤ 32 MiB) |`);
      lines.push(`| same vs nginx PUT + fsync of the file | ${mb(p.mbps)} | ${mb(s.mbps)} | ${r2(p.mbps / s.mbps)} | | | | | |`);
      lines.push(`| same vs bare node:http PUT (SHA-256, page cache, fsync) | ${mb(p.mbps)} | ${mb(b.mbps)} | ${r2(p.mbps / b.mbps)} | ${r2(p.cpuPerGiB)} | ${r2(b.cpuPerGiB)} | ${r2(p.cpuPerGiB / b.cpuPerGiB, 1)} | | |`);
      lines.push(`| same vs \`cp\` + \`sync\` | ${mb(p.mbps)} | ${mb(c.mbps)} | ${r2(p.mbps / c.mbps)} | ${r2(p.cpuPerGiB)} | ${r2(c.cpuPerGiB)} | ${r2(p.cpuPerGiB / c.cpuPerGiB, 1)} | | |`);
      lines.push(`| bare node:http PUT that only reads the body (no hash, no disk) vs nginx PUT | ${mb(d.mbps)} | ${mb(n.mbps)} | ${r2(d.mbps / n.mbps)} | ${r2(d.cpuPerGiB)} | ${r2(n.cpuPerGiB)} | ${r2(d.cpuPerGiB / n.cpuPerGiB, 1)} | | |`);
    }
    lines.push('');
    lines.push('nginx does not fsync a PUT before answering; the portal does (file and folder), so the "+ fsync" row is the like-for-like durable figure.');
    lines.push('');
  }
  if (results.login) {
    const m = Object.values(results.login)[0];
    lines.push('## 6. Login');
    lines.push('');
    lines.push('| Operation | Portal p50 (ms) | Bare argon2.verify over node:http p50 (ms) | p50 × | Portal CPU/op (ms) | Baseline CPU/op (ms) | Target |');
    lines.push('|---|---:|---:|---:|---:|---:|:-:|');
    const ratio = m.portal.p50 / m.baseline.p50;
    lines.push(`| ${Object.keys(results.login)[0]} | ${r2(m.portal.p50, 1)} | ${r2(m.baseline.p50, 1)} | ${r2(ratio)} | ${r2(m.portal.cpuMsPerOp, 1)} | ${r2(m.baseline.cpuMsPerOp, 1)} | ${verdict(ratio <= 1.15)} (p50 ≤ 1.15×) |`);
    lines.push('');
    lines.push(`In-process argon2.verify (m=19456, t=2, p=1) without HTTP: p50 ${r2(results.argon2InProcess, 1)} ms.`);
    lines.push('');
  }
  if (notes.length) {
    lines.push('## Notes');
    lines.push('');
    for (const n of notes) lines.push(`- ${n}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
