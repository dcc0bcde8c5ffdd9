import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { SessionGQL } from '../../graphql/generated';
import { LanguageService } from '../i18n/language.service';
import { SessionAccount, SessionStore, toPendingSignIn } from './session.store';

/** Loads and ends the session; the state itself lives in {@link SessionStore}. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly store = inject(SessionStore);
  private readonly sessionGql = inject(SessionGQL);
  private readonly language = inject(LanguageService);
  private readonly apollo = inject(Apollo);

  /**
   * Asks the server who is signed in, where an unfinished sign-in stands (`authState`, so a
   * reloaded step page resumes) and the firm's public facts. Keeps where a pending sign-in
   * leads afterwards. Never throws: when the server cannot be reached the visitor is
   * treated as anonymous.
   */
  async load(): Promise<void> {
    const continuation = this.store.pendingSignIn() ?? undefined;
    try {
      const result = await firstValueFrom(
        this.sessionGql.fetch({ fetchPolicy: 'network-only', errorPolicy: 'all' }),
      );
      if (result.data?.portalInfo) {
        this.store.setPortalInfo(result.data.portalInfo);
      }
      const me = result.data?.me ?? null;
      const state = result.data?.authState ?? null;
      const status = state?.status ?? 'SIGNED_IN';
      if (me) {
        this.store.setAccount(me);
        await this.language.useAccountLanguage(me.language);
      } else if (state && status !== 'SIGNED_IN') {
        this.store.setPendingSignIn(toPendingSignIn(status, state, continuation));
      } else {
        this.store.clear();
      }
    } catch {
      this.store.clear();
    }
  }

  /** Marks the account as signed in; its language becomes the interface language. */
  async signIn(account: SessionAccount): Promise<void> {
    this.store.setAccount(account);
    await this.language.useAccountLanguage(account.language);
  }

  /** Forgets everything about the previous user on this page (state and Apollo cache). */
  async clear(): Promise<void> {
    this.store.clear();
    await this.apollo.client.clearStore();
  }
}
