import { createHash, randomUUID } from 'node:crypto';
import { constants as fsConstants, createReadStream, type ReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import type { Logger } from 'pino';
import { Sql } from '../db/sql.js';

/** Streams move 1 MiB at a time: the 64 KiB default halves throughput (ARCHITECTURE.md, performance habits). */
const CHUNK = 1024 * 1024;
/** Received data goes to disk in blocks of this size (1 GiB: 1.32–1.40 s CPU with 4 MiB, 1.45–1.49 with 1 MiB,
 *  whose 4× as many writes each wake a pool thread on the one core). */
const BLOCK = 4 * 1024 * 1024;
/** Blocks one upload may hold: one fills while the other is being written. */
const BLOCKS_PER_UPLOAD = 2;
/** Aligned blocks shared by all uploads; an upload that finds none left writes through the page cache. */
const POOL_BLOCKS = 16;
/** O_DIRECT needs the memory address, the file position and the length to be multiples of the device's logical
 *  block size (512 or 4096 bytes). */
const DIRECT_ALIGN = 4096;
/** Data written through the page cache is flushed to disk in stretches of this size while more arrives. */
const SYNC_EVERY = 32 * 1024 * 1024;
/** Bytes kept from the start of a file to check its type. */
const HEAD = 4096;
/** An upload counts as big (see bigUploads) from this many bytes on. */
const BIG = 32 * 1024 * 1024;

/**
 * While a big upload is being received, V8 sets the old generation's limit after a full GC at 2.5× the live heap
 * instead of by its own heuristic. Every read of a request body becomes a new 64 KiB Buffer (node's HTTP parser
 * copies it), and V8 counts these young ArrayBuffers — up to 32 MiB before the scavenge that frees them — against
 * the room left below that limit. A full GC during an upload sees little old-generation allocation and sets the
 * limit only ~24 MiB above the live heap (V8's minimum step plus the new space), so the next marking starts at once,
 * and again after it, until the upload ends: +1.1 to +2.1 s of CPU per GiB (4 of 6 uploads with one full GC forced
 * mid-upload; it also happened by itself in about half the server processes of some bench runs). At 2.5× the room
 * stays above the young Buffers. The flag is read at each full GC; 0 gives V8 its own heuristic back.
 */
let bigUploads = 0;
function bigUpload(change: 1 | -1): void {
  bigUploads += change;
  if (bigUploads === (change === 1 ? 1 : 0)) setFlagsFromString(`--heap-growing-percent=${bigUploads ? 150 : 0}`);
}

/** Writes `length` bytes of `buffer` at `position` (a write may take less than it was given). */
async function writeAt(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) done += (await handle.write(buffer, done, length - done, position + done)).bytesWritten;
}

/** A block of memory to collect received bytes in; `aligned` ones can be written with O_DIRECT. */
interface Block { bytes: Buffer; aligned: boolean }

/**
 * Memory for O_DIRECT writes: Buffers promise no alignment, but WebAssembly memory is mapped page-aligned. One
 * memory holds every block (one address-space reservation per process); its pages become resident when first used.
 * Empty where WebAssembly is unavailable (uploads then write through the page cache).
 */
function alignedBlocks(): Buffer[] {
  type Memory = new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  try {
    const pages = (POOL_BLOCKS * BLOCK) / 65_536;
    const memory = new (globalThis as unknown as { WebAssembly: { Memory: Memory } }).WebAssembly.Memory({ initial: pages, maximum: pages });
    const all = Buffer.from(memory.buffer);
    return Array.from({ length: POOL_BLOCKS }, (_, i) => all.subarray(i * BLOCK, (i + 1) * BLOCK));
  } catch {
    return [];
  }
}

/**
 * Writes a stream of bytes to a new file in BLOCK-sized stretches, each while the next one fills. Whole blocks go
 * straight to the device with O_DIRECT: no copy into the page cache, no writeback afterwards, and the final fsync
 * only has the last partial block (written through the page cache, its length not being aligned) and the metadata
 * to flush. Where O_DIRECT is refused (tmpfs, some network filesystems, no aligned block left) blocks go through
 * the page cache instead, flushed every SYNC_EVERY bytes while more arrives.
 */
