import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns.js';
import { Account } from '../account/account.entity.js';
import { Dossier } from '../dossier/dossier.entity.js';

/** A message in a dossier, from the office (FROM_OFFICE) or from the client side (TO_OFFICE). */
@Entity('message')
@Index('IDX_message_dossier_sent', ['dossierId', 'sentAt', 'id'])
export class MessageRow {
  @IdColumn() id: string;
  @RefColumn() dossierId: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'dossierId', foreignKeyConstraintName: 'FK_message_dossierId' })
  dossier?: Relation<Dossier>;
  @StringColumn(12) direction: string;
  @StringColumn(200) subject: string;
  @TextColumn() body: string;
  @Index('IDX_message_senderAccountId') @RefColumn({ nullable: true }) senderAccountId: string | null;
  @ManyToOne(() => Account, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'senderAccountId', foreignKeyConstraintName: 'FK_message_senderAccountId' })
  sender?: Relation<Account>;
  /** Snapshot: the name stays when the account is removed. */
  @StringColumn(200) senderName: string;
  @DateColumn() sentAt: Date;
  @Index('IDX_message_inReplyToId') @RefColumn({ nullable: true }) inReplyToId: string | null;
  @ManyToOne(() => MessageRow, { onDelete: 'SET NULL', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'inReplyToId', foreignKeyConstraintName: 'FK_message_inReplyToId' })
  inReplyTo?: Relation<MessageRow>;
  /** When the office read a client's message (set through the API by staff or an integration). */
  @DateColumn({ nullable: true }) officeReadAt: Date | null;
  @DateColumn() createdAt: Date;
}

/** That an account on the client side opened a message. */
@Entity('message_read')
@Index('UQ_message_read', ['messageId', 'accountId'], { unique: true })
export class MessageRead {
  @IdColumn() id: string;
  @RefColumn() messageId: string;
  @ManyToOne(() => MessageRow, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'messageId', foreignKeyConstraintName: 'FK_message_read_messageId' })
  message?: Relation<MessageRow>;
  @Index('IDX_message_read_accountId') @RefColumn() accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_message_read_accountId' })
  account?: Relation<Account>;
  @DateColumn() readAt: Date;
}
