import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/transaction.js';
import { Account } from './account.entity.js';
import { Language, Role } from './account.enums.js';
import type { MySettingsInput } from './account.inputs.js';

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  clientId?: string | null;
  language?: Language;
  mobileNumber?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Account records: creation (by the firm, the CLI and the demo data) and what users set about themselves. */
export class AccountService {
  constructor(private readonly app: App) {}

  /** Creates an account without a password (it is set through the invitation). Account numbers are 8 random digits. */
  async create(manager: EntityManager, input: NewAccount): Promise<Account> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw badInput([{ field: 'email', message: 'INVALID_EMAIL' }]);
    if (await manager.existsBy(Account, { email })) throw badInput([{ field: 'email', message: 'EMAIL_TAKEN' }]);
    let accountNumber: string;
    do accountNumber = String(randomInt(10_000_000, 100_000_000));
    while (await manager.existsBy(Account, { accountNumber }));
    const account = manager.create(Account, {
      id: newId(), clientId: input.clientId ?? null, email, accountNumber, displayName: input.displayName.trim(),
      role: input.role, language: input.language ?? Language.NL, mobileNumber: input.mobileNumber ?? null,
      createdAt: this.app.clock.now(), passwordHash: null, passwordChangedAt: null, activatedAt: null, lastLoginAt: null, lockedUntil: null,
    });
    await manager.insert(Account, account);
    return manager.findOneByOrFail(Account, { id: account.id });
  }

  async updateMySettings(ctx: RequestContext, input: MySettingsInput): Promise<Account> {
    const account = ctx.account!;
    const changes: Partial<Account> = {};
    if (input.language !== undefined && input.language !== null) changes.language = input.language;
    if (input.newDocuments !== undefined && input.newDocuments !== null) changes.notifyNewDocuments = input.newDocuments;
    if (input.newQuestionnaires !== undefined && input.newQuestionnaires !== null) changes.notifyNewQuestionnaires = input.newQuestionnaires;
    if (input.newMessages !== undefined && input.newMessages !== null) changes.notifyNewMessages = input.newMessages;
    return inTransaction(this.app, async (m) => {
      if (Object.keys(changes).length) {
        await m.update(Account, { id: account.id }, changes);
        await this.app.audit.record(m, { action: 'settings.updated', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { fields: Object.keys(changes) } });
      }
      return m.findOneByOrFail(Account, { id: account.id });
    });
  }

  async markFirstLoginDone(ctx: RequestContext): Promise<Account> {
    const account = ctx.account!;
    await this.app.ds.getRepository(Account).update({ id: account.id }, { firstLogin: false });
    return this.app.ds.getRepository(Account).findOneByOrFail({ id: account.id });
  }
}
