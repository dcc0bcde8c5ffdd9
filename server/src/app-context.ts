import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Clock } from './clock.js';
import type { Outbox } from './notify/outbox.js';
import type { AuditLog } from './modules/audit/audit.service.js';
import type { EventLog } from './modules/event/event.service.js';
import type { RateLimiter } from './auth/rate-limiter.js';
import type { Passwords } from './auth/passwords.js';
import type { AuthService } from './auth/auth.service.js';
import type { SessionService } from './auth/session.service.js';
import type { SmsCodes } from './auth/sms-codes.js';
import type { RecoveryCodes } from './auth/recovery-codes.js';
import type { SecretBox } from './auth/secret-box.js';
import type { AccountService } from './modules/account/account.service.js';
import type { ExtraAccountsService } from './modules/account/extra-accounts.service.js';
import type { SecondStepService } from './auth/second-step.service.js';
import type { TwoFactorService } from './auth/two-factor.service.js';
import type { Sql } from './db/sql.js';
import type { FileStore } from './files/storage.js';
import type { NotificationDigest } from './notify/digest.js';
import type { ApiTokenService } from './modules/api-token/api-token.service.js';
import type { ClientService } from './modules/client/client.service.js';
import type { DocumentService } from './modules/document/document.service.js';
import type { DossierService } from './modules/dossier/dossier.service.js';
import type { MessageService } from './modules/message/message.service.js';
import type { ActionService } from './modules/action/action.service.js';

/** The long-lived parts of a running portal, built once at boot and shared by every request. */
export interface App {
  config: Config;
  ds: DataSource;
  /** Hand-written, dialect-portable SQL for the hot read paths. */
  sql: Sql;
  files: FileStore;
  digest: NotificationDigest;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  audit: AuditLog;
  /** The change feed; `record` writes inside the caller's transaction. */
  events: EventLog;
  passwords: Passwords;
  limiter: RateLimiter;
  sessions: SessionService;
  smsCodes: SmsCodes;
  recoveryCodes: RecoveryCodes;
  secretBox: SecretBox;
  services: {
    auth: AuthService; secondStep: SecondStepService; twoFactor: TwoFactorService; accounts: AccountService; extraAccounts: ExtraAccountsService;
    apiTokens: ApiTokenService; clients: ClientService; dossiers: DossierService; documents: DocumentService; messages: MessageService;
    actions: ActionService;
  };
}
