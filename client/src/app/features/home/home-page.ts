import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../../core/session/session.store';
import { HomeSummaryGQL, type HomeSummaryQuery } from '../../graphql/generated';

type Summary = HomeSummaryQuery['home'];

interface Tile {
  path: string;
  titleKey: string;
  icon: string;
  /** The tile's count line as a translation key with its parameters; null = the plain description. */
  count: { key: string; params: Record<string, number> } | null;
  textKey: string;
}

/** The Acties count line: "0" means there is no questionnaire (left) to fill in (seed 000). */
export function actionsCountKey(openActions: number): string {
  return openActions === 0 ? 'home.actionsNone' : openActions === 1 ? 'home.actionsOne' : 'home.actionsMany';
}

/**
 * Home: the three sections of the seed manuals as large tiles, with the numbers of `home`:
 * dossiers in progress and in total, and the open actions.
 */
@Component({
  selector: 'app-home-page',
  imports: [MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('home.heading', { name: name() }) }}</h1>
      <p>{{ t('home.intro') }}</p>
      <ul class="tiles">
        @for (tile of tiles(); track tile.path) {
          <li class="tile" [attr.data-testid]="'tile-' + tile.path.slice(1)">
            <mat-icon class="tile-icon" aria-hidden="true">{{ tile.icon }}</mat-icon>
            <h2 class="tile-title">
              <a class="tile-link" [routerLink]="tile.path">{{ t(tile.titleKey) }}</a>
            </h2>
            @if (tile.count; as count) {
              <p class="tile-count">{{ t(count.key, count.params) }}</p>
            }
            <p class="tile-text">{{ t(tile.textKey) }}</p>
          </li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .tile-count { margin: 0; font: var(--mat-sys-title-medium); }
  `,
})
export class HomePage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly homeGql = inject(HomeSummaryGQL);
  protected readonly name = computed(() => this.store.me()?.displayName ?? '');
  /** Null until loaded, and when it could not be loaded: the tiles then show their descriptions only. */
  private readonly summary = signal<Summary | null>(null);

  protected readonly tiles = computed((): Tile[] => {
    const s = this.summary();
    return [
      {
        path: '/dossiers',
        titleKey: 'nav.dossiers',
        icon: 'folder_open',
        textKey: 'home.dossiers',
        count: s ? { key: 'home.dossiersCount', params: { inProgress: s.dossiersInProgress, total: s.dossiersTotal } } : null,
      },
      {
        path: '/actions',
        titleKey: 'nav.actions',
        icon: 'assignment',
        textKey: 'home.actions',
        count: s ? { key: actionsCountKey(s.openActions), params: { count: s.openActions } } : null,
      },
      { path: '/my-details', titleKey: 'nav.myDetails', icon: 'person', textKey: 'home.myDetails', count: null },
    ];
  });

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(this.homeGql.fetch({ fetchPolicy: 'network-only' }));
      this.summary.set(result.data?.home ?? null);
    } catch {
      // The tiles still lead to their sections; the numbers are a convenience.
    }
  }
}
