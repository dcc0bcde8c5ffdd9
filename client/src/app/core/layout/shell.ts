import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { EMPTY, catchError, filter, firstValueFrom, map, switchMap } from 'rxjs';
import { LogoutGQL, OpenActionsCountGQL, type Role } from '../../graphql/generated';
import { NoticeService } from '../notice/notice.service';
import { SessionService } from '../session/session.service';
import { SessionStore } from '../session/session.store';
import { SkipLink } from './skip-link';

interface NavItem {
  path: string;
  labelKey: string;
  icon: string;
  /** Shown only to these roles (everyone when absent). */
  roles?: readonly Role[];
  /** Carries the open-actions count. */
  badge?: 'openActions';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/home', labelKey: 'nav.home', icon: 'home' },
  { path: '/dossiers', labelKey: 'nav.dossiers', icon: 'folder_open' },
  { path: '/actions', labelKey: 'nav.actions', icon: 'assignment', badge: 'openActions' },
  { path: '/my-details', labelKey: 'nav.myDetails', icon: 'person' },
  { path: '/accounts', labelKey: 'nav.accounts', icon: 'group', roles: ['COMPANY_MAIN'] },
];

/** Narrow screens get the navigation in a drawer behind a menu button. */
const HANDSET = '(max-width: 839.98px)';

/** The signed-in frame: header with firm, user and navigation; the page in `<main>`. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    TranslocoDirective,
    SkipLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
})
export class Shell {
  private readonly store = inject(SessionStore);
  private readonly session = inject(SessionService);
  private readonly logoutGql = inject(LogoutGQL);
  private readonly notices = inject(NoticeService);
  private readonly router = inject(Router);
  private readonly openActionsGql = inject(OpenActionsCountGQL);

  protected readonly me = this.store.me;
  protected readonly navItems = computed(() => {
    const role = this.me()?.role;
    return NAV_ITEMS.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
  });
  protected readonly firmName = computed(() => this.store.portalInfo()?.firmName ?? null);
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /**
   * Open actions, visible on every page (seed 000: "ongeacht welke tegel geactiveerd is"):
   * one small query after each navigation. Null until the first answer; a failed refresh
   * keeps the last known number.
   */
  protected readonly openActions = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      switchMap(() =>
        this.openActionsGql
          .fetch({ fetchPolicy: 'network-only' })
          .pipe(
            map((result) => result.data?.home.openActions ?? null),
            catchError(() => EMPTY),
          ),
      ),
    ),
    { initialValue: null },
  );
  private readonly drawer = viewChild<MatSidenav>('drawer');
  private loggingOut = false;

  constructor() {
    // The drawer only exists for narrow screens; close it when the screen widens.
    effect(() => {
      if (!this.handset()) {
        void this.drawer()?.close();
      }
    });
  }

  protected closeDrawer(): void {
    void this.drawer()?.close();
  }

  protected async logout(): Promise<void> {
    if (this.loggingOut) {
      return;
    }
    this.loggingOut = true;
    try {
      await firstValueFrom(this.logoutGql.mutate());
    } catch {
      // Signed out locally regardless; the server session dies with its idle timeout.
    }
    await this.session.clear();
    this.notices.show('loggedOut');
    this.loggingOut = false;
    await this.router.navigateByUrl('/login');
  }
}
