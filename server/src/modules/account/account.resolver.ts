import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Account } from './account.entity.js';
import { MySettingsInput } from './account.inputs.js';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account; null when not signed in.' })
  me(@Ctx() ctx: RequestContext): Account | null {
    return ctx.session?.stage === 'FULL' ? ctx.account : null;
  }

  @Authorized()
  @Mutation(() => Account, { description: 'Mijn gegevens.' })
  updateMySettings(@Arg('input') input: MySettingsInput, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.accounts.updateMySettings(ctx, input);
  }

  @Authorized()
  @Mutation(() => Account)
  markFirstLoginDone(@Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.accounts.markFirstLoginDone(ctx);
  }
}
