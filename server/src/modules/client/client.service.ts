import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { App } from '../../app-context.js';
import { isId } from '../../access/access.js';
import { normaliseMobile } from '../../auth/phone.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/transaction.js';
import { actorOf, memo, type RequestContext } from '../../graphql/context.js';
import { badInput, DomainError } from '../../graphql/errors.js';
import { Account } from '../account/account.entity.js';
import { Role } from '../account/account.enums.js';
import { Client } from './client.entity.js';
import type { AccountInput, ClientInput, ClientView } from './client.types.js';

const view = (c: Client): ClientView => ({ id: c.id, externalRef: c.externalRef, name: c.name, isCompany: c.isCompany });

/** Which roles an account of a person or of a company may have; staff and admins belong to no client. */
const ROLES_FOR = { person: [Role.CLIENT], company: [Role.COMPANY_MAIN, Role.COMPANY_EXTRA, Role.INTERMEDIARY, Role.OFFICE_USER_ADMIN] };

/** The firm's clients (persons and companies) and their accounts, as the case-management system feeds them. Office side only (resolver). */
export class ClientService {
  constructor(private readonly app: App) {}

  /** Creates or updates the client with this externalRef (idempotent). */
  async upsert(ctx: RequestContext, input: ClientInput): Promise<ClientView> {
    const name = input.name.trim();
    if (!name) throw badInput([{ field: 'name', message: 'REQUIRED' }]);
    return inTransaction(this.app, async (m) => {
      const existing = await m.findOneBy(Client, { externalRef: input.externalRef });
      if (existing) {
        if (existing.isCompany !== input.isCompany && (await m.existsBy(Account, { clientId: existing.id }))) {
          throw badInput([{ field: 'isCompany', message: 'HAS_ACCOUNTS' }]);
        }
        await m.update(Client, { id: existing.id }, { name, isCompany: input.isCompany });
      } else {
        await m.insert(Client, { id: newId(), externalRef: input.externalRef, name, isCompany: input.isCompany, createdAt: this.app.clock.now() });
      }
      const client = await m.findOneByOrFail(Client, { externalRef: input.externalRef });
      await this.app.audit.record(m, { action: existing ? 'client.updated' : 'client.created', ...actorOf(ctx), targetId: client.id, detail: { externalRef: input.externalRef } });
      return view(client);
    });
  }

  async get(id: string): Promise<ClientView> {
    const client = isId(id) ? await this.app.ds.getRepository(Client).findOneBy({ id }) : null;
    if (!client) throw new DomainError('NOT_FOUND');
    return view(client);
  }

  async byExternalRef(externalRef: string): Promise<ClientView | null> {
    const client = await this.app.ds.getRepository(Client).findOneBy({ externalRef });
    return client ? view(client) : null;
  }

  /** The accounts of clients the caller already holds, batched per request. */
  accounts(ctx: RequestContext, clientId: string): Promise<Account[]> {
    const loader = memo(ctx, 'loader:client-accounts', () => new DataLoader<string, Account[]>(async (ids) => {
      const rows = await this.app.ds.getRepository(Account).find({ where: { clientId: In([...ids]) }, order: { displayName: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((a) => a.clientId === id));
    }));
    return loader.load(clientId);
  }

  /** An account of a client, with the invitation (first e-mail) unless `invite` is false. */
  async createAccount(ctx: RequestContext, input: AccountInput): Promise<Account> {
    const client = isId(input.clientId) ? await this.app.ds.getRepository(Client).findOneBy({ id: input.clientId }) : null;
    const problems = [];
    if (!client) problems.push({ field: 'clientId', message: 'UNKNOWN_CLIENT' });
    else if (!ROLES_FOR[client.isCompany ? 'company' : 'person'].includes(input.role)) problems.push({ field: 'role', message: 'ROLE_NOT_FOR_CLIENT' });
    const mobileNumber = input.mobileNumber?.trim() ? normaliseMobile(input.mobileNumber) : null;
    if (input.mobileNumber?.trim() && !mobileNumber) problems.push({ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' });
    if (problems.length) throw badInput(problems);
    return inTransaction(this.app, async (m) => {
      const account = await this.app.services.accounts.create(m, {
        email: input.email, displayName: input.displayName, role: input.role, clientId: client!.id, language: input.language ?? undefined, mobileNumber,
      });
      const actor = actorOf(ctx);
      await this.app.audit.record(m, { action: 'account.created', ...actor, targetId: account.id, detail: { role: input.role, clientId: client!.id } });
      if (input.invite !== false) await this.app.services.auth.issueLink(m, account, 'INVITATION', actor.ip, actor.actorId);
      return account;
    });
  }

  /** (Again) sends the first e-mail to an account that has not set its password yet. */
  async sendInvitation(ctx: RequestContext, accountId: string): Promise<boolean> {
    await inTransaction(this.app, async (m) => {
      const account = isId(accountId) ? await m.findOneBy(Account, { id: accountId }) : null;
      if (!account) throw new DomainError('NOT_FOUND');
      if (account.passwordHash) throw badInput([{ field: 'accountId', message: 'ALREADY_ACTIVE' }]);
      const actor = actorOf(ctx);
      await this.app.services.auth.issueLink(m, account, 'INVITATION', actor.ip, actor.actorId);
    });
    return true;
  }
}
