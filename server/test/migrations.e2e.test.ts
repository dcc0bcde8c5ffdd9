import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPortal, type TestPortal } from './harness.js';

describe('migrations', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(); });
  after(async () => { await tp.close(); });

  it('leave TypeORM no pending schema change on this dialect', async () => {
    const { ds } = tp.portal.app;
    assert.equal(await ds.showMigrations(), false, 'no migration pending');
    const pending = await ds.driver.createSchemaBuilder().log();
    assert.deepEqual(pending.upQueries.map((q) => q.query), [], `dialect ${ds.options.type}`);
  });

  it('create every entity table', async () => {
    const { ds } = tp.portal.app;
    const runner = ds.createQueryRunner();
    try {
      for (const meta of ds.entityMetadatas) assert.ok(await runner.hasTable(meta.tableName), meta.tableName);
    } finally {
      await runner.release();
    }
  });

  it('can be reverted and re-applied', async () => {
    const { ds } = tp.portal.app;
    await ds.undoLastMigration({ transaction: 'each' });
    const runner = ds.createQueryRunner();
    try {
      assert.equal(await runner.hasTable('account'), false);
    } finally {
      await runner.release();
    }
    await ds.runMigrations({ transaction: 'each' });
    assert.deepEqual((await ds.driver.createSchemaBuilder().log()).upQueries, []);
  });
});
