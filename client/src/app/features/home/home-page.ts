import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionStore } from '../../core/session/session.store';

interface Tile {
  path: string;
  titleKey: string;
  textKey: string;
  icon: string;
}

/** Home: the three sections of the seed manuals as large tiles. */
@Component({
  selector: 'app-home-page',
  imports: [MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('home.heading', { name: name() }) }}</h1>
      <p>{{ t('home.intro') }}</p>
      <ul class="tiles">
        @for (tile of tiles; track tile.path) {
          <li class="tile">
            <mat-icon class="tile-icon" aria-hidden="true">{{ tile.icon }}</mat-icon>
            <h2 class="tile-title">
              <a class="tile-link" [routerLink]="tile.path">{{ t(tile.titleKey) }}</a>
            </h2>
            <p class="tile-text">{{ t(tile.textKey) }}</p>
          </li>
        }
      </ul>
    </ng-container>
  `,
})
export class HomePage {
  private readonly store = inject(SessionStore);
  protected readonly name = computed(() => this.store.me()?.displayName ?? '');
  protected readonly tiles: readonly Tile[] = [
    { path: '/dossiers', titleKey: 'nav.dossiers', textKey: 'home.dossiers', icon: 'folder_open' },
    { path: '/actions', titleKey: 'nav.actions', textKey: 'home.actions', icon: 'assignment' },
    { path: '/my-details', titleKey: 'nav.myDetails', textKey: 'home.myDetails', icon: 'person' },
  ];
}
