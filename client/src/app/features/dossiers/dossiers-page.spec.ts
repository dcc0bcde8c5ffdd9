import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle } from '../../../testing/fixtures';
import { answering } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { DossierStatusesGQL, DossiersGQL, type DossierListFieldsFragment, type DossiersQuery } from '../../graphql/generated';
import { filterFrom, singleDossierId } from './dossier-filter';
import { DossiersPage, SEARCH_DEBOUNCE_MS } from './dossiers-page';

@Component({ template: '<h1>Dossier</h1>' })
class DossierStub {}

function aDossier(id: string, overrides: Partial<DossierListFieldsFragment> = {}): DossierListFieldsFragment {
  return {
    id,
    number: `2026-${id}`,
    description: `Levering woning ${id}`,
    status: { code: 'IN_BEHANDELING', label: 'In behandeling', active: true },
    openedAt: '2026-01-15T10:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

function connection(nodes: DossierListFieldsFragment[], totalCount = nodes.length, endCursor: string | null = null): DossiersQuery {
  return {
    dossiers: {
      edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })),
      pageInfo: { hasNextPage: endCursor !== null, endCursor },
      totalCount,
    },
  };
}

describe('DossiersPage', () => {
  let fetch: ReturnType<typeof vi.fn>;
  let harness: RouterTestingHarness;
  const el = () => harness.routeNativeElement as HTMLElement;
  const numbers = () => [...el().querySelectorAll('[data-testid="dossier-row"]')].map((r) => r.getAttribute('data-number'));

  async function visit(url: string): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
  }

  beforeEach(() => {
    fetch = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        provideTranslocoTesting(),
        provideRouter(
          [
            { path: 'dossiers', component: DossiersPage },
            { path: 'dossiers/:id', component: DossierStub },
          ],
          withComponentInputBinding(),
        ),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: DossiersGQL, useValue: { fetch } },
        {
          provide: DossierStatusesGQL,
          useValue: {
            fetch: answering({
              dossierStatuses: [
                { code: 'IN_BEHANDELING', label: 'In behandeling', active: true },
                { code: 'AFGEROND', label: 'Afgerond', active: false },
              ],
            }),
          },
        },
      ],
    });
  });

  it('goes straight into the only dossier, replacing /dossiers in the history', async () => {
    fetch.mockImplementation(answering(connection([aDossier('d1')])));
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate');
    await visit('/dossiers');
    expect(TestBed.inject(Router).url).toBe('/dossiers/d1');
    expect(navigate).toHaveBeenCalledWith(['/dossiers', 'd1'], { replaceUrl: true });
  });

  it('shows the list when a search finds one dossier of several', async () => {
    fetch.mockImplementation(answering(connection([aDossier('d1')])));
    await visit('/dossiers?q=woning');
    expect(TestBed.inject(Router).url).toBe('/dossiers?q=woning');
    expect(fetch).toHaveBeenCalledWith(expect.objectContaining({ variables: { filter: { search: 'woning' }, first: 25, after: null } }));
    expect(numbers()).toEqual(['2026-d1']);
    expect(el().querySelector('[data-testid="dossiers-result-count"]')?.textContent?.trim()).toBe('1 dossier gevonden');
  });

  it('lists several dossiers with an "Openen" link each and loads more after the last cursor', async () => {
    fetch.mockImplementationOnce(answering(connection([aDossier('d1'), aDossier('d2')], 3, 'c-d2')));
    await visit('/dossiers');
    expect(numbers()).toEqual(['2026-d1', '2026-d2']);
    const open = el().querySelector<HTMLAnchorElement>('a[data-open="2026-d2"]');
    expect(open?.getAttribute('href')).toBe('/dossiers/d2');
    expect(open?.getAttribute('aria-label')).toBeNull();
    expect(open?.querySelector('.cdk-visually-hidden')?.textContent?.trim(), 'the name goes on with the dossier, after the visible word').toBe('dossier 2026-d2');

    fetch.mockImplementationOnce(answering(connection([aDossier('d3')], 3)));
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Meer laden'))!.click();
    await settle(harness.fixture);
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ variables: { filter: {}, first: 25, after: 'c-d2' } }));
    expect(numbers()).toEqual(['2026-d1', '2026-d2', '2026-d3']);
    expect([...el().querySelectorAll('button')].some((b) => b.textContent?.includes('Meer laden'))).toBe(false);
  });

  it('puts the debounced search in the URL and searches with it', async () => {
    fetch.mockImplementation(answering(connection([aDossier('d1'), aDossier('d2')])));
    await visit('/dossiers');
    const input = el().querySelector<HTMLInputElement>('#dossier-search')!;
    input.value = 'wo';
    input.dispatchEvent(new Event('input'));
    input.value = 'woning';
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 50));
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/dossiers?q=woning');
    const searches = fetch.mock.calls.map(([options]) => options.variables.filter.search);
    expect(searches).toEqual([undefined, 'woning']);
  });

  it('keeps ongoing and closed dossiers apart', async () => {
    fetch.mockImplementation(answering(connection([aDossier('d1'), aDossier('d2')])));
    await visit('/dossiers?view=closed&status=AFGEROND');
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { filter: { active: false, statusCodes: ['AFGEROND'] }, first: 25, after: null } }),
    );
  });
});

describe('singleDossierId', () => {
  it('only for an unfiltered list of exactly one', () => {
    const one = { totalCount: 1, edges: [{ node: { id: 'd1' } }] };
    expect(singleDossierId({}, one)).toBe('d1');
    expect(singleDossierId(filterFrom({ q: 'x' }), one)).toBeNull();
    expect(singleDossierId(filterFrom({ view: 'active' }), one)).toBeNull();
    expect(singleDossierId({}, { totalCount: 2, edges: [{ node: { id: 'd1' } }] })).toBeNull();
    expect(singleDossierId({}, { totalCount: 0, edges: [] })).toBeNull();
  });
});
