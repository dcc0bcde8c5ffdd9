import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { Sql } from '../db/sql.js';

/** Streams move 1 MiB at a time: the 64 KiB default halves throughput (ARCHITECTURE.md, performance habits). */
const CHUNK = 1024 * 1024;
/** Received data is flushed to disk in stretches of this size while more arrives. */
const SYNC_EVERY = 32 * 1024 * 1024;
/** Bytes kept from the start of a file to check its type. */
const HEAD = 4096;

/** Writes all of `buffers` at the handle's position (a write may take less than it was given). */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length) {
    let { bytesWritten } = await handle.writev(rest);
    const next: Buffer[] = [];
    for (const buffer of rest) {
      if (bytesWritten >= buffer.length) bytesWritten -= buffer.length;
      else { next.push(buffer.subarray(bytesWritten)); bytesWritten = 0; }
    }
    rest = next;
  }
}

/** A file received into the temporary folder: not visible to anyone until `place`d. */
export interface Received { tempPath: string; size: number; sha256: string; head: Buffer }

export class FileTooLarge extends Error {}

/**
 * Local-disk storage under FILES_DIR: `tmp/` for incoming files, `<2 hex>/<uuid>` for stored ones.
 * Both live on one filesystem, so making a file visible is an atomic rename. Durability: the data is
 * fsynced before the rename and the folder after it.
 */
export class FileStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(dir: string, private readonly logger: Logger) {
    this.root = resolve(dir);
    this.tmp = join(this.root, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
  }

  /**
   * Streams `source` to a temporary file, hashing on the way; refuses more than `maxBytes`. Resolves once the
   * data is on disk (fsync). Written data is flushed every SYNC_EVERY bytes while the rest still arrives, so
   * the final fsync of a big upload waits for the last stretch only, not for all of it.
   */
  async receive(source: Readable, maxBytes: number): Promise<Received> {
    const tempPath = join(this.tmp, randomUUID());
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    let unsynced = 0;
    let syncing = null as Promise<void> | null;
    // Listening starts before the file is opened: a source that fails or is cut off during the open (a client gone
    // mid-request) emits nothing afterwards, and the copy below would wait for it forever with the file left behind.
    let failure: Error | null = null;
    let meter: Transform | undefined;
    const failed = (error: Error) => { failure ??= error; meter?.destroy(error); };
    source.on('error', failed);
    source.once('close', () => { if (!source.readableEnded) failed(new Error('The upload was cut off.')); });
    const handle = await open(tempPath, 'wx');
    meter = new Transform({
      highWaterMark: CHUNK,
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) { done(new FileTooLarge()); return; }
        hash.update(chunk);
        if (headSize < HEAD) { chunks.push(chunk.subarray(0, HEAD - headSize)); headSize += Math.min(chunk.length, HEAD - headSize); }
        unsynced += chunk.length;
        if (unsynced >= SYNC_EVERY && !syncing) {
          unsynced = 0;
          syncing = handle.datasync().finally(() => { syncing = null; });
        }
        done(null, chunk);
      },
    });
    // Writes through the handle, which only this function closes: an fs.WriteStream on its descriptor closes the
    // descriptor when destroyed (whatever autoClose says), so after a failure the handle would close a number the
    // process may already have reused, and throw EBADF before the temporary file is removed.
    const out = new Writable({
      highWaterMark: CHUNK,
      writev(parts, done) { writeAll(handle, parts.map((p) => p.chunk as Buffer)).then(() => done(), done); },
    });
    // The source is piped, not handed to pipeline(): a refused file must not destroy it but drain it, or a
    // multipart parser waiting to push the rest of the request would wait forever.
    if (failure) meter.destroy(failure);
    else source.pipe(meter);
    try {
      await pipeline(meter, out);
      await syncing;
      await handle.sync();
    } catch (error) {
      source.unpipe(meter);
      source.resume();
      await syncing?.catch(() => undefined);
      await handle.close();
      await rm(tempPath, { force: true });
      throw error;
    }
    await handle.close();
    return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(chunks) };
  }

  /** A new storage key (the stored file's path below the root). */
  static newKey(): string {
    const id = randomUUID();
    return `${id.slice(0, 2)}/${id}`;
  }

  pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error(`invalid storage key ${storageKey}`);
    return join(this.root, storageKey);
  }

  /** Makes a received file visible under `storageKey` (rename + fsync of the folder). */
  async place(received: Received, storageKey: string): Promise<void> {
    const target = this.pathOf(storageKey);
    const folder = join(target, '..');
    await mkdir(folder, { recursive: true });
    await rename(received.tempPath, target);
    const dir = await open(folder, 'r');
    try { await dir.sync(); } finally { await dir.close(); }
  }

  async discard(received: Received): Promise<void> {
    await rm(received.tempPath, { force: true });
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  read(storageKey: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.pathOf(storageKey), { highWaterMark: CHUNK, ...range });
  }

  /**
   * Removes what a crash may have left: every temporary file, and stored files that no document row
   * names (a crash between placing a file and committing its row). Runs in the background at startup.
   * Files younger than `graceMs` are left alone: they may belong to an upload committing right now.
   */
  async sweep(sql: Sql, graceMs = 60_000): Promise<{ removed: number }> {
    let removed = 0;
    const now = Date.now();
    for (const name of await readdir(this.tmp).catch(() => [])) {
      const path = join(this.tmp, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > graceMs) { await rm(path, { force: true, recursive: true }); removed++; }
    }
    for (const folder of await readdir(this.root).catch(() => [])) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      const names = await readdir(join(this.root, folder)).catch(() => [] as string[]);
      for (let i = 0; i < names.length; i += 500) {
        const keys = names.slice(i, i + 500).map((n) => `${folder}/${n}`);
        const known = new Set((await sql.rows<{ storageKey: string }>(`SELECT storageKey FROM document WHERE storageKey IN (${Sql.list(keys.length)})`, keys)).map((r) => r.storageKey));
        for (const key of keys) {
          if (known.has(key)) continue;
          const info = await stat(join(this.root, key)).catch(() => null);
          if (info && now - info.mtimeMs > graceMs) { await unlink(join(this.root, key)).catch(() => undefined); removed++; }
        }
      }
    }
    if (removed) this.logger.warn({ removed }, 'removed orphaned files');
    return { removed };
  }
}
