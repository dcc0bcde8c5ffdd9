import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPortal, type TestPortal } from './harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions of concurrent requests stay apart (nothing acknowledged is lost)', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(); });
  after(async () => { await tp.close(); });

  it('a transaction that rolls back never takes along the work of one that committed while it was open', async () => {
    const { ds } = tp.portal.app;
    const insert = (code: string) => `INSERT INTO dossier_status (code, labelNl, labelEn, active, position) VALUES ('${code}', 'x', 'x', 1, 99)`;
    const failing = ds.transaction(async (m) => {
      await m.query(insert('TX_FAILS'));
      await sleep(50); // e.g. a file being fsynced and renamed into place
      throw new Error('fails after the other committed');
    }).then(() => 'committed', (error: Error) => error.message);
    await sleep(5);
    const committing = ds.transaction(async (m) => { await m.query(insert('TX_COMMITS')); return 'committed'; });
    assert.equal(await committing, 'committed');
    assert.equal(await failing, 'fails after the other committed');
    const codes = (await ds.query("SELECT code FROM dossier_status WHERE code IN ('TX_FAILS', 'TX_COMMITS')")) as { code: string }[];
    assert.deepEqual(codes.map((r) => r.code), ['TX_COMMITS']);
  });

  it('the hot read path never sees the open transaction of another request, only what committed', async () => {
    const { ds, sql } = tp.portal.app;
    const read = async () => (await sql.rows<{ code: string }>("SELECT code FROM dossier_status WHERE code = 'TX_OPEN'")).map((r) => r.code);
    let seenInside: string[] = [];
    await ds.transaction(async (m) => {
      await m.query("INSERT INTO dossier_status (code, labelNl, labelEn, active, position) VALUES ('TX_OPEN', 'x', 'x', 1, 98)");
      await sleep(5); // another request reads meanwhile
      seenInside = await read();
    });
    assert.deepEqual(seenInside, []);
    assert.deepEqual(await read(), ['TX_OPEN']);
  });
});
