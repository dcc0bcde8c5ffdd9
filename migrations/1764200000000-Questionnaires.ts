import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { col } from './columns.js';

const fk = (table: string, column: string, target: string, onDelete: 'CASCADE' | 'SET NULL') => new TableForeignKey({
  name: `FK_${table}_${column}`, columnNames: [column], referencedTableName: target, referencedColumnNames: ['id'], onDelete, onUpdate: 'NO ACTION',
});
const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

/**
 * Questionnaires (SPEC §6): the firm's templates, and actions — a template assigned to a dossier, with a
 * frozen copy of the template, the answers saved so far and, once completed, the PDF of the answers.
 */
export class Questionnaires1764200000000 implements MigrationInterface {
  name = 'Questionnaires1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'questionnaire',
      columns: [col.id(), col.string('title', 300), col.text('definition'), col.int('version', 1), col.date('createdAt'), col.date('updatedAt')],
    }));
    await q.createTable(new Table({
      name: 'action',
      columns: [
        col.id(), col.ref('dossierId'), col.ref('questionnaireId', true), col.int('questionnaireVersion', 1), col.string('title', 300),
        col.string('status', 20), col.text('definition'), col.text('answers'), col.int('currentPage'), col.int('version'),
        col.date('assignedAt'), col.date('completedAt', true), col.ref('completedById', true), col.ref('resultDocumentId', true), col.date('updatedAt'),
      ],
      indices: [
        index('IDX_action_dossier_status', ['dossierId', 'status', 'assignedAt', 'id']),
        index('IDX_action_questionnaireId', ['questionnaireId']),
        index('IDX_action_completedById', ['completedById']),
        index('IDX_action_resultDocumentId', ['resultDocumentId']),
      ],
      foreignKeys: [
        fk('action', 'dossierId', 'dossier', 'CASCADE'), fk('action', 'questionnaireId', 'questionnaire', 'SET NULL'),
        fk('action', 'completedById', 'account', 'SET NULL'), fk('action', 'resultDocumentId', 'document', 'SET NULL'),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('action');
    await q.dropTable('questionnaire');
  }
}
