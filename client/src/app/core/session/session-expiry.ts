import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { safeReturnUrl } from '../guards/auth.guards';
import { NoticeService } from '../notice/notice.service';
import { SessionService } from './session.service';
import { SessionStore } from './session.store';

/**
 * Reacts to `UNAUTHENTICATED` from the server. Only a page that believed it was signed in
 * (or halfway a sign-in: password change, 2-step setup) is sent back to /login, with "Uw sessie
 * is verlopen"; anonymous pages handle their own errors.
 */
@Injectable({ providedIn: 'root' })
export class SessionExpiry {
  private readonly store = inject(SessionStore);
  private readonly session = inject(SessionService);
  private readonly notices = inject(NoticeService);
  private readonly router = inject(Router);

  async expire(): Promise<void> {
    if (!this.store.signedIn() && !this.store.pendingSignIn()) {
      return;
    }
    const returnUrl = safeReturnUrl(this.router.url);
    await this.session.clear();
    this.notices.show('sessionExpired');
    await this.router.navigate(['/login'], {
      queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
    });
  }
}
