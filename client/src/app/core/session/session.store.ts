import { Injectable, computed, signal } from '@angular/core';
import type { PortalInfoFieldsFragment, SessionAccountFragment } from '../../graphql/generated';

export type SessionAccount = SessionAccountFragment;
export type PortalInfo = PortalInfoFieldsFragment;

/**
 * Who is signed in, as signals. Pure state without dependencies, so the Apollo error link
 * can reach it without a DI cycle. `me === null` means anonymous. The session itself is an
 * HttpOnly cookie the client never sees.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly account = signal<SessionAccount | null>(null);
  private readonly info = signal<PortalInfo | null>(null);
  private readonly changeRequired = signal(false);

  readonly me = this.account.asReadonly();
  readonly portalInfo = this.info.asReadonly();
  /** Signed in with a password that must be replaced first (only /password-change works). */
  readonly passwordChangeRequired = this.changeRequired.asReadonly();
  readonly signedIn = computed(() => this.account() !== null);

  setAccount(account: SessionAccount | null): void {
    this.account.set(account);
    if (account) {
      this.changeRequired.set(false);
    }
  }

  setPortalInfo(info: PortalInfo | null): void {
    this.info.set(info);
  }

  setPasswordChangeRequired(required: boolean): void {
    this.changeRequired.set(required);
  }

  clear(): void {
    this.account.set(null);
    this.changeRequired.set(false);
  }
}
