import { ChangeDetectionStrategy, Component, OnInit, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, firstValueFrom, map, merge } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import {
  DossierStatusesGQL,
  DossiersGQL,
  type DossierFilter,
  type DossierListFieldsFragment,
  type DossierStatusesQuery,
} from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { formatDate } from '../../shared/format/formatting';
import { type DossierView, filterFrom, queryParamsFor, singleDossierId, statusCodesFrom, viewFrom } from './dossier-filter';

export const DOSSIERS_PAGE_SIZE = 25;
/** Typing pauses this long before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

type Status = DossierStatusesQuery['dossierStatuses'][number];

/**
 * Dossiers (seed 000 §2.1, SPEC §4): search on number or "Omschrijving", a status filter
 * offering only the statuses that occur, ongoing and closed dossiers apart, keyset paging
 * ("Meer laden"). The state lives in the URL, so "back" from a dossier restores it. A user
 * with exactly one dossier goes straight into it.
 */
@Component({
  selector: 'app-dossiers-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dossiers-page.html',
  styleUrl: './dossiers-page.scss',
})
export class DossiersPage implements OnInit {
  /** Query parameters (router input binding). */
  readonly q = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly view = input<string | undefined>();

  private readonly dossiersGql = inject(DossiersGQL);
  private readonly statusesGql = inject(DossierStatusesGQL);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService).current;

  protected readonly form = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    statusCodes: new FormControl<string[]>([], { nonNullable: true }),
    view: new FormControl<DossierView>('all', { nonNullable: true }),
  });
  protected readonly filter = computed(() => filterFrom({ q: this.q(), status: this.status(), view: this.view() }));
  protected readonly dossiers = signal<DossierListFieldsFragment[] | null>(null);
  protected readonly totalCount = signal(0);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiError | null>(null);
  private readonly statuses = signal<Status[]>([]);
  private readonly viewValue = signal<DossierView>('all');
  /** Only the statuses that occur, and of those only the ones the chosen view can show. */
  protected readonly statusOptions = computed(() => {
    const view = this.viewValue();
    return this.statuses().filter((s) => view === 'all' || s.active === (view === 'active'));
  });
  protected readonly filtered = computed(() => Object.keys(this.filter()).length > 0);
  /** Requests may overlap while typing: only the latest one's answer is shown. */
  private requestId = 0;

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => {
        this.syncForm();
        void this.load(filter, null);
      });
    });
    const search$ = this.form.controls.search.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
    );
    merge(search$, this.form.controls.statusCodes.valueChanges, this.form.controls.view.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.applyForm());
    this.form.controls.view.valueChanges.pipe(takeUntilDestroyed()).subscribe((view) => this.viewValue.set(view));
  }

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(this.statusesGql.fetch({ fetchPolicy: 'network-only' }));
      this.statuses.set(result.data?.dossierStatuses ?? []);
    } catch {
      // Without the statuses there is no status filter; searching still works.
    }
  }

  protected clearFilters(): void {
    this.form.setValue({ search: '', statusCodes: [], view: 'all' }, { emitEvent: false });
    this.viewValue.set('all');
    this.applyForm();
  }

  protected clearSearch(): void {
    this.form.controls.search.setValue('', { emitEvent: false });
    this.applyForm();
  }

  protected loadMore(cursor: string): Promise<void> {
    return this.load(this.filter(), cursor);
  }

  protected open(dossier: DossierListFieldsFragment): void {
    void this.router.navigate(['/dossiers', dossier.id]);
  }

  protected formatDate(value: string): string {
    return formatDate(value, this.language());
  }

  /** The form's state into the URL; the URL change then loads (see the effect). */
  private applyForm(): void {
    const { search, statusCodes, view } = this.form.getRawValue();
    const visible = new Set(this.statusOptions().map((s) => s.code));
    const codes = this.statuses().length ? statusCodes.filter((c) => visible.has(c)) : statusCodes;
    void this.router.navigate([], { queryParams: queryParamsFor(search, codes, view), replaceUrl: true });
  }

  private syncForm(): void {
    const view = viewFrom(this.view());
    this.viewValue.set(view);
    this.form.setValue(
      { search: this.q() ?? '', statusCodes: statusCodesFrom(this.status()), view },
      { emitEvent: false },
    );
  }

  private async load(filter: DossierFilter, after: string | null): Promise<void> {
    const request = ++this.requestId;
    this.loading.set(true);
    try {
      const result = await firstValueFrom(
        this.dossiersGql.fetch({
          variables: { filter, first: DOSSIERS_PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      if (request !== this.requestId) {
        return;
      }
      const connection = result.data?.dossiers;
      if (!connection) {
        return;
      }
      const only = after ? null : singleDossierId(filter, connection);
      if (only) {
        // Replaces /dossiers: "back" from the dossier leaves the portal's list, not a redirect loop.
        await this.router.navigate(['/dossiers', only], { replaceUrl: true });
        return;
      }
      const page = connection.edges.map((e) => e.node);
      this.dossiers.update((current) => (after && current ? [...current, ...page] : page));
      this.totalCount.set(connection.totalCount);
      this.endCursor.set(connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null);
      this.error.set(null);
    } catch (e) {
      if (request === this.requestId) {
        this.error.set(describeError(toApiError(e)));
      }
    } finally {
      if (request === this.requestId) {
        this.loading.set(false);
      }
    }
  }
}
