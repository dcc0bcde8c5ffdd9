import { provideHttpClient, withFetch } from '@angular/common/http';
import { EnvironmentProviders, Injector, Provider, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { toApiError } from '../errors/api-error';
import { SessionExpiry } from '../session/session-expiry';

/** Same origin: the session is an HttpOnly cookie, so no token ever passes through the client. */
export const GRAPHQL_URI = '/graphql';

/**
 * Operations whose UNAUTHENTICATED is expected and handled where they are called: logout, and
 * the second step of a login (the server ends it after too many wrong codes).
 */
const SESSION_ENDING_OPERATIONS = new Set(['Logout', 'VerifySecondFactor', 'SendLoginCodeBySms']);

/** Calls `onUnauthenticated` (after the failing operation settled) when any error is UNAUTHENTICATED. */
export function sessionErrorLink(onUnauthenticated: () => void): ErrorLink {
  return new ErrorLink(({ error, operation }) => {
    if (SESSION_ENDING_OPERATIONS.has(operation.operationName ?? '')) {
      return;
    }
    if (toApiError(error).codes.includes('UNAUTHENTICATED')) {
      queueMicrotask(onUnauthenticated);
    }
  });
}

/**
 * Apollo over Angular's HttpClient: POST with a JSON body only (compatible with Apollo
 * Server's CSRF prevention), and one error link that turns `UNAUTHENTICATED` on a signed-in
 * page into a return to /login.
 */
export function provideGraphql(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const httpLink = inject(HttpLink);
      const injector = inject(Injector);

      // SessionExpiry is resolved lazily: it depends on Apollo itself.
      const sessionErrors = sessionErrorLink(() => void injector.get(SessionExpiry).expire());

      return {
        link: ApolloLink.from([sessionErrors, httpLink.create({ uri: GRAPHQL_URI, method: 'POST' })]),
        cache: new InMemoryCache({
          // Objects without an id that several queries select parts of (the shell's badge asks
          // only `home.openActions`): merged, not replaced, so neither query loses the other's fields.
          typePolicies: { HomeSummary: { merge: true }, DossierCounts: { merge: true }, Progress: { merge: true } },
        }),
        defaultOptions: {
          query: { fetchPolicy: 'network-only' },
          watchQuery: { fetchPolicy: 'cache-and-network' },
        },
      };
    }),
  ];
}
