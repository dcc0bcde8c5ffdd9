import busboy from 'busboy';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useNativeBoundarySearch } from '../src/files/boundary-search.js';

const boundary = 'b0undary-x';
const delimiter = `\r\n--${boundary}`;

/** A deterministic PRNG, so that a failure can be replayed. */
function prng(seed: number) {
  return () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32; };
}

/** File content full of near-boundaries: every proper prefix of the delimiter, CRs, dashes, random bytes. */
function trickyContent(random: () => number, size: number): Buffer {
  const pieces: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const kind = random();
    const piece = kind < 0.4 ? Buffer.from(delimiter.slice(0, 1 + Math.floor(random() * (delimiter.length - 1))))
      : kind < 0.5 ? Buffer.from('\r\n-\r\r\n--')
        : Buffer.from(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256)));
    pieces.push(piece);
    length += piece.length;
  }
  return Buffer.concat(pieces).subarray(0, size);
}

type Parsed = { fields: [string, string][]; files: [string, string][] };

function parse(body: Buffer, chunkSizes: () => number, native: boolean): Promise<Parsed & { swapped: boolean }> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const swapped = native ? useNativeBoundarySearch(parser) : false;
    const parsed: Parsed = { fields: [], files: [] };
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value) => parsed.fields.push([name, value]));
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      pending.push(new Promise((done) => stream.on('end', () => { parsed.files.push([name, Buffer.concat(chunks).toString('hex')]); done(); })));
    });
    parser.on('error', reject);
    parser.on('close', () => { void Promise.all(pending).then(() => resolve({ ...parsed, swapped })); });
    for (let at = 0; at < body.length;) {
      const size = Math.max(1, chunkSizes());
      parser.write(body.subarray(at, at + size));
      at += size;
    }
    parser.end();
  });
}

test('the native boundary search parses what streamsearch parses, however the request is cut into chunks', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = prng(seed);
    const files = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => [`f${i}`, trickyContent(random, Math.floor(random() * 5000))] as const);
    const body = Buffer.concat([
      Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"a":1}`),
      ...files.flatMap(([name, content]) => [Buffer.from(`${delimiter}\r\nContent-Disposition: form-data; name="${name}"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`), content]),
      Buffer.from(`${delimiter}--\r\n`),
    ]);
    const expected: Parsed = { fields: [['operations', '{"a":1}']], files: files.map(([name, content]) => [name, content.toString('hex')]) };
    // Tiny chunks (a boundary spread over many), a mix, and big ones.
    for (const sizes of [() => 1 + Math.floor(random() * 3), () => 1 + Math.floor(random() * 80), () => 1 + Math.floor(random() * 20_000)]) {
      const native = await parse(body, sizes, true);
      assert.equal(native.swapped, true, 'busboy’s internals changed: the native boundary search is not in use');
      assert.deepEqual({ fields: native.fields, files: native.files }, expected, `seed ${seed}`);
      const original = await parse(body, sizes, false);
      assert.deepEqual({ fields: original.fields, files: original.files }, expected, `seed ${seed} (streamsearch)`);
    }
  }
});

test('a body that ends inside a possible boundary is refused as before', async () => {
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\nabc\r\n--${boundary.slice(0, 4)}`);
  await assert.rejects(parse(body, () => 7, true), /Unexpected end of form/);
  await assert.rejects(parse(body, () => 7, false), /Unexpected end of form/);
});
