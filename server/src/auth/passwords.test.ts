import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/config.js';
import { Passwords } from './passwords.js';

const seed = new Passwords(loadConfig({ NODE_ENV: 'test' }));
const standards = new Passwords(loadConfig({ NODE_ENV: 'test', PASSWORD_POLICY: 'standards' }));

describe('Passwords', () => {
  it('hashes with argon2id, m=19456 KiB, t=2, p=1 and a random salt', async () => {
    const hash = await seed.hash('Zonnebloem-Akte-42');
    const [, algorithm, version, params, salt, digest] = hash.split('$');
    assert.equal(algorithm, 'argon2id');
    assert.equal(version, 'v=19');
    // The PHC string lists the parameters; their order is the library's choice.
    assert.deepEqual(Object.fromEntries(params.split(',').map((p) => p.split('='))), { m: '19456', t: '2', p: '1' });
    assert.ok(Buffer.from(salt, 'base64').length >= 16, 'salt of at least 16 bytes');
    assert.ok(Buffer.from(digest, 'base64').length >= 32, 'hash of at least 32 bytes');
    assert.notEqual(await seed.hash('Zonnebloem-Akte-42'), hash, 'salted: same password, different hash');
  });

  it('verifies the exact password only, never trimmed or truncated', async () => {
    const password = ' Spatie-Voor-En-Na-9 ';
    const hash = await seed.hash(password);
    assert.equal(await seed.verify(hash, password), true);
    assert.equal(await seed.verify(hash, password.trim()), false);
    const long = 'Aa1' + 'z'.repeat(125);
    const longHash = await seed.hash(long);
    assert.equal(await seed.verify(longHash, long), true);
    assert.equal(await seed.verify(longHash, long.slice(0, 127)), false);
  });

  it('never accepts a login without a stored hash, and survives a malformed hash', async () => {
    assert.equal(await seed.verify(null, 'dummy password that never matches anything'), false);
    assert.equal(await seed.verify(null, ''), false);
    assert.equal(await seed.verify('not-a-hash', 'x'), false);
  });

  it('applies the seed rules', () => {
    assert.deepEqual(seed.check('Zonnebloem-Akte-42'), []);
    assert.deepEqual(seed.check('Kort-1'), ['TOO_SHORT']);
    assert.deepEqual(seed.check('zonder-hoofdletter-9'), ['NO_UPPERCASE']);
    assert.deepEqual(seed.check('Zonder-Cijfers'), ['NO_DIGIT']);
    assert.deepEqual(seed.check('Aa1' + 'b'.repeat(125)), []);
    assert.deepEqual(seed.check('Aa1' + 'b'.repeat(126)), ['TOO_LONG']);
    assert.deepEqual(seed.check('Ébène-Étoile-7'), [], 'non-ASCII capitals count');
    assert.deepEqual(seed.check('Aa1😀😀😀😀'), ['TOO_SHORT'], 'length in characters, not UTF-16 units');
  });

  it('refuses the shipped blocklist case-insensitively, in both modes', () => {
    for (const password of ['Welkom01', 'welkom01', 'WELKOM01', 'Password1', 'password1', 'pAsSwOrD1']) {
      assert.ok(seed.check(password).includes('BLOCKLISTED'), `seed: ${password}`);
      assert.ok(standards.check(password).includes('BLOCKLISTED'), `standards: ${password}`);
    }
  });

  it('has no composition rules in standards mode', () => {
    assert.deepEqual(standards.check('alllowercaselongpassphrase'), []);
    assert.deepEqual(standards.check('short'), ['TOO_SHORT']);
    assert.deepEqual(standards.describe(), { mode: 'STANDARDS', minLength: 8, maxLength: 128, requireUppercase: false, requireDigit: false });
    assert.deepEqual(seed.describe(), { mode: 'SEED', minLength: 8, maxLength: 128, requireUppercase: true, requireDigit: true });
  });

  it('refuses passwords made of the e-mail address or account number', () => {
    assert.deepEqual(seed.check('Anna.visser-2026', ['anna.visser@example.nl', '12345678']), ['CONTAINS_IDENTITY']);
    assert.deepEqual(seed.check('12345678', ['x@example.nl', '12345678']).includes('CONTAINS_IDENTITY'), true);
  });
});