class BlockWriter {
  private block: Block | null = null;
  private fill = 0;
  private position = 0;
  private held = 0;
  private readonly spare: Block[] = [];
  private readonly writing = new Set<Promise<void>>();
  /** Continues a chunk that waited for a block to be written. */
  private resume: (() => void) | null = null;
  private error: Error | null = null;
  private stopped = false;
  private direct: Promise<FileHandle | null> | null = null;
  private unsynced = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly store: FileStore, private readonly handle: FileHandle, private readonly path: string) {}

  /** Copies `chunk` into blocks and calls `done` once all of it is taken: later when every block is being written. */
  take(chunk: Buffer, done: (error?: Error | null) => void): void {
    let at = 0;
    const more = () => {
      while (at < chunk.length) {
        if (this.stopped) return;
        if (this.error) { done(this.error); return; }
        this.block ??= this.spare.pop() ?? this.newBlock();
        if (!this.block) { this.resume = more; return; }
        const n = chunk.copy(this.block.bytes, this.fill, at);
        this.fill += n;
        at += n;
        if (this.fill === BLOCK) this.flush();
      }
      done();
    };
    more();
  }

  /** Writes what is left, waits for every write, and flushes file data and metadata to disk (fsync). */
  async finish(): Promise<void> {
    if (this.fill) this.flush();
    while (this.writing.size) await Promise.all(this.writing);
    if (this.error) throw this.error;
    await this.syncing;
    await this.handle.sync();
  }

  /** Waits for writes in flight, then gives the blocks back and closes the O_DIRECT descriptor. Always called last. */
  async release(): Promise<void> {
    this.stopped = true;
    while (this.writing.size) await Promise.all(this.writing);
    await this.syncing?.catch(() => undefined);
    for (const block of [...this.spare, ...(this.block ? [this.block] : [])]) this.store.giveBlock(block);
    this.spare.length = 0;
    this.block = null;
    await (await this.direct?.catch(() => null))?.close();
  }

  private newBlock(): Block | null {
    if (this.held === BLOCKS_PER_UPLOAD) return null;
    this.held++;
    return this.store.takeBlock();
  }

  private flush(): void {
    const block = this.block!;
    const length = this.fill;
    const position = this.position;
    this.block = null;
    this.fill = 0;
    this.position += length;
    const writing: Promise<void> = this.write(block, length, position)
      .catch((error: Error) => { this.error ??= error; })
      .finally(() => {
        this.spare.push(block);
        this.writing.delete(writing);
        const resume = this.resume;
        this.resume = null;
        resume?.();
      });
    this.writing.add(writing);
  }

  private async write(block: Block, length: number, position: number): Promise<void> {
    if (block.aligned && length % DIRECT_ALIGN === 0) {
      const direct = await (this.direct ??= this.store.openDirect(this.path));
      if (direct) {
        try {
          await writeAt(direct, block.bytes, length, position);
          return;
        } catch (error) {
          // The filesystem takes O_DIRECT but not this alignment: this block (whole again) and the rest go through the page cache.
          if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
          this.store.directRefused(error as Error);
          this.direct = Promise.resolve(null);
          await direct.close();
        }
      }
    }
    await writeAt(this.handle, block.bytes, length, position);
    this.unsynced += length;
    if (this.unsynced >= SYNC_EVERY && !this.syncing) {
      this.unsynced = 0;
      this.syncing = this.handle.datasync().finally(() => { this.syncing = null; });
    }
  }
}

/** A file received into the temporary folder: not visible to anyone until `place`d. */
export interface Received { tempPath: string; size: number; sha256: string; head: Buffer }

export class FileTooLarge extends Error {}

/**
 * Local-disk storage under FILES_DIR: `tmp/` for incoming files, `<2 hex>/<uuid>` for stored ones.
 * Both live on one filesystem, so making a file visible is an atomic rename. Durability: the data is
 * fsynced before the rename and the folder after it.
 *
 * `direct: false` writes everything through the page cache (as on filesystems that refuse O_DIRECT).
 */
