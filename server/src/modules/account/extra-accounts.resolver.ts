import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Account } from './account.entity.js';
import { Role } from './account.enums.js';
import { ExtraAccountInput } from './account.inputs.js';

/** "Accounts | Extra accounts": company main accounts only. */
@Authorized(Role.COMPANY_MAIN)
@Resolver()
export class ExtraAccountsResolver {
  @Query(() => [Account])
  extraAccounts(@Ctx() ctx: RequestContext): Promise<Account[]> {
    return ctx.app.services.extraAccounts.list(ctx);
  }

  @Query(() => Account, { description: 'One extra account of the caller\'s company; NOT_FOUND otherwise.' })
  extraAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.extraAccounts.get(ctx, id);
  }

  @Mutation(() => Account)
  addExtraAccount(@Arg('input') input: ExtraAccountInput, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.extraAccounts.add(ctx, input);
  }

  @Mutation(() => Boolean)
  removeExtraAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.extraAccounts.remove(ctx, id);
  }
}
