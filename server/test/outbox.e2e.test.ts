import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { inTransaction } from '../src/db/transaction.js';
import { Language } from '../src/modules/account/account.enums.js';
import { OutboxMessage } from '../src/notify/outbox.entity.js';
import { startPortal, type TestPortal } from './harness.js';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe('outbox: mail survives an SMTP outage and is sent once', () => {
  let tp: TestPortal;
  let port: number;
  let smtp: SMTPServer | undefined;
  const received: string[] = [];

  before(async () => {
    port = await freePort();
    // MAIL_POLL_SECONDS is long so that only this test's drain() calls send.
    tp = await startPortal({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_SECONDS: '3600' });
  });
  after(async () => {
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await tp.close();
  });

  it('backs off while the server is down, then delivers exactly once', async () => {
    const { app } = tp.portal;
    await inTransaction(app, (m) => app.outbox.enqueue(m, {
      to: 'outage@example.nl', language: Language.EN, template: 'password-set', vars: { name: 'Olga', link: `${tp.url}/login` },
    }));
    const repo = app.ds.getRepository(OutboxMessage);

    await app.outbox.drain();
    let row = await repo.findOneByOrFail({ recipient: 'outage@example.nl' });
    assert.equal(row.sentAt, null);
    assert.equal(row.attempts, 1);
    assert.ok(row.lastError, 'error recorded');
    assert.equal(row.nextAttemptAt.getTime() - tp.clock.now().getTime(), 10_000, 'first back-off 10 s');

    await app.outbox.drain();
    assert.equal((await repo.findOneByOrFail({ id: row.id })).attempts, 1, 'not retried before its time');
    tp.clock.advance(10_000);
    await app.outbox.drain();
    row = await repo.findOneByOrFail({ id: row.id });
    assert.equal(row.attempts, 2);
    assert.equal(row.nextAttemptAt.getTime() - tp.clock.now().getTime(), 20_000, 'back-off doubles');

    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => { received.push(session.envelope.rcptTo[0].address); callback(); });
      },
    });
    await new Promise<void>((r) => smtp!.listen(port, '127.0.0.1', () => r()));
    tp.clock.advance(20_000);
    await app.outbox.drain();
    await app.outbox.drain();
    tp.clock.advance(3_600_000);
    await app.outbox.drain();

    row = await repo.findOneByOrFail({ id: row.id });
    assert.ok(row.sentAt, 'marked sent');
    assert.equal(row.lastError, null);
    assert.deepEqual(received, ['outage@example.nl'], 'delivered once');
  });

  it('writes nothing when the transaction that enqueued it rolls back', async () => {
    const { app } = tp.portal;
    await assert.rejects(inTransaction(app, async (m) => {
      await app.outbox.enqueue(m, { to: 'rollback@example.nl', language: Language.NL, template: 'password-set', vars: { name: 'R' } });
      throw new Error('change failed');
    }));
    assert.equal(await app.ds.getRepository(OutboxMessage).countBy({ recipient: 'rollback@example.nl' }), 0);
  });
});

describe('outbox: a pass of the worker that fails', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal(); });
  after(async () => { await tp.close(); });

  it('is logged and retried at the next poll, never left as an unhandled rejection (which ends the process)', async () => {
    const { app } = tp.portal;
    const logged: { err?: Error }[] = [];
    const { ds, logger } = app;
    const getRepository = ds.getRepository.bind(ds);
    ds.getRepository = ((target: Parameters<typeof getRepository>[0]) => {
      if (target === OutboxMessage) throw new Error('database gone');
      return getRepository(target);
    }) as typeof ds.getRepository;
    logger.error = ((entry: { err?: Error }) => { logged.push(entry); }) as typeof logger.error;
    try {
      app.outbox.kick();
      for (const end = Date.now() + 5_000; !logged.length;) {
        assert.ok(Date.now() < end, 'the failure is logged');
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      delete (ds as { getRepository?: unknown }).getRepository;
      delete (logger as { error?: unknown }).error;
    }
    assert.equal(logged[0].err?.message, 'database gone');
    // The worker goes on: the next mail is delivered.
    await inTransaction(app, (m) => app.outbox.enqueue(m, { to: 'after-failure@example.nl', language: Language.NL, template: 'password-set', vars: { name: 'P' } }));
    await tp.mail.waitFor('after-failure@example.nl');
  });
});
