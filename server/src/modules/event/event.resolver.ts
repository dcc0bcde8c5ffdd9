import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Role } from '../account/account.enums.js';
import { PortalEventConnection } from './event.types.js';

@Resolver()
export class EventResolver {
  @Authorized(Role.STAFF, Role.ADMIN, scope('events:read'))
  @Query(() => PortalEventConnection, { description: 'The change feed, oldest first, after a cursor.' })
  events(
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PortalEventConnection> {
    return ctx.app.events.list(ctx, after, first);
  }
}
