import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { TwoFactorResolver } from '../auth/two-factor.resolver.js';
import { AccountResolver } from '../modules/account/account.resolver.js';
import { ExtraAccountsResolver } from '../modules/account/extra-accounts.resolver.js';
import { authChecker } from './auth-checker.js';

export function buildPortalSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [AuthResolver, TwoFactorResolver, AccountResolver, ExtraAccountsResolver],
    authChecker,
    // type-graphql 2 validates input classes only when asked.
    validate: true,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTimeISO }],
  });
}

/** The committed schema.graphql: sorted so that the file changes only when the API does. */
export const printPortalSchema = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema)) + '\n';
