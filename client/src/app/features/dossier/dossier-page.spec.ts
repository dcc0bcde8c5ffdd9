import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText } from '../../../testing/dom-testing';
import { settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import {
  DossierActionsGQL,
  DossierCountsGQL,
  DossierDocumentsGQL,
  DossierGQL,
  DossierMessagesGQL,
  MarkMessageReadGQL,
  type DossierCountsFieldsFragment,
  type DossierQuery,
} from '../../graphql/generated';
import { aDocument } from '../../../testing/dossier-fixtures';
import { COUNTS_AFTER_DOWNLOAD_MS, DossierPage } from './dossier-page';

function counts(documentsUnread: number): DossierCountsFieldsFragment {
  return {
    correspondence: { total: 2, unread: 0 },
    documents: { total: 3, unread: documentsUnread },
    suppliedByMe: { total: 0, unread: 0 },
    messages: { total: 4, unread: 2 },
  };
}

const DOSSIER: DossierQuery = {
  dossier: {
    id: 'd1',
    number: '2026-0042',
    description: 'Levering Dorpsstraat 1',
    status: { code: 'IN_BEHANDELING', label: 'In behandeling', active: true },
    handler: { name: 'mr. A. de Vries', email: 'devries@kantoor.nl', phone: '020 1234567' },
    openedAt: '2026-01-15T10:00:00.000Z',
    closedAt: null,
    progress: { done: 4, total: 10, steps: [] },
    counts: counts(1),
  },
};

describe('DossierPage', () => {
  let harness: RouterTestingHarness;
  let dossier: ReturnType<typeof vi.fn>;
  let countsFetch: ReturnType<typeof vi.fn>;
  let documents: ReturnType<typeof vi.fn>;
  const el = () => harness.routeNativeElement as HTMLElement;
  const tabLabels = () => [...el().querySelectorAll('[role="tab"]')].map((tab) => tab.getAttribute('aria-label'));

  async function visit(url: string): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
  }

  beforeEach(() => {
    dossier = vi.fn(answering(DOSSIER));
    countsFetch = vi.fn(answering({ dossier: { id: 'd1', counts: counts(0) } }));
    documents = vi.fn(
      answering({
        dossier: {
          id: 'd1',
          documents: {
            edges: [{ cursor: 'c1', node: aDocument() }],
            pageInfo: { hasNextPage: false, endCursor: 'c1' },
            totalCount: 1,
          },
        },
      }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideTranslocoTesting(),
        provideRouter([{ path: 'dossiers/:id', component: DossierPage }], withComponentInputBinding()),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: DossierGQL, useValue: { fetch: dossier } },
        { provide: DossierCountsGQL, useValue: { fetch: countsFetch } },
        { provide: DossierActionsGQL, useValue: { fetch: vi.fn(answering({ dossier: { id: 'd1', actions: [] } })) } },
        { provide: DossierDocumentsGQL, useValue: { fetch: documents } },
        { provide: DossierMessagesGQL, useValue: { fetch: answering({ dossier: { id: 'd1', messages: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 } } }) } },
        { provide: MarkMessageReadGQL, useValue: { mutate: vi.fn() } },
      ],
    });
  });

  it('shows the header, Voortgang and the four tabs with totals and unread counts', async () => {
    await visit('/dossiers/d1');
    expect(dossier).toHaveBeenCalledWith(expect.objectContaining({ variables: { id: 'd1' } }));
    expect(accessibleText(el().querySelector('h1')!)).toBe('2026-0042 – Levering Dorpsstraat 1');
    expect(el().querySelector('[data-testid="dossier-status"]')?.textContent).toContain('In behandeling');
    expect(el().querySelector('[data-testid="dossier-handler"]')?.textContent).toContain('mr. A. de Vries');
    expect(el().querySelector('[data-testid="progress-toggle"]')?.textContent).toContain('Voortgang (4/10)');
    expect(tabLabels()).toEqual([
      'Correspondentie (2)',
      'Documenten (3), 1 ongelezen',
      'Door mij aangeleverd (0)',
      'Berichten (4), 2 ongelezen',
    ]);
    expect(documents).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { id: 'd1', category: 'CORRESPONDENCE', first: 25, after: null } }),
    );
  });

  it('opens the tab named in the URL and refreshes the counts after a download', async () => {
    await visit('/dossiers/d1?tab=documents');
    expect(documents).toHaveBeenLastCalledWith(expect.objectContaining({ variables: expect.objectContaining({ category: 'DOCUMENT' }) }));
    const link = el().querySelector<HTMLAnchorElement>('a.download-button')!;
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    await settle(harness.fixture);
    // At once: the mark, and one unread fewer; the server's counts are asked a moment later.
    expect(el().querySelector('[data-testid="downloaded-mark"]')).not.toBeNull();
    expect(tabLabels()[1]).toBe('Documenten (3)');
    expect(countsFetch).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, COUNTS_AFTER_DOWNLOAD_MS + 100));
    await settle(harness.fixture);
    expect(countsFetch).toHaveBeenCalledWith(expect.objectContaining({ variables: { id: 'd1' }, fetchPolicy: 'network-only' }));

    // A second download of the same document is not unread any more.
    link.click();
    await settle(harness.fixture);
    expect(tabLabels()[3]).toBe('Berichten (4), 2 ongelezen');
    expect(tabLabels()[1]).toBe('Documenten (3)');
  });

  it('says "Dossier niet gevonden" for a dossier that does not exist or is not the user\'s', async () => {
    dossier.mockImplementation(failingWith(graphqlError('NOT_FOUND')));
    await visit('/dossiers/unknown');
    expect(el().querySelector('h1')?.textContent).toContain('Dossier niet gevonden');
    expect(el().querySelector('[data-testid="dossier-not-found"]')).not.toBeNull();
    expect(el().querySelector('[role="tab"]')).toBeNull();
  });
});
