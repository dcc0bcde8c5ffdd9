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
