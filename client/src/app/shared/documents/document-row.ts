import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import type { DocumentFieldsFragment } from '../../graphql/generated';
import { formatDate, formatFileSize } from '../format/formatting';
import { FILE_KIND_ICONS, fileKind } from './file-kind';

export interface DownloadClick {
  document: DocumentFieldsFragment;
  /** When the mark was set. */
  at: string;
  first: boolean;
}

/**
 * One downloadable document (seed 001 "Geopend dossier iconen en knoppen"): type icon, title,
 * date, size, the "Reeds gedownload" mark and the Download button. The download is a plain
 * same-origin GET of `downloadUrl` (the session cookie authorises it, the server answers as an
 * attachment), so the browser saves it itself. The mark appears at once on click; `downloaded`
 * tells the list, which refreshes the unread counts.
 */
@Component({
  selector: 'app-document-row',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="document-row" data-testid="document-row" [attr.data-document-id]="document().id">
        <mat-icon class="kind-icon" aria-hidden="true" [attr.data-kind]="kind()">{{ icon() }}</mat-icon>
        <div class="document-text">
          <span class="document-title">
            <span class="cdk-visually-hidden">{{ t('documents.kinds.' + kind()) }}: </span>{{ document().title }}
          </span>
          <span class="document-meta">
            <span>{{ date() }}</span>
            <span aria-hidden="true"> · </span>
            <span class="cdk-visually-hidden">, {{ t('documents.size') }} </span>
            <span data-testid="document-size">{{ size() }}</span>
            @if (downloadedAt(); as at) {
              <span class="downloaded-mark" data-testid="downloaded-mark">
                <mat-icon aria-hidden="true">download_done</mat-icon>
                <span>{{ t('documents.downloaded') }}</span>
              </span>
            }
          </span>
        </div>
        <a
          mat-stroked-button
          class="download-button"
          [href]="document().downloadUrl"
          download
          (click)="markDownloaded()"
        >
          <mat-icon aria-hidden="true">download</mat-icon>
          {{ t('documents.download') }}<span class="cdk-visually-hidden">: {{ document().title }}</span>
        </a>
      </div>
    </ng-container>
  `,
  styles: `
    .document-row {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 12px 4px;
    }
    .kind-icon { flex: none; color: var(--mat-sys-on-surface-variant); }
    .kind-icon[data-kind='pdf'] { color: #b3261e; }
    .kind-icon[data-kind='word'] { color: #1f4e9c; }
    .kind-icon[data-kind='excel'] { color: #1b6e3a; }
    .document-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
    .document-title { font-weight: 500; overflow-wrap: anywhere; }
    .document-meta {
      display: flex; flex-wrap: wrap; align-items: center; gap: 0 4px;
      color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium);
    }
    .downloaded-mark {
      display: inline-flex; align-items: center; gap: 4px; margin-inline-start: 12px;
      color: var(--dp-success); font-weight: 500;
    }
    .downloaded-mark mat-icon { font-size: 20px; width: 20px; height: 20px; }
    .download-button { flex: none; }
    @media (max-width: 599.98px) {
      .document-row { flex-wrap: wrap; }
      .download-button { margin-inline-start: 40px; }
    }
  `,
})
export class DocumentRow {
  readonly document = input.required<DocumentFieldsFragment>();
  /** Emitted on the Download click; `first` when it had not been downloaded before (it was unread). */
  readonly downloaded = output<DownloadClick>();

  private readonly language = inject(LanguageService).current;
  private readonly downloadedNow = signal<string | null>(null);

  protected readonly kind = computed(() => fileKind(this.document().contentType, this.document().fileName));
  protected readonly icon = computed(() => FILE_KIND_ICONS[this.kind()]);
  protected readonly date = computed(() => formatDate(this.document().publishedAt, this.language()));
  protected readonly size = computed(() => formatFileSize(this.document().size, this.language()));
  protected readonly downloadedAt = computed(() => this.document().downloadedAt ?? this.downloadedNow());

  protected markDownloaded(): void {
    const at = new Date().toISOString();
    const first = !this.downloadedAt();
    if (first) {
      this.downloadedNow.set(at);
    }
    this.downloaded.emit({ document: this.document(), at, first });
  }
}
