import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { FileStore } from '../src/files/storage.js';

describe('FileStore.receive: a source that fails at any moment leaves no temporary file and never hangs', () => {
  let dir: string;
  let store: FileStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dp-store-'));
    store = new FileStore(dir, pino({ level: 'silent' }));
    await store.init();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const temporary = () => readdirSync(join(dir, 'tmp'));
  /** Settles within 5 s or fails the test (a hang is the defect looked for). */
  const settled = <T>(promise: Promise<T>) => Promise.race([
    promise.then((value) => ({ value }), (error: Error) => ({ error })),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('receive() never settled')), 5000).unref()),
  ]);

  it('receives a whole source: size, SHA-256, head, and the bytes', async () => {
    const source = new PassThrough();
    const receiving = store.receive(source, 1_000_000);
    source.end(Buffer.from('%PDF-1.7 hello'));
    const file = await receiving;
    assert.equal(file.size, 14);
    assert.equal(file.sha256, createHash('sha256').update('%PDF-1.7 hello').digest('hex'));
    assert.equal(file.head.toString(), '%PDF-1.7 hello');
    assert.equal(readFileSync(file.tempPath, 'utf8'), '%PDF-1.7 hello');
    await store.discard(file);
    assert.deepEqual(temporary(), []);
  });

  for (const [when, cut] of [
    ['fails while the file is being opened', (s: PassThrough) => s.destroy(new Error('ECONNRESET'))],
    ['is closed without an error while the file is being opened', (s: PassThrough) => s.destroy()],
    ['fails after some data', (s: PassThrough) => { s.write(Buffer.alloc(70_000, 1)); setTimeout(() => s.destroy(new Error('ECONNRESET')), 20); }],
  ] as const) {
    it(`rejects when the source ${when}`, async () => {
      const source = new PassThrough();
      const receiving = store.receive(source, 1_000_000);
      cut(source);
      const outcome = await settled(receiving);
      assert.ok('error' in outcome, 'rejected');
      assert.deepEqual(temporary(), []);
    });
  }

  it('refuses more than the limit and drains the rest of the source', async () => {
    const source = new PassThrough();
    const receiving = store.receive(source, 10);
    source.end(Buffer.alloc(100_000, 2));
    const outcome = await settled(receiving);
    assert.ok('error' in outcome && outcome.error.constructor.name === 'FileTooLarge');
    assert.equal(source.readableEnded, true, 'drained');
    assert.deepEqual(temporary(), []);
  });
});

describe('FileStore.receive: files of several blocks, with and without O_DIRECT', () => {
  let dir: string;
  after(() => rmSync(dir, { recursive: true, force: true }));
  before(() => { dir = mkdtempSync(join(tmpdir(), 'dp-store-blocks-')); });
  /** Deterministic bytes that differ from block to block (a block written at the wrong place changes the file). */
  const content = (size: number, seed: number) => {
    const bytes = Buffer.alloc(size);
    let x = seed | 1;
    for (let i = 0; i < size; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; bytes[i] = x & 0xff; }
    return bytes;
  };
  /** Ends `source` with `bytes` in pieces of odd sizes, waiting for room as a socket would. */
  const feed = async (source: PassThrough, bytes: Buffer) => {
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const piece = bytes.subarray(at, at + [65_536, 1, 300_001, 4096, 777_777][i % 5]);
      at += piece.length;
      if (!source.write(piece)) await new Promise((r) => source.once('drain', r));
    }
    source.end();
  };

  for (const direct of [true, false]) {
    it(`stores the exact bytes and their SHA-256 (${direct ? 'O_DIRECT' : 'page cache'})`, async () => {
      const store = new FileStore(join(dir, String(direct)), pino({ level: 'silent' }), { direct });
      await store.init();
      // 33 MiB + 1: past the size that counts as a big upload and past the page cache path's flush every 32 MiB.
      for (const size of [4096, 1024 * 1024, 5 * 1024 * 1024 + 12_345, 33 * 1024 * 1024 + 1]) {
        const bytes = content(size, size);
        const source = new PassThrough();
        const receiving = store.receive(source, size);
        await feed(source, bytes);
        const file = await receiving;
        assert.equal(file.size, size);
        assert.equal(file.sha256, createHash('sha256').update(bytes).digest('hex'));
        assert.ok(readFileSync(file.tempPath).equals(bytes), `${size} bytes stored as sent`);
        await store.discard(file);
      }
    });
  }

  it('stores uploads received at the same time, more than the aligned blocks shared between them', async () => {
    const store = new FileStore(join(dir, 'many'), pino({ level: 'silent' }));
    await store.init();
    const files = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
      const bytes = content(9 * 1024 * 1024 + i * 1000, i + 7);
      const source = new PassThrough();
      const receiving = store.receive(source, bytes.length);
      await feed(source, bytes);
      const file = await receiving;
      assert.ok(readFileSync(file.tempPath).equals(bytes), `upload ${i} stored as sent`);
      return file;
    }));
    for (const file of files) await store.discard(file);
    assert.deepEqual(readdirSync(join(dir, 'many', 'tmp')), []);
  });

  it('leaves no temporary file when the source fails or is too large while blocks are being written', async () => {
    const store = new FileStore(join(dir, 'failing'), pino({ level: 'silent' }));
    await store.init();
    const cutOff = new PassThrough();
    const receiving = store.receive(cutOff, 100 * 1024 * 1024);
    for (let i = 0; i < 12; i++) cutOff.write(content(1024 * 1024, i));
    setTimeout(() => cutOff.destroy(new Error('ECONNRESET')), 5);
    await assert.rejects(receiving, /ECONNRESET/);
    const tooLarge = new PassThrough();
    const refusing = store.receive(tooLarge, 10 * 1024 * 1024);
    await feed(tooLarge, content(14 * 1024 * 1024, 3));
    await assert.rejects(refusing, (error: Error) => error.constructor.name === 'FileTooLarge');
    assert.deepEqual(readdirSync(join(dir, 'failing', 'tmp')), []);
  });
});
