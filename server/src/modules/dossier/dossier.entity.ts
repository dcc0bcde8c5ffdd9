import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { BoolColumn, DateColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns.js';
import { Account } from '../account/account.entity.js';
import { Client } from '../client/client.entity.js';

/** A configurable dossier status ("in behandeling", "afgerond", …); `active` false = a closed dossier. */
@Entity('dossier_status')
export class DossierStatusRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) code: string;
  @StringColumn(100) labelNl: string;
  @StringColumn(100) labelEn: string;
  @BoolColumn(true) active: boolean;
  @IntColumn(0) position: number;
}

/**
 * A case of the firm, mirrored from its case-management system (`externalRef`). Who may see it is
 * decided by its DossierClient rows (see access/). Its search index lives in tables of its own
 * (migration SearchIndex), outside the entities.
 */
@Entity('dossier')
@Index('IDX_dossier_opened', ['openedAt', 'id'])
@Index('IDX_dossier_status_opened', ['statusCode', 'openedAt', 'id'])
export class Dossier {
  @IdColumn() id: string;
  @Index('UQ_dossier_externalRef', { unique: true }) @StringColumn(100, { nullable: true }) externalRef: string | null;
  @Index('IDX_dossier_number') @StringColumn(50) number: string;
  @StringColumn(500) description: string;
  @StringColumn(40) statusCode: string;
  @ManyToOne(() => DossierStatusRow, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'statusCode', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_dossier_statusCode' })
  status?: Relation<DossierStatusRow>;
  @StringColumn(200, { nullable: true }) handlerName: string | null;
  @StringColumn(254, { nullable: true }) handlerEmail: string | null;
  @StringColumn(30, { nullable: true }) handlerPhone: string | null;
  @DateColumn() openedAt: Date;
  @DateColumn({ nullable: true }) closedAt: Date | null;
  @DateColumn() createdAt: Date;
  @DateColumn() updatedAt: Date;
}

/** Grants a client (person or company) — and so its accounts — access to a dossier. */
@Entity('dossier_client')
@Index('UQ_dossier_client', ['dossierId', 'clientId'], { unique: true })
@Index('IDX_dossier_client_client', ['clientId', 'dossierId'])
export class DossierClient {
  @IdColumn() id: string;
  @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_dossier_client_dossierId' })
  dossier?: Relation<Dossier>;
  @RefColumn() clientId: string;
  @ManyToOne(() => Client, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'clientId', foreignKeyConstraintName: 'FK_dossier_client_clientId' })
  client?: Relation<Client>;
  @DateColumn() createdAt: Date;
}

/** One line of a dossier's "Voortgang"; the list is replaced as a whole by setProgressSteps. */
@Entity('progress_step')
@Index('IDX_progress_step_dossier', ['dossierId', 'position'])
export class ProgressStepRow {
  @IdColumn() id: string;
  @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_progress_step_dossierId' })
  dossier?: Relation<Dossier>;
  @IntColumn(0) position: number;
  @StringColumn(300) title: string;
  @BoolColumn(false) done: boolean;
  @DateColumn({ nullable: true }) doneAt: Date | null;
}

/** An e-mail notification waiting for the digest worker, which bundles an account's rows into one mail. */
@Entity('pending_notification')
@Index('IDX_pending_notification_account', ['accountId', 'createdAt'])
export class PendingNotification {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_pending_notification_accountId' })
  account?: Relation<Account>;
  @Index('IDX_pending_notification_dossier') @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_pending_notification_dossierId' })
  dossier?: Relation<Dossier>;
  @StringColumn(20) kind: string;
  @Index('IDX_pending_notification_created') @DateColumn() createdAt: Date;
}
