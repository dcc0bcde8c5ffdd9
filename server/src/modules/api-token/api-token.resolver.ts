import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context.js';
import { Role } from '../account/account.enums.js';
import { ApiTokenView, NewApiToken } from './api-token.types.js';

/** Token management: admins (signed in) only; a token cannot mint or see tokens. */
@Authorized(Role.ADMIN)
@Resolver()
export class ApiTokenResolver {
  @Query(() => [ApiTokenView], { description: 'Tokens that are not revoked, newest first.' })
  apiTokens(@Ctx() ctx: RequestContext): Promise<ApiTokenView[]> {
    return ctx.app.services.apiTokens.list();
  }

  @Mutation(() => NewApiToken)
  createApiToken(
    @Arg('name') name: string,
    @Arg('scopes', () => [String]) scopes: string[],
    @Arg('expiresAt', () => GraphQLDateTimeISO, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NewApiToken> {
    return ctx.app.services.apiTokens.create(ctx, name, scopes, expiresAt);
  }

  @Mutation(() => Boolean)
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.apiTokens.revoke(ctx, id);
  }
}
