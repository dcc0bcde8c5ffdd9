import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrations } from '../../migrations/index.js';
import { Session } from '../src/auth/session.entity.js';
import { Account } from '../src/modules/account/account.entity.js';
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

  it('keep existing rows when a later migration alters their tables', async () => {
    const { ds } = tp.portal.app;
    // Back to the first migration, with an account and its session in place, then forward again:
    // SQLite alters tables by copying them, which must neither lose rows nor cascade-delete children.
    for (let i = migrations.length; i > 1; i--) await ds.undoLastMigration({ transaction: 'each' });
    const now = '2026-03-02 09:00:00.000';
    await ds.query(
      `INSERT INTO account (id, email, accountNumber, displayName, role, language, twoFactorMethod, consecutiveFailures, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['00000000-0000-4000-8000-000000000001', 'upgrade@example.nl', '12345678', 'Upgrade', 'CLIENT', 'NL', 'NONE', 0, now],
    );
    await ds.query(
      `INSERT INTO session (id, accountId, tokenHash, stage, createdAt, lastSeenAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'f'.repeat(64), 'FULL', now, now, now],
    );
    await ds.runMigrations({ transaction: 'each' });
    const account = await ds.getRepository(Account).findOneByOrFail({ email: 'upgrade@example.nl' });
    assert.equal(account.totpLastCounter, 0, 'new column gets its default');
    assert.equal(account.totpSecret, null);
    assert.equal(await ds.getRepository(Session).countBy({ accountId: account.id }), 1, 'the session survived');
    await ds.getRepository(Account).delete({ id: account.id });
  });

  it('can be reverted and re-applied', async () => {
    const { ds } = tp.portal.app;
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
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
