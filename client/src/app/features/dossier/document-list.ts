import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { DossierDocumentsGQL, type DocumentCategory, type DocumentFieldsFragment } from '../../graphql/generated';
import { type DownloadClick, DocumentRow } from '../../shared/documents/document-row';
import { ErrorAlert } from '../../shared/feedback/error-alert';

export const DOCUMENTS_PAGE_SIZE = 25;

/**
 * The documents of one dossier tab (Correspondentie, Documenten or Door mij aangeleverd),
 * newest first as the server orders them, a page at a time ("Meer laden" continues after the
 * last cursor). Always fetched from the network: the tab is rebuilt each time it is shown.
 */
@Component({
  selector: 'app-document-list',
  imports: [MatButtonModule, TranslocoDirective, DocumentRow, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <app-error-alert [error]="error()" [alertId]="'documents-error-' + category()" />
      @if (documents(); as list) {
        @if (list.length === 0) {
          <p data-testid="documents-empty">{{ t('documents.empty') }}</p>
        } @else {
          <ul class="item-list" [attr.aria-label]="label()" data-testid="document-list">
            @for (document of list; track document.id) {
              <li><app-document-row [document]="document" (downloaded)="downloaded.emit($event)" /></li>
            }
          </ul>
          @if (endCursor(); as cursor) {
            <div class="list-more">
              <button mat-stroked-button type="button" [disabled]="loading()" (click)="load(cursor)">
                {{ t('documents.more') }}
              </button>
            </div>
          }
        }
      } @else if (!error()) {
        <p role="status">{{ t('common.loading') }}</p>
      }
    </ng-container>
  `,
})
export class DocumentList implements OnInit {
  readonly dossierId = input.required<string>();
  readonly category = input.required<DocumentCategory>();
  /** The list's accessible name (the tab's title). */
  readonly label = input.required<string>();
  /** A document was downloaded: its tab's unread count may have dropped. */
  readonly downloaded = output<DownloadClick>();

  private readonly documentsGql = inject(DossierDocumentsGQL);
  protected readonly documents = signal<DocumentFieldsFragment[] | null>(null);
  /** The cursor to continue after; null when there is no next page. */
  protected readonly endCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiError | null>(null);

  ngOnInit(): Promise<void> {
    return this.load(null);
  }

  protected async load(after: string | null): Promise<void> {
    this.loading.set(true);
    try {
      const result = await firstValueFrom(
        this.documentsGql.fetch({
          variables: { id: this.dossierId(), category: this.category(), first: DOCUMENTS_PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      const connection = result.data?.dossier.documents;
      const page = connection?.edges.map((e) => e.node) ?? [];
      this.documents.update((current) => (after && current ? [...current, ...page] : page));
      this.endCursor.set(connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null);
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(toApiError(e)));
    } finally {
      this.loading.set(false);
    }
  }
}
