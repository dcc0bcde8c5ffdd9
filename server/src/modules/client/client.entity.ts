import { Entity, Index } from 'typeorm';
import { BoolColumn, DateColumn, IdColumn, StringColumn } from '../../db/columns.js';

/** A client of the firm: a private person or a company. Accounts log in on its behalf. */
@Entity('client')
export class Client {
  @IdColumn() id: string;
  /** The case-management system's reference; unique when set. */
  @Index('UQ_client_externalRef', { unique: true })
  @StringColumn(100, { nullable: true }) externalRef: string | null;
  @StringColumn(200) name: string;
  @BoolColumn(false) isCompany: boolean;
  @DateColumn() createdAt: Date;
}
