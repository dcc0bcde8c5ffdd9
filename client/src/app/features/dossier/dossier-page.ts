import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import {
  DossierCountsGQL,
  DossierGQL,
  type DocumentCategory,
  type DossierCountsFieldsFragment,
  type DossierQuery,
} from '../../graphql/generated';
import type { DownloadClick } from '../../shared/documents/document-row';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { DossierActions } from '../actions/dossier-actions';
import { MessagesTab } from '../messages/messages-tab';
import { DocumentList } from './document-list';
import { ProgressPanel } from './progress-panel';

type Dossier = DossierQuery['dossier'];
type CountKey = keyof Omit<DossierCountsFieldsFragment, '__typename'>;

interface TabDef {
  /** In the URL (`?tab=`), so a reload or "back" returns to the same tab. */
  key: string;
  count: CountKey;
  /** The document category it lists; null for Berichten. */
  category: DocumentCategory | null;
}

/**
 * The browser fetches a download by itself and says nothing when the server has recorded it, so
 * the counts are asked again a little later to confirm the at-once local decrement.
 */
export const COUNTS_AFTER_DOWNLOAD_MS = 1500;

export const DOSSIER_TABS: readonly TabDef[] = [
  { key: 'correspondence', count: 'correspondence', category: 'CORRESPONDENCE' },
  { key: 'documents', count: 'documents', category: 'DOCUMENT' },
  { key: 'supplied', count: 'suppliedByMe', category: 'SUPPLIED' },
  { key: 'messages', count: 'messages', category: null },
];

/**
 * An opened dossier (seed 000 §2.1, SPEC §4): header with number, description, status and
 * handler; Voortgang; and the four tabs with their totals and unread counts, which are
 * refreshed whenever a tab reports a download, a read message or a sent message.
 */
@Component({
  selector: 'app-dossier-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatTabsModule,
    RouterLink,
    TranslocoDirective,
    ErrorAlert,
    DocumentList,
    DossierActions,
    MessagesTab,
    ProgressPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dossier-page.html',
  styleUrl: './dossier-page.scss',
})
export class DossierPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `tab`. */
  readonly tab = input<string | undefined>();

  private readonly dossierGql = inject(DossierGQL);
  private readonly countsGql = inject(DossierCountsGQL);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly transloco = inject(TranslocoService);
  private readonly afterDownload: (refresh: () => void) => void;
  /** Left before the dossier arrived (e.g. "back" at once): nothing to render or focus. */
  private destroyed = false;

  protected readonly tabs = DOSSIER_TABS;
  protected readonly dossier = signal<Dossier | null>(null);
  protected readonly counts = signal<DossierCountsFieldsFragment | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<UiError | null>(null);
  protected readonly tabIndex = computed(() => Math.max(0, DOSSIER_TABS.findIndex((t) => t.key === this.tab())));

  constructor() {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    this.afterDownload = (refresh) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        refresh();
      }, COUNTS_AFTER_DOWNLOAD_MS);
      timers.add(timer);
    };
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      timers.forEach(clearTimeout);
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  /**
   * The tab's accessible name, "Documenten (3), 1 ongelezen": set as one string because
   * browsers put the visible label's separate boxes together with stray spaces.
   */
  protected tabName(tab: TabDef): string {
    const title = this.transloco.translate<string>(`dossier.tabs.${tab.count}`);
    const count = this.counts()?.[tab.count];
    if (!count) {
      return title;
    }
    const unread = count.unread > 0 ? `, ${this.transloco.translate<string>('dossier.tabs.unread', { count: count.unread })}` : '';
    return `${title} (${count.total})${unread}`;
  }

  protected selectTab(index: number): void {
    const key = DOSSIER_TABS[index]?.key;
    if (key && key !== this.tab()) {
      // Replaces the entry: "back" leaves the dossier instead of walking through its tabs.
      void this.router.navigate([], { queryParams: { tab: key }, queryParamsHandling: 'merge', replaceUrl: true });
    }
  }

  /** A first download lowers its tab's unread count at once; the server's counts follow. */
  protected onDownloaded(tab: TabDef, click: DownloadClick): void {
    if (click.first) {
      this.counts.update((counts) => {
        if (!counts) return counts;
        const count = counts[tab.count];
        return { ...counts, [tab.count]: { ...count, unread: Math.max(0, count.unread - 1) } };
      });
    }
    this.afterDownload(() => void this.refreshCounts());
  }

  /** After a download, a read message or a sent message: the tab totals and unread counts. */
  async refreshCounts(): Promise<void> {
    try {
      const result = await firstValueFrom(this.countsGql.fetch({ variables: { id: this.id() }, fetchPolicy: 'network-only' }));
      if (result.data) {
        this.counts.set(result.data.dossier.counts);
      }
    } catch {
      // The counts stay as they were; the lists themselves are current.
    }
  }

  private async load(id: string): Promise<void> {
    this.dossier.set(null);
    this.notFound.set(false);
    this.error.set(null);
    try {
      const result = await firstValueFrom(this.dossierGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
      const dossier = result.data?.dossier ?? null;
      this.dossier.set(dossier);
      this.counts.set(dossier?.counts ?? null);
      this.notFound.set(!dossier);
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'NOT_FOUND' || apiError.code === 'BAD_USER_INPUT') {
        this.notFound.set(true);
      } else {
        this.error.set(describeError(apiError));
      }
    }
    if (!this.destroyed) {
      this.keepFocusOnHeading();
    }
  }

  /**
   * The heading changes once the dossier is loaded; when navigation had put focus on the
   * page (RouteFocus), it goes to the new heading so screen readers announce the dossier.
   */
  private keepFocusOnHeading(): void {
    afterNextRender(
      {
        write: () => {
          const active = this.document.activeElement;
          const onPage = !active || active === this.document.body || active.id === 'main-content' || active.tagName === 'H1';
          if (onPage) {
            this.host.querySelector<HTMLElement>('h1')?.focus();
          }
        },
      },
      { injector: this.injector },
    );
  }
}
