import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns.js';
import { Account } from '../account/account.entity.js';
import { DocumentRow } from '../document/document.entity.js';
import { Dossier } from '../dossier/dossier.entity.js';

/**
 * A questionnaire template of the firm. `definition` is the JSON of its pages and questions
 * (see questionnaire.ts); `version` counts its changes. Assigning it copies the definition onto the action.
 */
@Entity('questionnaire')
export class QuestionnaireRow {
  @IdColumn() id: string;
  @StringColumn(300) title: string;
  @TextColumn() definition: string;
  @IntColumn(1) version: number;
  @DateColumn() createdAt: Date;
  @DateColumn() updatedAt: Date;
}

/**
 * A questionnaire assigned to a dossier: what its clients fill in. `definition` is a frozen copy of the
 * template as it was when assigned (later template changes do not touch it); `answers` is the JSON of the
 * answers saved so far, by question key. `version` grows with every write, so a write can tell that the
 * answers it read are still the current ones.
 */
@Entity('action')
@Index('IDX_action_dossier_status', ['dossierId', 'status', 'assignedAt', 'id'])
export class ActionRow {
  @IdColumn() id: string;
  @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_action_dossierId' })
  dossier?: Relation<Dossier>;
  @Index('IDX_action_questionnaireId') @RefColumn({ nullable: true }) questionnaireId: string | null;
  @ManyToOne(() => QuestionnaireRow, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'questionnaireId', foreignKeyConstraintName: 'FK_action_questionnaireId' })
  questionnaire?: Relation<QuestionnaireRow>;
  @IntColumn(1) questionnaireVersion: number;
  @StringColumn(300) title: string;
  /** OPEN, IN_PROGRESS or COMPLETED. */
  @StringColumn(20) status: string;
  @TextColumn() definition: string;
  @TextColumn() answers: string;
  @IntColumn(0) currentPage: number;
  @IntColumn(0) version: number;
  @DateColumn() assignedAt: Date;
  @DateColumn({ nullable: true }) completedAt: Date | null;
  @Index('IDX_action_completedById') @RefColumn({ nullable: true }) completedById: string | null;
  @ManyToOne(() => Account, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'completedById', foreignKeyConstraintName: 'FK_action_completedById' })
  completedBy?: Relation<Account>;
  @Index('IDX_action_resultDocumentId') @RefColumn({ nullable: true }) resultDocumentId: string | null;
  @ManyToOne(() => DocumentRow, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'resultDocumentId', foreignKeyConstraintName: 'FK_action_resultDocumentId' })
  resultDocument?: Relation<DocumentRow>;
  @DateColumn() updatedAt: Date;
}
