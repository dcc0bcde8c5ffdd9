import { signal } from '@angular/core';
import { type UiError, describeError, toApiError } from '../../core/errors/api-error';

/** What a page fetch returns: the connection as the API answers it (or undefined when there was no data). */
export interface Connection<T> {
  edges: readonly { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A keyset-paged list held in signals: `load(null)` fetches the first page and replaces the list,
 * `load(endCursor())` fetches the next one ("Meer laden") and appends it. A failed fetch keeps what was
 * shown and sets `error` (localized by the error alert).
 */
export class CursorList<T> {
  /** null until the first page arrived. */
  readonly items = signal<T[] | null>(null);
  /** The cursor to continue after; null when there is no next page. */
  readonly endCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly error = signal<UiError | null>(null);

  constructor(private readonly fetchPage: (after: string | null) => Promise<Connection<T> | undefined>) {}

  async load(after: string | null): Promise<void> {
    this.loading.set(true);
    try {
      const connection = await this.fetchPage(after);
      const page = connection?.edges.map((e) => e.node) ?? [];
      this.items.update((current) => (after && current ? [...current, ...page] : page));
      this.endCursor.set(connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null);
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(toApiError(e)));
    } finally {
      this.loading.set(false);
    }
  }
}
