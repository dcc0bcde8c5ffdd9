import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Account } from '../account/account.entity.js';
import { Role } from '../account/account.enums.js';
import { AccountInput, ClientInput, ClientView } from './client.types.js';

const WRITE = [Role.STAFF, Role.ADMIN, scope('clients:write')];
const READ = [...WRITE, scope('dossiers:read')];

@Resolver(() => ClientView)
export class ClientResolver {
  @Authorized(...READ)
  @Query(() => ClientView)
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientView> {
    return ctx.app.services.clients.get(id);
  }

  @Authorized(...READ)
  @Query(() => ClientView, { nullable: true })
  clientByExternalRef(@Arg('externalRef') externalRef: string, @Ctx() ctx: RequestContext): Promise<ClientView | null> {
    return ctx.app.services.clients.byExternalRef(externalRef);
  }

  @Authorized(...WRITE)
  @Mutation(() => ClientView, { description: 'Creates or updates the client with this externalRef (idempotent).' })
  upsertClient(@Arg('input') input: ClientInput, @Ctx() ctx: RequestContext): Promise<ClientView> {
    return ctx.app.services.clients.upsert(ctx, input);
  }

  @Authorized(...WRITE)
  @Mutation(() => Account)
  createAccount(@Arg('input') input: AccountInput, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.clients.createAccount(ctx, input);
  }

  @Authorized(...WRITE)
  @Mutation(() => Boolean, { description: 'Sends the first e-mail (again) to an account that has not set its password.' })
  sendInvitation(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.clients.sendInvitation(ctx, accountId);
  }

  @FieldResolver(() => [Account])
  accounts(@Root() client: ClientView, @Ctx() ctx: RequestContext): Promise<Account[]> {
    return ctx.app.services.clients.accounts(ctx, client.id);
  }
}
