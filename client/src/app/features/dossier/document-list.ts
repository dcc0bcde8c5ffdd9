import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DossierDocumentsGQL, type DocumentCategory, type DocumentFieldsFragment } from '../../graphql/generated';
import { type DownloadClick, DocumentRow } from '../../shared/documents/document-row';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { CursorList } from '../../shared/paging/cursor-list';

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
  private readonly list = new CursorList<DocumentFieldsFragment>((after) =>
    firstValueFrom(
      this.documentsGql.fetch({
        variables: { id: this.dossierId(), category: this.category(), first: DOCUMENTS_PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      }),
    ).then((result) => result.data?.dossier.documents),
  );
  protected readonly documents = this.list.items;
  protected readonly endCursor = this.list.endCursor;
  protected readonly loading = this.list.loading;
  protected readonly error = this.list.error;

  ngOnInit(): Promise<void> {
    return this.load(null);
  }

  protected load(after: string | null): Promise<void> {
    return this.list.load(after);
  }
}
