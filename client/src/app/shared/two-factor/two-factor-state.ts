import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { SessionStore } from '../../core/session/session.store';
import { MyTwoFactorGQL, type TwoFactorStatusFieldsFragment } from '../../graphql/generated';
import { PasswordConfirmation } from './password-confirmation';

/**
 * `myTwoFactor` for one page (provide it next to {@link PasswordConfirmation}): the method,
 * the mobile number, the recovery codes left. Each load also seeds the password
 * confirmation window and brings the signed-in account's method and number up to date.
 */
@Injectable()
export class TwoFactorState {
  private readonly myTwoFactorGql = inject(MyTwoFactorGQL);
  private readonly confirmation = inject(PasswordConfirmation);
  private readonly store = inject(SessionStore);

  readonly status = signal<TwoFactorStatusFieldsFragment | null>(null);
  readonly error = signal<UiError | null>(null);

  async load(): Promise<void> {
    try {
      const result = await firstValueFrom(this.myTwoFactorGql.fetch());
      const status = result.data?.myTwoFactor;
      if (!status) {
        this.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      this.error.set(null);
      this.status.set(status);
      this.confirmation.setUntil(status.passwordConfirmedUntil);
      const me = this.store.me();
      if (me && (me.twoFactorMethod !== status.method || me.mobileNumber !== status.mobileNumber)) {
        this.store.setAccount({ ...me, twoFactorMethod: status.method, mobileNumber: status.mobileNumber });
      }
    } catch (e) {
      // UNAUTHENTICATED is handled app-wide (back to /login); anything else is shown.
      this.error.set(describeError(toApiError(e)));
    }
  }
}
