import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Clock } from './clock.js';
import type { Outbox } from './notify/outbox.js';
import type { AuditLog } from './modules/audit/audit.service.js';
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

/** The long-lived parts of a running portal, built once at boot and shared by every request. */
export interface App {
  config: Config;
  ds: DataSource;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  audit: AuditLog;
  passwords: Passwords;
  limiter: RateLimiter;
  sessions: SessionService;
  smsCodes: SmsCodes;
  recoveryCodes: RecoveryCodes;
  secretBox: SecretBox;
  services: { auth: AuthService; secondStep: SecondStepService; twoFactor: TwoFactorService; accounts: AccountService; extraAccounts: ExtraAccountsService };
}
