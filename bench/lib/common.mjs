// Shared by data.mjs and run.mjs: arguments, dataset sizes and paths, the seeded PRNG and
// deterministic ids. Plain ESM, no build step.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const rootDir = resolve(benchDir, '..');
export const dataDir = join(benchDir, '.data');
export const serverDist = join(rootDir, 'server/dist/server/src');
/** The server's own copies of the drivers and argon2, so that baselines use the same versions. */
export const serverRequire = createRequire(join(rootDir, 'server/package.json'));

/** Bump when the generator's output changes, so that `bench` regenerates stale datasets. */
export const GENERATOR_VERSION = 10;
export const PASSWORD = 'Bench-Wachtw00rd!';
export const NOW = Date.parse('2026-01-01T00:00:00.000Z');

export const SIZES = {
  full: { clients: 10_000, dossiers: 100_000, documents: 1_000_000, messages: 1_000_000 },
  quick: { clients: 200, dossiers: 2_000, documents: 20_000, messages: 20_000 },
};

/** `--name value`, `--name=value` and bare `--flag` (true). */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) { out[a.slice(2, eq)] = a.slice(eq + 1); continue; }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) { out[a.slice(2)] = next; i++; } else out[a.slice(2)] = true;
  }
  return out;
}

/** Sizes, seed, database URL and the metadata file of the dataset these arguments name. */
export function datasetFromArgs(args) {
  const base = args.quick ? SIZES.quick : SIZES.full;
  const sizes = {};
  for (const k of Object.keys(base)) sizes[k] = args[k] !== undefined ? Number(args[k]) : base[k];
  for (const [k, v] of Object.entries(sizes)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  const seed = args.seed !== undefined ? Number(args.seed) >>> 0 : 1;
  const label = Object.entries(SIZES).find(([, s]) => Object.keys(s).every((k) => s[k] === sizes[k]))?.[0]
    ?? `c${sizes.clients}-d${sizes.dossiers}-f${sizes.documents}-m${sizes.messages}`;
  let db = args.db && args.db !== true ? String(args.db) : `sqlite:${join(dataDir, `${label}-s${seed}.sqlite`)}`;
  if (db === 'sqlite' ) db = `sqlite:${join(dataDir, `${label}-s${seed}.sqlite`)}`;
  if (db === 'mariadb') db = `mariadb://root@127.0.0.1:3306/dp_bench_${label.replace(/\W/g, '_')}_s${seed}`;
  const dialect = db.startsWith('sqlite:') ? 'sqlite' : 'mariadb';
  let metaFile;
  if (dialect === 'sqlite') {
    const file = resolve(db.slice('sqlite:'.length));
    db = `sqlite:${file}`;
    metaFile = `${file}.json`;
  } else {
    const u = new URL(db);
    metaFile = join(dataDir, `mariadb-${u.hostname}-${u.port || 3306}-${u.pathname.slice(1)}.json`);
  }
  mkdirSync(dataDir, { recursive: true });
  return { sizes, seed, label, db, dialect, metaFile };
}

/** The stored metadata when it describes this very dataset (same sizes, seed and generator), else null. */
export function readMatchingMeta(ds) {
  if (!existsSync(ds.metaFile)) return null;
  try {
    const meta = JSON.parse(readFileSync(ds.metaFile, 'utf8'));
    const same = meta.complete && meta.generatorVersion === GENERATOR_VERSION && meta.seed === ds.seed && meta.db === ds.db
      && Object.keys(ds.sizes).every((k) => meta.sizes[k] === ds.sizes[k]);
    if (!same) return null;
    if (ds.dialect === 'sqlite' && !existsSync(ds.db.slice('sqlite:'.length))) return null;
    return meta;
  } catch { return null; }
}

/** mulberry32: a small, fast 32-bit PRNG; the whole dataset follows from its seed. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** Index into `cdf` (cumulative weights ending in 1). */
    weighted: (cdf) => {
      const u = next();
      let lo = 0, hi = cdf.length - 1;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (cdf[mid] < u) lo = mid + 1; else hi = mid; }
      return lo;
    },
  };
}

export function cdfOf(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  return Float64Array.from(weights, (w) => (acc += w / total));
}

/** Zipf weights 1/r^s for ranks 1..n. */
export const zipfCdf = (n, s = 1) => cdfOf(Array.from({ length: n }, (_, r) => 1 / (r + 1) ** s));

function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * A v4-shaped UUID for row `i` of `n` of a table: the first 32 bits grow with i (rows are inserted in
 * primary-key order, as fast as a load can be), the rest are hashed from (seed, table, i), so ids
 * look random and are the same on every run with the same seed.
 */
export function idMaker(seed, salt, n) {
  const step = 4294967296 / Math.max(n, 1);
  const s = mix32(seed ^ mix32(salt));
  return (i) => {
    const a = hex8(Math.floor(i * step));
    const b = hex8(mix32(s ^ i));
    const c = hex8(mix32(s ^ i ^ 0x9e3779b9));
    const d = hex8(mix32(s + i * 3));
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[c.charCodeAt(0) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}

export function hex64(rand) {
  let s = '';
  for (let i = 0; i < 8; i++) s += hex8(Math.floor(rand.next() * 4294967296));
  return s;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: what TypeORM stores for datetime(3) on SQLite, and MariaDB accepts. */
export const sqlDate = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);

export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
