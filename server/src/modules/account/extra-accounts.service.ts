import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { normaliseMobile } from '../../auth/phone.js';
import type { SessionService } from '../../auth/session.service.js';
import { inTransaction } from '../../db/transaction.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, DomainError } from '../../graphql/errors.js';
import { Account } from './account.entity.js';
import { Role } from './account.enums.js';
import type { ExtraAccountInput } from './account.inputs.js';

/**
 * "Accounts | Extra accounts" of a company main account: other people of the same company who see its dossiers.
 * Only COMPANY_MAIN reaches these operations (resolver); every lookup is scoped to the caller's company, so
 * another company's account is answered NOT_FOUND exactly like a missing one.
 */
export class ExtraAccountsService {
  private readonly sessions: SessionService;
  constructor(private readonly app: App) {
    this.sessions = app.sessions;
  }

  private companyOf(ctx: RequestContext): string {
    const clientId = ctx.account?.clientId;
    if (!clientId) throw new DomainError('FORBIDDEN');
    return clientId;
  }

  list(ctx: RequestContext): Promise<Account[]> {
    return this.app.ds.getRepository(Account).find({
      where: { clientId: this.companyOf(ctx), role: Role.COMPANY_EXTRA },
      order: { displayName: 'ASC', id: 'ASC' },
    });
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string): Promise<Account> {
    const account = id.length <= 36 ? await m.findOneBy(Account, { id, clientId: this.companyOf(ctx), role: Role.COMPANY_EXTRA }) : null;
    if (!account) throw new DomainError('NOT_FOUND');
    return account;
  }

  get(ctx: RequestContext, id: string): Promise<Account> {
    return this.find(this.app.ds.manager, ctx, id);
  }

  /** Creates the extra account and starts the invitation flow (first e-mail). */
  async add(ctx: RequestContext, input: ExtraAccountInput): Promise<Account> {
    const clientId = this.companyOf(ctx);
    const displayName = input.displayName.trim();
    const problems = [];
    if (!displayName) problems.push({ field: 'displayName', message: 'REQUIRED' });
    const mobileNumber = input.mobileNumber?.trim() ? normaliseMobile(input.mobileNumber) : null;
    if (input.mobileNumber?.trim() && !mobileNumber) problems.push({ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' });
    if (problems.length) throw badInput(problems);
    return inTransaction(this.app, async (m) => {
      const account = await this.app.services.accounts.create(m, {
        email: input.email, displayName, role: Role.COMPANY_EXTRA, clientId, language: input.language ?? undefined, mobileNumber,
      });
      await this.app.audit.record(m, { action: 'extra-account.added', actorId: ctx.account!.id, targetId: account.id, ip: ctx.ip });
      await this.app.services.auth.issueLink(m, account, 'INVITATION', ctx.ip, ctx.account!.id);
      return account;
    });
  }

  /** Removes the extra account; its sessions end at once (they go with the row) and the removal stays in the audit log. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    await inTransaction(this.app, async (m) => {
      const account = await this.find(m, ctx, id);
      await this.sessions.endAllFor(m, account.id, 'account-removed', ctx.ip);
      await m.delete(Account, { id: account.id });
      await this.app.audit.record(m, {
        action: 'extra-account.removed', actorId: ctx.account!.id, targetId: account.id, ip: ctx.ip,
        detail: { email: account.email, displayName: account.displayName },
      });
    });
    return true;
  }
}
