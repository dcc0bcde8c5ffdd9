import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from '../paths.js';
import { Config, OPTIONAL_KEYS } from './config.js';

it('the README configuration table lists every setting of Config', () => {
  const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
  const keys = [...Object.keys(new Config()), ...OPTIONAL_KEYS];
  const missing = keys.filter((key) => !readme.includes(`| \`${key}\` |`));
  assert.deepEqual(missing, []);
});
