import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Account } from '../account/account.entity.js';
import { Role } from '../account/account.enums.js';
import { AuditEntryConnection } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Authorized(Role.ADMIN, scope('audit:read'))
  @Query(() => AuditEntryConnection, { description: 'Admins (or a token with audit:read): the audit log, newest first, optionally of one actor and/or one target.' })
  auditLog(
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('actorId', () => ID, { nullable: true }) actorId: string | null,
    @Arg('targetId', () => ID, { nullable: true }) targetId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEntryConnection> {
    return ctx.app.audit.list(ctx, { actorId, targetId }, after, first);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Account, { description: 'Admins: lifts a lockout (also the reset required after many failures); audited.' })
  unlockAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.auth.unlock(ctx, accountId);
  }
}
