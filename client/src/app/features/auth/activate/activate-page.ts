import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../../core/errors/api-error';
import { LinkState, OpenInvitationGQL } from '../../../graphql/generated';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { EmailLinkForm } from '../email-link-form';
import { ExpiredLink } from '../expired-link';

type PageState = 'checking' | LinkState | 'failed';

/**
 * The invitation link (first e-mail). Opening it tells the server; a valid one asks for the
 * e-mail address, an expired one has already been replaced by a fresh invitation.
 */
@Component({
  selector: 'app-activate-page',
  imports: [TranslocoDirective, EmailLinkForm, ExpiredLink, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @switch (state()) {
        @case ('checking') {
          <h1>{{ t('activate.heading') }}</h1>
          <p role="status">{{ t('activate.checking') }}</p>
        }
        @case ('VALID') {
          <h1>{{ t('activate.heading') }}</h1>
          <p>{{ t('passwordLink.intro') }}</p>
          <app-email-link-form />
        }
        @case ('EXPIRED_RESENT') {
          <app-expired-link headingKey="activate.expiredResentHeading" textKey="activate.expiredResent" />
        }
        @case ('failed') {
          <h1>{{ t('activate.heading') }}</h1>
          <app-error-alert [error]="error()" />
          <p>{{ t('passwordLink.intro') }}</p>
          <app-email-link-form />
        }
        @default {
          <h1>{{ t('activate.invalidHeading') }}</h1>
          <p>{{ t('activate.invalid') }}</p>
          <app-email-link-form />
        }
      }
    </ng-container>
  `,
})
export class ActivatePage implements OnInit {
  private readonly openInvitationGql = inject(OpenInvitationGQL);

  /** Route parameter `:token` (component input binding). */
  readonly token = input.required<string>();

  protected readonly state = signal<PageState>('checking');
  protected readonly error = signal<UiError | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(this.openInvitationGql.mutate({ variables: { token: this.token() } }));
      this.state.set(result.data?.openInvitation ?? 'INVALID');
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'LINK_INVALID' || apiError.code === 'LINK_EXPIRED') {
        this.state.set('INVALID');
      } else {
        // The address can still be entered: the next step works without this link.
        this.error.set(describeError(apiError));
        this.state.set('failed');
      }
    }
  }
}
