// Child processes of a benchmark run (pinned with taskset), their CPU time and memory from /proc,
// and cleanup: every process started here is stopped by its own pid when the run ends or fails.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const children = new Set();
const CLK_TCK = 100; // getconf CLK_TCK on Linux x86_64

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/**
 * Starts `command args` on CPU `cpu` (taskset execs the command, so the pid is the server's own).
 * Resolves once `ready()` passes; output goes to `logFile`-like buffer kept for errors.
 */
export async function start(name, command, args, { env = {}, cpu, ready, timeoutMs = 60_000 } = {}) {
  const argv = cpu === undefined ? [command, ...args] : ['taskset', '-c', String(cpu), command, ...args];
  const child = spawn(argv[0], argv.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => { output = (output + d.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const proc = { name, child, pid: child.pid, get output() { return output; }, exited: false };
  child.on('exit', (code, signal) => { proc.exited = true; proc.exitCode = code; proc.exitSignal = signal; children.delete(proc); });
  children.add(proc);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited) throw new Error(`${name} exited during startup:\n${output}`);
    if (await ready(proc).catch(() => false)) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop(proc);
  throw new Error(`${name} did not become ready in ${timeoutMs} ms:\n${output}`);
}

export async function stop(proc, signal = 'SIGTERM') {
  if (!proc || proc.exited) return;
  const gone = new Promise((r) => proc.child.once('exit', r));
  try { process.kill(proc.pid, signal); } catch { return; }
  const timer = setTimeout(() => { try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  await gone;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...children].map((p) => stop(p)));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { stopAll().finally(() => process.exit(130)); });
}
process.on('exit', () => { for (const p of children) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } } });

/** Child pids of `pid` (nginx workers of the master). */
function childPids(pid) {
  try { return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { return []; }
}

/** utime + stime of the process (all its threads) and its children, in seconds. */
export function cpuSeconds(pid, withChildren = false) {
  const one = (p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    } catch { return 0; }
  };
  let total = one(pid);
  if (withChildren) for (const c of childPids(pid)) total += one(c);
  return total;
}

/** Resident set size in bytes (sum over the process and, optionally, its children). */
export function rssBytes(pid, withChildren = false) {
  const one = (p) => {
    try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]) * 1024; } catch { return 0; }
  };
  let total = one(pid);
  if (withChildren) for (const c of childPids(pid)) total += one(c);
  return total;
}

/** Samples RSS every 20 ms until stopped; returns the peak. */
export function rssSampler(pid, withChildren = false) {
  let peak = rssBytes(pid, withChildren);
  const timer = setInterval(() => { peak = Math.max(peak, rssBytes(pid, withChildren)); }, 20);
  return { stop: () => { clearInterval(timer); peak = Math.max(peak, rssBytes(pid, withChildren)); return peak; } };
}
