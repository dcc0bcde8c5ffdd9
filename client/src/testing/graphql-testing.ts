import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable, of, throwError } from 'rxjs';

/** A GraphQL error response as Apollo Client throws it. */
export function graphqlError(code: string, extensions: Record<string, unknown> = {}): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message: code, extensions: { code, ...extensions } }],
  });
}

/** Stand-in for a generated `…GQL` service whose `mutate`/`fetch` answers with `data`. */
export function answering<T>(data: T): () => Observable<{ data: T }> {
  return () => of({ data });
}

export function failingWith(error: unknown): () => Observable<never> {
  return () => throwError(() => error);
}

