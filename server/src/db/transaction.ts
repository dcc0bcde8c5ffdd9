import type { EntityManager } from 'typeorm';
import type { App } from '../app-context.js';

/**
 * Runs `work` in one transaction; mail enqueued inside it is handed to the worker only after commit,
 * so a rolled-back change never sends mail. Transactions that enqueued nothing do not wake the worker.
 */
export async function inTransaction<T>(app: App, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const before = app.outbox.enqueued;
  const result = await app.ds.transaction(work);
  if (app.outbox.enqueued !== before) app.outbox.kick();
  return result;
}
