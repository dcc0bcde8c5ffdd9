import type { DossierFilter } from '../../graphql/generated';

export type DossierView = 'all' | 'active' | 'closed';

/** The overview's state as it lives in the URL (`?q=&status=a,b&view=closed`), so "back" restores it. */
export interface DossierQueryParams {
  q?: string | null;
  status?: string | null;
  view?: string | null;
}

export function viewFrom(value: string | null | undefined): DossierView {
  return value === 'active' || value === 'closed' ? value : 'all';
}

export function statusCodesFrom(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The API filter for the URL's state; every part left out when not chosen. */
export function filterFrom(params: DossierQueryParams): DossierFilter {
  const filter: DossierFilter = {};
  const search = (params.q ?? '').trim();
  if (search) {
    filter.search = search;
  }
  const codes = statusCodesFrom(params.status);
  if (codes.length) {
    filter.statusCodes = codes;
  }
  const view = viewFrom(params.view);
  if (view !== 'all') {
    filter.active = view === 'active';
  }
  return filter;
}

export function isUnfiltered(filter: DossierFilter): boolean {
  return !filter.search && !filter.statusCodes?.length && (filter.active === undefined || filter.active === null);
}

/**
 * Seed 000 §2.1: a user authorised for exactly one dossier goes straight into it. Only an
 * unfiltered first page counts: a search that finds one dossier still shows the list.
 */
export function singleDossierId(
  filter: DossierFilter,
  connection: { totalCount: number; edges: readonly { node: { id: string } }[] },
): string | null {
  return isUnfiltered(filter) && connection.totalCount === 1 && connection.edges.length === 1 ? connection.edges[0].node.id : null;
}

/** The URL's query parameters for a state; defaults are left out so the plain URL stays /dossiers. */
export function queryParamsFor(search: string, codes: readonly string[], view: DossierView): Record<string, string | null> {
  return {
    q: search.trim() || null,
    status: codes.length ? codes.join(',') : null,
    view: view === 'all' ? null : view,
  };
}
