import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './columns.js';

/**
 * The change feed (server/src/modules/event): events ordered by a gapless `position` taken from a one-row
 * counter, which writers lock so that positions commit in order. No foreign keys: the feed is history.
 */
export class ChangeFeed1764100000000 implements MigrationInterface {
  name = 'ChangeFeed1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'portal_event',
      columns: [
        col.id(), col.int('position'), col.string('type', 64), col.date('occurredAt'),
        col.ref('dossierId', true), col.ref('accountId', true), col.ref('subjectId', true),
      ],
      indices: [new TableIndex({ name: 'UQ_portal_event_position', columnNames: ['position'], isUnique: true })],
    }));
    await q.createTable(new Table({ name: 'portal_event_counter', columns: [col.id(), col.int('position')] }));
    await q.manager.createQueryBuilder().insert().into('portal_event_counter').values([{ id: 'portal_event', position: 0 }]).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('portal_event_counter');
    await q.dropTable('portal_event');
  }
}
