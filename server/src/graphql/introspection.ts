import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Session } from '../auth/session.entity.js';
import type { Account } from '../modules/account/account.entity.js';
import { Role } from '../modules/account/account.enums.js';
import type { RequestContext } from './context.js';

/** An administrator who has completed sign-in (password and, where required, the second step). */
export const isSignedInAdmin = (session: Session | null, account: Account | null): boolean =>
  session?.stage === 'FULL' && account?.role === Role.ADMIN;

/** Whether the schema may be introspected on this request: signed-in admins (the playground) and API tokens (tools). */
export const mayIntrospect = (ctx: RequestContext): boolean => ctx.apiToken !== null || isSignedInAdmin(ctx.session, ctx.account);

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
const asksCache = new WeakMap<DocumentNode, boolean>();

/** Whether the document selects `__schema` or `__type` anywhere (fragments included); `__typename` is not introspection. */
function asksIntrospection(document: DocumentNode): boolean {
  let asks = asksCache.get(document);
  if (asks === undefined) {
    asks = false;
    visit(document, {
      Field(node) {
        if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
        asks = true;
        return BREAK;
      },
    });
    asksCache.set(document, asks);
  }
  return asks;
}

/**
 * Introspection in production only for whom `mayIntrospect` allows; elsewhere open to everyone. A plugin
 * and not a validation rule: Apollo caches a document once it has passed validation, whoever sent it, so
 * a rule that looked at the caller would let the next caller of the same text through. Refused requests
 * get what Apollo's own `introspection: false` answers: HTTP 400, GRAPHQL_VALIDATION_FAILED, nothing run.
 */
export function introspectionPolicy(production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (!production) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksIntrospection(document) || mayIntrospect(contextValue)) return;
          throw new GraphQLError('GraphQL introspection is not allowed: it is open to signed-in administrators and API tokens.', {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          });
        },
      };
    },
  };
}
