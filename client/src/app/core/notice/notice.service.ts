import { Injectable, signal } from '@angular/core';

/** Messages shown once on the next page, e.g. on /login after a session expired. */
export type NoticeKey = 'sessionExpired' | 'loggedOut' | 'passwordChangedSignIn';

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
