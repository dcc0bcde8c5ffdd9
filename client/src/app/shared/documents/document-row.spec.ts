import { ComponentFixture, TestBed } from '@angular/core/testing';
import { settle } from '../../../testing/fixtures';
import { accessibleText } from '../../../testing/dom-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import type { DocumentFieldsFragment } from '../../graphql/generated';
import { aDocument } from '../../../testing/dossier-fixtures';
import { DocumentRow } from './document-row';

describe('DocumentRow', () => {
  let fixture: ComponentFixture<DocumentRow>;
  const el = () => fixture.nativeElement as HTMLElement;

  async function show(document: DocumentFieldsFragment): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting()] });
    fixture = TestBed.createComponent(DocumentRow);
    fixture.componentRef.setInput('document', document);
    await settle(fixture);
  }

  it('shows type icon, title, date, size and a Download link to the file', async () => {
    await show(aDocument());
    expect(el().querySelector('.kind-icon')?.textContent?.trim()).toBe('picture_as_pdf');
    expect(accessibleText(el().querySelector('.document-title')!)).toBe('PDF-document: Concept akte van levering');
    expect(el().textContent).toContain('3 mrt 2026');
    expect(el().querySelector('[data-testid="document-size"]')?.textContent).toBe('1,2 MB');
    const link = el().querySelector<HTMLAnchorElement>('a.download-button')!;
    expect(link.getAttribute('href')).toBe('/files/doc1');
    expect(link.hasAttribute('download')).toBe(true);
    expect(accessibleText(link)).toBe('Download: Concept akte van levering');
    expect(el().querySelector('[data-testid="downloaded-mark"]')).toBeNull();
  });

  it('marks "Reeds gedownload" at once on the Download click and tells the list', async () => {
    await show(aDocument());
    const emitted: string[] = [];
    fixture.componentInstance.downloaded.subscribe((e) => emitted.push(e.document.id));
    const link = el().querySelector<HTMLAnchorElement>('a.download-button')!;
    // jsdom does not navigate; the click handler is what is under test.
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    await settle(fixture);
    expect(el().querySelector('[data-testid="downloaded-mark"]')?.textContent).toContain('Reeds gedownload');
    expect(emitted).toEqual(['doc1']);
  });

  it('shows the mark for a document downloaded before', async () => {
    await show(aDocument({ downloadedAt: '2026-03-04T10:00:00.000Z', contentType: 'application/octet-stream', fileName: 'x.xlsx' }));
    expect(el().querySelector('[data-testid="downloaded-mark"]')).not.toBeNull();
    expect(el().querySelector('.kind-icon')?.textContent?.trim()).toBe('table_chart');
  });
});
