#!/usr/bin/env node
// npm run bench:data -- [--quick] [--clients N --dossiers N --documents N --messages N] [--db sqlite:<file>|mariadb://…/<db>] [--seed N]
//
// Creates a fresh database with the server's own migrations, then fills it deterministically (seeded
// PRNG; the same arguments give the same rows) with bulk multi-row INSERTs. Writes <db>.json next to
// it: sizes, seed, the benchmark users, sample dossiers and the rare/medium/common search terms.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  GENERATOR_VERSION, NOW, PASSWORD, cdfOf, datasetFromArgs, fmt, hex64, idMaker, parseArgs, prng, serverDist, serverRequire, sqlDate, zipfCdf,
} from './lib/common.mjs';
import { openLoader } from './lib/loader.mjs';
import { openDb } from './baseline/queries.mjs';
import {
  CITIES, COMPANY_SUFFIXES, DOSSIER_KINDS, FIRST_NAMES, HANDLERS, LAST_NAMES, STEP_TITLES, STREETS, vocabulary,
} from './lib/words.mjs';

const log = (msg) => console.log(`[bench:data] ${msg}`);
const DAY = 86_400_000;

export async function generate(ds) {
  const started = performance.now();
  const { sizes, seed } = ds;
  log(`${ds.label} dataset, seed ${seed}: ${Object.entries(sizes).map(([k, v]) => `${fmt(v)} ${k}`).join(', ')} → ${ds.db}`);
  rmSync(ds.metaFile, { force: true });
  await freshDatabase(ds);
  const tMigrated = performance.now();
  log(`migrated in ${((tMigrated - started) / 1000).toFixed(1)} s`);

  const argon2 = serverRequire('argon2');
  // One real argon2id hash (the server's parameters), reused by every account; a fixed salt keeps the dataset deterministic.
  const passwordHash = await argon2.hash(PASSWORD, {
    type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1, salt: Buffer.from(`dossierportaal-bench-${seed}`.padEnd(16, '.')),
  });

  const R = prng(seed);
  const L = await openLoader(ds.dialect, ds.db);
  const ids = (salt, n) => idMaker(seed, salt, n);

  // ---- vocabulary with a seeded Zipf ranking
  const vocab = vocabulary();
  for (let i = vocab.length - 1; i > 0; i--) { const j = R.int(i + 1); [vocab[i], vocab[j]] = [vocab[j], vocab[i]]; }
  const zipf = zipfCdf(vocab.length, 1.0);
  const word = () => vocab[R.weighted(zipf)];
  const sentence = (n) => { const w = []; for (let i = 0; i < n; i++) w.push(word()); const s = w.join(' '); return s[0].toUpperCase() + s.slice(1) + '.'; };
  const sentences = Array.from({ length: 4000 }, () => sentence(R.range(6, 16)));
  const subjects = Array.from({ length: 1500 }, () => { const s = sentence(R.range(2, 6)); return s.slice(0, -1); });
  const personName = () => `${R.pick(FIRST_NAMES)} ${R.pick(LAST_NAMES)}`;

  // ---- staff
  const accountsTotalGuess = sizes.clients * 4 + 8;
  const accountId = ids(2, accountsTotalGuess);
  let accountCount = 0;
  const accounts = L.table('account', ['id', 'clientId', 'email', 'accountNumber', 'displayName', 'role', 'language', 'mobileNumber',
    'twoFactorMethod', 'firstLogin', 'activatedAt', 'lastLoginAt', 'passwordHash', 'passwordChangedAt', 'consecutiveFailures', 'resetRequired', 'createdAt']);
  const addAccount = async (clientId, email, number, name, role, activated) => {
    const id = accountId(accountCount++);
    const created = NOW - R.range(30, 2000) * DAY;
    const p = accounts.add([id, clientId, email, number, name, role, R.chance(0.85) ? 'NL' : 'EN', R.chance(0.6) ? `+316${String(R.range(10000000, 99999999))}` : null,
      'NONE', 0, activated ? sqlDate(created + DAY) : null, activated ? sqlDate(NOW - R.range(1, 300) * DAY) : null,
      activated ? passwordHash : null, activated ? sqlDate(created + DAY) : null, 0, 0, sqlDate(created)]);
    if (p) await p;
    return id;
  };
  const staff = [];
  for (let i = 1; i <= 3; i++) staff.push({ id: await addAccount(null, `medewerker${i}@kantoor.example`, `M${String(i).padStart(6, '0')}`, HANDLERS[i].name, 'STAFF', true), name: HANDLERS[i].name });
  const admin = { id: await addAccount(null, 'beheer@kantoor.example', 'B0000001', 'Beheerder', 'ADMIN', true) };

  // ---- clients and their accounts
  const bigClients = Math.min(5, Math.max(1, Math.floor(sizes.clients / 40)));
  const clientId = ids(1, sizes.clients);
  const clients = L.table('client', ['id', 'externalRef', 'name', 'isCompany', 'createdAt']);
  const clientFirstAccount = new Int32Array(sizes.clients);
  const clientAccounts = new Int32Array(sizes.clients); // how many
  const accountNames = [];
  for (let c = 0; c < sizes.clients; c++) {
    const company = c < bigClients || R.chance(0.2);
    const name = company ? `${R.pick(LAST_NAMES).replace(/^./, (x) => x.toUpperCase())} ${R.pick(['Bouw', 'Vastgoed', 'Transport', 'Advies', 'Beheer', 'Handel', 'Zorg', 'Techniek'])} ${R.pick(COMPANY_SUFFIXES)}` : personName();
    const p = clients.add([clientId(c), `REL-${String(100000 + c)}`, name, company ? 1 : 0, sqlDate(NOW - R.range(30, 2500) * DAY)]);
    if (p) await p;
    const n = company ? (c < bigClients ? 4 : 1 + R.int(4)) : 1;
    clientFirstAccount[c] = accountCount;
    clientAccounts[c] = n;
    for (let k = 0; k < n; k++) {
      const display = company && k > 0 ? personName() : (company ? `${personName()} (${name})` : name);
      accountNames[accountCount] = display;
      // The first account of every client can sign in; some extra accounts are still invited only.
      await addAccount(clientId(c), `klant${c}${k ? `.${k}` : ''}@bench.example`, `K${String(c).padStart(7, '0')}${k ? String.fromCharCode(64 + k) : ''}`,
        display, company ? (k === 0 ? 'COMPANY_MAIN' : 'COMPANY_EXTRA') : 'CLIENT', k === 0 || R.chance(0.7));
    }
  }
  await clients.flush();
  await accounts.flush();

  // ---- dossiers and who may see them
  const D = sizes.dossiers;
  const dossierId = ids(3, D);
  const dossierOwner = new Int32Array(D);
  const dossierOpened = new Float64Array(D);
  const dossierEnd = new Float64Array(D);
  const statusCdf = cdfOf([45, 10, 35, 10]);
  const statuses = ['IN_PROGRESS', 'WAITING_FOR_CLIENT', 'COMPLETED', 'ARCHIVED'];
  const bigWeights = cdfOf(Array.from({ length: bigClients }, (_, i) => bigClients - i));
  const dossiers = L.table('dossier', ['id', 'externalRef', 'number', 'description', 'statusCode', 'handlerName', 'handlerEmail', 'handlerPhone', 'openedAt', 'closedAt', 'createdAt', 'updatedAt']);
  const links = L.table('dossier_client', ['id', 'dossierId', 'clientId', 'createdAt']);
  const linkId = ids(4, D * 2);
  let linkCount = 0;
  const dossierDf = new Map();
  for (let d = 0; d < D; d++) {
    const opened = NOW - R.int(6 * 365 * DAY);
    const status = statuses[R.weighted(statusCdf)];
    const closed = status === 'COMPLETED' || status === 'ARCHIVED' ? Math.min(NOW - DAY, opened + R.range(20, 400) * DAY) : null;
    dossierOpened[d] = opened;
    dossierEnd[d] = closed ?? NOW;
    const words = [];
    for (let i = R.range(5, 14); i > 0; i--) words.push(word());
    const description = `${R.pick(DOSSIER_KINDS)} ${words.join(' ')}, ${R.pick(STREETS)} ${R.range(1, 250)} ${R.pick(CITIES)}`.slice(0, 500);
    for (const w of new Set(words)) dossierDf.set(w, (dossierDf.get(w) ?? 0) + 1);
    const h = R.pick(HANDLERS);
    const year = new Date(opened).getUTCFullYear();
    let p = dossiers.add([dossierId(d), `ZAAK-${String(d + 1).padStart(7, '0')}`, `${year}-${String(d + 1).padStart(6, '0')}`, description, status,
      h.name, h.email, R.chance(0.8) ? h.phone : null, sqlDate(opened), closed === null ? null : sqlDate(closed), sqlDate(opened), sqlDate(closed ?? opened + R.int(30) * DAY)]);
    if (p) await p;
    // Most clients have a handful of dossiers; a few big (company) clients have thousands.
    const owner = R.chance(0.15) ? R.weighted(bigWeights) : bigClients + R.int(sizes.clients - bigClients || 1);
    dossierOwner[d] = Math.min(owner, sizes.clients - 1);
    p = links.add([linkId(linkCount++), dossierId(d), clientId(dossierOwner[d]), sqlDate(opened)]);
    if (p) await p;
    if (R.chance(0.1) && sizes.clients > 1) {
      let co = R.int(sizes.clients);
      if (co === dossierOwner[d]) co = (co + 1) % sizes.clients;
      p = links.add([linkId(linkCount++), dossierId(d), clientId(co), sqlDate(opened)]);
      if (p) await p;
    }
  }
  await dossiers.flush();
  await links.flush();

  // ---- progress steps (0–10 per dossier)
  const steps = L.table('progress_step', ['id', 'dossierId', 'position', 'title', 'done', 'doneAt']);
  const stepId = ids(5, D * 11);
  let stepCount = 0;
  for (let d = 0; d < D; d++) {
    const n = R.int(11);
    const done = dossierEnd[d] < NOW ? n : R.int(n + 1);
    for (let k = 0; k < n; k++) {
      const at = k < done ? sqlDate(dossierOpened[d] + (k + 1) * (dossierEnd[d] - dossierOpened[d]) / (n + 1)) : null;
      const p = steps.add([stepId(stepCount++), dossierId(d), k + 1, STEP_TITLES[k % STEP_TITLES.length], k < done ? 1 : 0, at]);
      if (p) await p;
    }
  }
  await steps.flush();

  // Half of the documents and messages go to 2 % "hot" dossiers (hundreds each), the rest spread evenly.
  const hot = Math.max(1, Math.ceil(D / 50));
  const pickDossier = () => (R.chance(0.5) ? R.int(hot) * 50 : R.int(D)) % D;
  const inDossier = (d) => dossierOpened[d] + R.next() * (dossierEnd[d] - dossierOpened[d]);
  const ownerAccount = (d) => clientFirstAccount[dossierOwner[d]];

  // ---- messages both ways, some replies, reads by the client's main account
  const M = sizes.messages;
  const messageId = ids(6, M);
  const messageDossier = new Int32Array(M);
  const lastMessageOf = new Int32Array(D).fill(-1);
  const messages = L.table('message', ['id', 'dossierId', 'direction', 'subject', 'body', 'senderAccountId', 'senderName', 'sentAt', 'inReplyToId', 'officeReadAt', 'createdAt']);
  const reads = L.table('message_read', ['id', 'messageId', 'accountId', 'readAt']);
  const readId = ids(7, M);
  let readCount = 0;
  for (let m = 0; m < M; m++) {
    const d = pickDossier();
    messageDossier[m] = d;
    const toOffice = R.chance(0.35);
    const sent = inDossier(d);
    const acc = ownerAccount(d) + R.int(clientAccounts[dossierOwner[d]]);
    const s = R.pick(staff);
    const prev = lastMessageOf[d];
    const replyTo = prev >= 0 && R.chance(toOffice ? 0.4 : 0.1) ? messageId(prev) : null;
    let body = R.pick(sentences);
    for (let k = R.int(4); k > 0; k--) body += ` ${R.pick(sentences)}`;
    const p = messages.add([messageId(m), dossierId(d), toOffice ? 'TO_OFFICE' : 'FROM_OFFICE', `${replyTo ? 'Re: ' : ''}${R.pick(subjects)}`, body,
      toOffice ? accountId(acc) : s.id, toOffice ? accountNames[acc] : s.name, sqlDate(sent), replyTo,
      toOffice && R.chance(0.8) ? sqlDate(Math.min(NOW, sent + R.range(1, 72) * 3_600_000)) : null, sqlDate(sent)]);
    if (p) await p;
    lastMessageOf[d] = m;
    if (!toOffice && R.chance(0.5)) {
      const q = reads.add([readId(readCount++), messageId(m), accountId(ownerAccount(d)), sqlDate(Math.min(NOW, sent + R.range(1, 240) * 3_600_000))]);
      if (q) await q;
    }
  }
  await messages.flush();
  await reads.flush();

  // ---- documents in three categories, some attached to messages, downloads by the main account
  const F = sizes.documents;
  const documentId = ids(8, F);
  const downloadId = ids(9, F);
  let downloadCount = 0;
  const categoryCdf = cdfOf([40, 40, 20]);
  const categories = ['CORRESPONDENCE', 'DOCUMENT', 'SUPPLIED'];
  const types = [['pdf', 'application/pdf'], ['pdf', 'application/pdf'], ['pdf', 'application/pdf'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['jpg', 'image/jpeg'], ['png', 'image/png']];
  const documents = L.table('document', ['id', 'dossierId', 'category', 'title', 'fileName', 'contentType', 'size', 'sha256', 'storageKey', 'messageId', 'uploadedById', 'uploadedByName', 'publishedAt', 'createdAt']);
  const downloads = L.table('document_download', ['id', 'documentId', 'accountId', 'firstAt']);
  const docsPerDossierCategory = new Map();
  for (let f = 0; f < F; f++) {
    // One in ten documents is an attachment: of a random message, in that message's dossier.
    const attachedTo = R.chance(0.1) ? R.int(M) : -1;
    const d = attachedTo >= 0 ? messageDossier[attachedTo] : pickDossier();
    const category = categories[R.weighted(categoryCdf)];
    const supplied = category === 'SUPPLIED';
    const acc = ownerAccount(d) + R.int(clientAccounts[dossierOwner[d]]);
    const s = R.pick(staff);
    const [ext, type] = R.pick(types);
    const title = R.pick(subjects);
    const published = inDossier(d);
    const attach = attachedTo >= 0 ? messageId(attachedTo) : null;
    const id = documentId(f);
    const key = `${d}:${category}`;
    docsPerDossierCategory.set(key, (docsPerDossierCategory.get(key) ?? 0) + 1);
    const p = documents.add([id, dossierId(d), category, title, `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}.${ext}`, type,
      R.range(20_000, 5_000_000), hex64(R), `${id.slice(0, 2)}/${id}`, attach, supplied ? accountId(acc) : s.id, supplied ? accountNames[acc] : s.name, sqlDate(published), sqlDate(published)]);
    if (p) await p;
    if (!supplied && R.chance(0.3)) {
      const q = downloads.add([downloadId(downloadCount++), id, accountId(ownerAccount(d)), sqlDate(Math.min(NOW, published + R.range(1, 500) * 3_600_000))]);
      if (q) await q;
    }
  }
  await documents.flush();
  await downloads.flush();
  const tLoaded = performance.now();
  const rows = Object.values(L.counts).reduce((a, b) => a + b, 0);
  log(`inserted ${fmt(rows)} rows in ${((tLoaded - tMigrated) / 1000).toFixed(1)} s: ${fmt(rows / ((tLoaded - tMigrated) / 1000))} rows/s`);
  log(Object.entries(L.counts).map(([t, n]) => `${t} ${fmt(n)}`).join(', '));
  await L.finish(log);

  // ---- what the benchmarks need to know
  const ascii = (w) => /^[a-z]+$/.test(w) && w.length >= 5;
  const standalone = (w) => !vocab.some((o) => o !== w && o.includes(w));
  const candidates = [...dossierDf.entries()].filter(([w]) => ascii(w) && standalone(w));
  const closest = (target) => candidates.reduce((best, c) => (Math.abs(Math.log(c[1] / target)) < Math.abs(Math.log(best[1] / target)) ? c : best));
  const common = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
  const terms = {
    rare: closest(Math.max(3, D * 0.0002)),
    medium: closest(D * 0.01),
    common,
  };
  const dossierCount = new Map();
  for (let d = 0; d < D; d++) dossierCount.set(dossierOwner[d], (dossierCount.get(dossierOwner[d]) ?? 0) + 1);
  // The sample dossier of a client: among its busiest, the first whose newest 10 messages include a reply
  // and an attachment, so that pages of 10 and 50 need the same statements (no loader stays idle).
  const db = await openDb(ds.db);
  const busiest = async (owner) => {
    const mine = [];
    for (let d = 0; d < D; d++) if (dossierOwner[d] === owner) mine.push([d, docsPerDossierCategory.get(`${d}:CORRESPONDENCE`) ?? 0]);
    mine.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [d, n] of mine.slice(0, 50)) {
      const newest = await db.all('SELECT m.id, m.inReplyToId FROM message m WHERE m.dossierId = ? ORDER BY m.sentAt DESC, m.id DESC LIMIT 10', [dossierId(d)]);
      const ids = newest.map((m) => m.id);
      const attached = ids.length ? await db.all(`SELECT COUNT(*) AS n FROM document WHERE messageId IN (${ids.map(() => '?').join(', ')})`, ids) : [{ n: 0 }];
      if (newest.some((m) => m.inReplyToId) && Number(attached[0].n) > 0) return { id: dossierId(d), index: d, correspondence: n, repliesAndAttachmentsInNewest10: true };
    }
    const [d, n] = mine[0] ?? [0, 0];
    return { id: dossierId(d), index: d, correspondence: n, repliesAndAttachmentsInNewest10: false };
  };
  let small = bigClients;
  for (let c = bigClients; c < sizes.clients; c++) if ((dossierCount.get(c) ?? 0) >= 5 && (dossierCount.get(c) ?? 0) <= 20) { small = c; break; }
  const user = (c) => ({ clientId: clientId(c), accountId: accountId(clientFirstAccount[c]), email: `klant${c}@bench.example`, dossiers: dossierCount.get(c) ?? 0 });
  const meta = {
    complete: true, generatorVersion: GENERATOR_VERSION, seed, db: ds.db, dialect: ds.dialect, sizes, password: PASSWORD,
    rows: L.counts,
    staff: { accountId: staff[0].id, email: 'medewerker1@kantoor.example' },
    admin: { accountId: admin.id, email: 'beheer@kantoor.example' },
    bigClient: { ...user(0), sampleDossier: await busiest(0) },
    smallClient: { ...user(small), sampleDossier: await busiest(small) },
    terms: Object.fromEntries(Object.entries(terms).map(([k, [term, df]]) => [k, { term, dossiers: df, share: df / D }])),
    seconds: { migrate: (tMigrated - started) / 1000, load: (tLoaded - tMigrated) / 1000, total: (performance.now() - started) / 1000 },
  };
  await db.close();
  writeFileSync(ds.metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  log(`terms: ${Object.entries(meta.terms).map(([k, t]) => `${k} "${t.term}" (${fmt(t.dossiers)} dossiers)`).join(', ')}`);
  log(`done in ${meta.seconds.total.toFixed(1)} s; metadata in ${ds.metaFile}`);
  return meta;
}

/** Drops the SQLite file or the MariaDB database, then runs the server's migrations on it. */
async function freshDatabase(ds) {
  if (ds.dialect === 'sqlite') {
    const file = ds.db.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  } else {
    const mysql = serverRequire('mysql2/promise');
    const u = new URL(ds.db);
    const name = u.pathname.slice(1);
    if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
    const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
  }
  const { createDataSource } = await import(pathToFileURL(join(serverDist, 'db/data-source.js')).href);
  const source = createDataSource({ DATABASE_URL: ds.db });
  await source.initialize();
  await source.runMigrations({ transaction: 'each' });
  await source.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ds = datasetFromArgs(parseArgs());
  generate(ds).catch((err) => { console.error(err); process.exit(1); });
}
