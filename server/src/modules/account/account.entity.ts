import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { BoolColumn, DateColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns.js';
import { Client } from '../client/client.entity.js';
import { Language, Role, TwoFactorMethod } from './account.enums.js';

@ObjectType({ simpleResolvers: true })
export class NotificationSettings {
  @Field() newDocuments: boolean;
  @Field() newQuestionnaires: boolean;
  @Field() newMessages: boolean;
}

/**
 * A login. Columns without @Field (password hash, lockout counters) never reach the API.
 * `email` is stored lower-cased so lookups are case-insensitive on every dialect.
 */
@ObjectType({ simpleResolvers: true })
@Entity('account')
export class Account {
  @Field(() => ID) @IdColumn() id: string;

  @Index('IDX_account_clientId')
  @RefColumn({ nullable: true }) clientId: string | null;
  @ManyToOne(() => Client, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'clientId', foreignKeyConstraintName: 'FK_account_client' })
  client?: Relation<Client>;

  @Field() @Index('UQ_account_email', { unique: true }) @StringColumn(254) email: string;
  @Field() @Index('UQ_account_accountNumber', { unique: true }) @StringColumn(20) accountNumber: string;
  @Field() @StringColumn(200) displayName: string;
  @Field(() => Role) @StringColumn(20) role: Role;
  @Field(() => Language) @StringColumn(2, { default: 'NL' }) language: Language;
  /** E.164. Indexed for "e-mailadres vergeten", which looks accounts up by number. */
  @Field(() => String, { nullable: true }) @Index('IDX_account_mobileNumber') @StringColumn(20, { nullable: true }) mobileNumber: string | null;
  @Field(() => TwoFactorMethod) @StringColumn(10, { default: 'NONE' }) twoFactorMethod: TwoFactorMethod;

  @BoolColumn(true) notifyNewDocuments: boolean;
  @BoolColumn(true) notifyNewQuestionnaires: boolean;
  @BoolColumn(true) notifyNewMessages: boolean;

  @Field(() => NotificationSettings)
  get notifications(): NotificationSettings {
    return {
      newDocuments: this.notifyNewDocuments,
      newQuestionnaires: this.notifyNewQuestionnaires,
      newMessages: this.notifyNewMessages,
    };
  }

  /** True until the user has opened Mijn gegevens once after activation. */
  @Field() @BoolColumn(true) firstLogin: boolean;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) @DateColumn({ nullable: true }) activatedAt: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) @DateColumn({ nullable: true }) lastLoginAt: Date | null;

  /** argon2id; null until the user sets a password. */
  @StringColumn(255, { nullable: true }) passwordHash: string | null;
  @DateColumn({ nullable: true }) passwordChangedAt: Date | null;
  /** Locked for login until this moment (lockout); a password reset clears it. */
  @DateColumn({ nullable: true }) lockedUntil: Date | null;
  /** Consecutive failures without a success; at LOCKOUT_RESET_AFTER only a reset lets the user in. */
  @IntColumn(0) consecutiveFailures: number;
  /** Set by too many consecutive failures; only setting a new password via a link clears it. */
  @BoolColumn(false) resetRequired: boolean;
  @DateColumn() createdAt: Date;

  /** When the current mobile number was confirmed with an SMS code; null for a number the firm entered. */
  @DateColumn({ nullable: true }) mobileVerifiedAt: Date | null;
  /** The authenticator secret, encrypted with APP_ENCRYPTION_KEY (see SecretBox). */
  @StringColumn(255, { nullable: true }) totpSecret: string | null;
  /** Time step of the last accepted authenticator code: a code is never accepted twice. */
  @IntColumn(0) totpLastCounter: number;
  /** A new authenticator being set up; it replaces totpSecret only when confirmed with a code. */
  @StringColumn(255, { nullable: true }) pendingTotpSecret: string | null;
  @DateColumn({ nullable: true }) pendingTotpCreatedAt: Date | null;
}
