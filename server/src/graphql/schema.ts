import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { TwoFactorResolver } from '../auth/two-factor.resolver.js';
import { AccountResolver } from '../modules/account/account.resolver.js';
import { ExtraAccountsResolver } from '../modules/account/extra-accounts.resolver.js';
import { ApiTokenResolver } from '../modules/api-token/api-token.resolver.js';
import { ClientResolver } from '../modules/client/client.resolver.js';
import { DocumentResolver } from '../modules/document/document.resolver.js';
import { DossierResolver } from '../modules/dossier/dossier.resolver.js';
import { MessageResolver } from '../modules/message/message.resolver.js';
import { EventResolver } from '../modules/event/event.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { ActionResolver, AnswerResolver, DossierActionsResolver } from '../modules/action/action.resolver.js';
import { authChecker } from './auth-checker.js';

export function buildPortalSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      AuthResolver, TwoFactorResolver, AccountResolver, ExtraAccountsResolver,
      ApiTokenResolver, ClientResolver, DossierResolver, DocumentResolver, MessageResolver,
      EventResolver, AuditResolver,
      ActionResolver, AnswerResolver, DossierActionsResolver,
    ],
    authChecker,
    // type-graphql 2 validates input classes only when asked.
    validate: true,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTimeISO }],
  });
}

/** The committed schema.graphql: sorted so that the file changes only when the API does. */
export const printPortalSchema = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema)) + '\n';
