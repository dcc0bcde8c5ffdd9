import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns.js';
import { Account } from '../account/account.entity.js';
import { Dossier } from '../dossier/dossier.entity.js';
import { MessageRow } from '../message/message.entity.js';

/**
 * A file in a dossier. `storageKey` (where the bytes are) never reaches the API. The uploader's name is
 * kept as a snapshot so the row survives the removal of the account (the reference is set to null).
 */
@Entity('document')
@Index('IDX_document_dossier_category', ['dossierId', 'category', 'publishedAt', 'id'])
export class DocumentRow {
  @IdColumn() id: string;
  @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_document_dossierId' })
  dossier?: Relation<Dossier>;
  @StringColumn(20) category: string;
  @StringColumn(300) title: string;
  @StringColumn(255) fileName: string;
  @StringColumn(100) contentType: string;
  @IntColumn(0) size: number;
  @StringColumn(64) sha256: string;
  @Index('UQ_document_storageKey', { unique: true }) @StringColumn(100) storageKey: string;
  @Index('IDX_document_messageId') @RefColumn({ nullable: true }) messageId: string | null;
  @ManyToOne(() => MessageRow, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'messageId', foreignKeyConstraintName: 'FK_document_messageId' })
  message?: Relation<MessageRow>;
  @Index('IDX_document_uploadedById') @RefColumn({ nullable: true }) uploadedById: string | null;
  @ManyToOne(() => Account, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'uploadedById', foreignKeyConstraintName: 'FK_document_uploadedById' })
  uploadedBy?: Relation<Account>;
  @StringColumn(200) uploadedByName: string;
  @DateColumn() publishedAt: Date;
  @DateColumn() createdAt: Date;
}

/** The first download of a document by an account ("reeds gedownload"); every download is also audited. */
@Entity('document_download')
@Index('UQ_document_download', ['documentId', 'accountId'], { unique: true })
export class DocumentDownload {
  @IdColumn() id: string;
  @RefColumn() documentId: string;
  @ManyToOne(() => DocumentRow, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'documentId', foreignKeyConstraintName: 'FK_document_download_documentId' })
  document?: Relation<DocumentRow>;
  @Index('IDX_document_download_accountId') @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_document_download_accountId' })
  account?: Relation<Account>;
  @DateColumn() firstAt: Date;
}
