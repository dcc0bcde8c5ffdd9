import assert from 'node:assert/strict';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileStore } from '../src/files/storage.js';
import { clientWithDossier, integration, pdf, PUBLISH } from './factories.js';
import { HIGH_LIMITS, ok, startPortal, type TestPortal } from './harness.js';

describe('the startup sweep removes what a crash left in FILES_DIR, nothing else', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(HIGH_LIMITS); });
  after(async () => { await tp.close(); });

  it('deletes old temporary files and stored files without a document row; keeps referenced and young files', async () => {
    const api = await integration(tp);
    const { dossier } = await clientWithDossier(tp, api, 'Zonnebloem-Akte-42');
    ok(await api.upload(PUBLISH, { input: { dossierId: dossier.id, category: 'DOCUMENT', title: 'Akte', file: null } }, { 'input.file': { name: 'akte.pdf', content: pdf('akte') } }));
    const { app } = tp.portal;
    const [{ storageKey }] = await app.sql.rows<{ storageKey: string }>('SELECT storageKey FROM document');
    const root = app.files.root;
    const old = new Date(Date.now() - 3_600_000);
    const file = (path: string, age: Date | null) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'x');
      if (age) utimesSync(path, age, age);
      return path;
    };
    const orphan = file(join(root, FileStore.newKey()), old);
    const youngOrphan = file(join(root, FileStore.newKey()), null);
    const oldTemp = file(join(root, 'tmp', 'upload-in-progress-at-crash'), old);
    const referenced = join(root, storageKey);
    utimesSync(referenced, old, old);

    const { removed } = await app.files.sweep(app.sql);
    assert.equal(removed, 2);
    assert.equal(existsSync(orphan), false, 'a stored file no row names');
    assert.equal(existsSync(oldTemp), false, 'an old temporary file');
    assert.equal(existsSync(referenced), true, 'the published document');
    assert.equal(existsSync(youngOrphan), true, 'a file that may belong to an upload committing right now');
  });
});
