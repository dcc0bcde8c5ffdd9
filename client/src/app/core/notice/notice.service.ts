import { Injectable, signal } from '@angular/core';

/**
 * Messages shown once on the next page, e.g. on /login after a session expired.
 * `signInEnded`: the server ended a half-finished sign-in (too many wrong codes, or it took too long).
 */
export type NoticeKey = 'sessionExpired' | 'loggedOut' | 'passwordChangedSignIn' | 'signInEnded';

@Injectable({ providedIn: 'root' })
export class NoticeService {
  private readonly pending = signal<NoticeKey | null>(null);

  show(key: NoticeKey): void {
    this.pending.set(key);
  }

  /** Returns the pending notice and forgets it. */
  take(): NoticeKey | null {
    const key = this.pending();
    this.pending.set(null);
    return key;
  }
}