export class FileStore {
  readonly root: string;
  private readonly tmp: string;
  /** Aligned blocks not in use; created on the first upload. */
  private pool: Buffer[] | null = null;
  /** Whether whole blocks are written with O_DIRECT (until the filesystem refuses it). */
  private direct = fsConstants.O_DIRECT !== undefined;

  constructor(dir: string, private readonly logger: Logger, { direct = true }: { direct?: boolean } = {}) {
    this.root = resolve(dir);
    this.tmp = join(this.root, 'tmp');
    this.direct &&= direct;
  }

  async init(): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
  }

  /**
   * Streams `source` to a temporary file, hashing on the way; refuses more than `maxBytes`. Resolves once the
   * data is on disk (fsync). The data goes to disk while the rest still arrives (BlockWriter), so the final fsync
   * waits for the last stretch only, not for all of it. With O_DIRECT a 1 GiB upload takes 1.3–1.4 s of CPU instead
   * of 2.0 (the copy into the page cache was a quarter of it) and arrives at ~700 instead of 470–530 MB/s.
   */
  async receive(source: Readable, maxBytes: number): Promise<Received> {
    const tempPath = join(this.tmp, randomUUID());
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    let big = false;
    // Listening starts before the file is opened: a source that fails or is cut off during the open (a client gone
    // mid-request) emits nothing afterwards, and the copy below would wait for it forever with the file left behind.
    let failure: Error | null = null;
    let sink: Writable | undefined;
    const failed = (error: Error) => { failure ??= error; sink?.destroy(error); };
    source.on('error', failed);
    source.once('close', () => { if (!source.readableEnded) failed(new Error('The upload was cut off.')); });
    const handle = await open(tempPath, 'wx');
    // Writes through descriptors that only this function closes: an fs.WriteStream on a descriptor closes it when
    // destroyed (whatever autoClose says), so after a failure the handle would close a number the process may
    // already have reused, and throw EBADF before the temporary file is removed.
    const writer = new BlockWriter(this, handle, tempPath);
    sink = new Writable({
      highWaterMark: CHUNK,
      write(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) { done(new FileTooLarge()); return; }
        if (!big && size >= BIG) { big = true; bigUpload(1); }
        hash.update(chunk);
        if (headSize < HEAD) { chunks.push(chunk.subarray(0, HEAD - headSize)); headSize += Math.min(chunk.length, HEAD - headSize); }
        writer.take(chunk, done);
      },
      final(done) { writer.finish().then(() => done(), done); },
    });
    // The source is piped, not handed to pipeline(): a refused file must not destroy it but drain it, or a
    // multipart parser waiting to push the rest of the request would wait forever.
    if (failure) sink.destroy(failure);
    else source.pipe(sink);
    try {
      await finished(sink);
    } catch (error) {
      source.unpipe(sink);
      source.resume();
      await writer.release();
      await handle.close();
      await rm(tempPath, { force: true });
      throw error;
    } finally {
      if (big) bigUpload(-1);
    }
    await writer.release();
    await handle.close();
    return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(chunks) };
  }

  /** A block to collect received bytes in: an aligned one from the pool while any is left. */
  takeBlock(): Block {
    if (this.direct) {
      this.pool ??= alignedBlocks();
      const bytes = this.pool.pop();
      if (bytes) return { bytes, aligned: true };
    }
    return { bytes: Buffer.allocUnsafeSlow(BLOCK), aligned: false };
  }

  giveBlock(block: Block): void {
    if (block.aligned) this.pool!.push(block.bytes);
  }

  /** A second descriptor on a file being received, for O_DIRECT writes; null where the filesystem refuses them. */
  async openDirect(path: string): Promise<FileHandle | null> {
    if (!this.direct) return null;
    try {
      return await open(path, fsConstants.O_WRONLY | fsConstants.O_DIRECT);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EINVAL') this.directRefused(error as Error);
      return null;
    }
  }

  /** The filesystem refused O_DIRECT: from now on every upload writes through the page cache. */
  directRefused(error: Error): void {
    if (!this.direct) return;
    this.direct = false;
    this.logger.info({ err: error, dir: this.root }, 'O_DIRECT refused; uploads are written through the page cache');
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
