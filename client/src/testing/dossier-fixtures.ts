import type { DocumentFieldsFragment } from '../app/graphql/generated';

/** A published PDF of 1,2 MB, not downloaded yet; override what a test needs. */
export function aDocument(overrides: Partial<DocumentFieldsFragment> = {}): DocumentFieldsFragment {
  return {
    id: 'doc1',
    category: 'DOCUMENT',
    title: 'Concept akte van levering',
    fileName: 'concept-akte.pdf',
    contentType: 'application/pdf',
    size: Math.round(1.2 * 1024 * 1024),
    sha256: 'ab',
    publishedAt: '2026-03-03T13:05:00.000Z',
    downloadedAt: null,
    downloadUrl: '/files/doc1',
    ...overrides,
  };
}
