import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { FormSubmission } from '../../../core/errors/form-errors';
import { NoticeService } from '../../../core/notice/notice.service';
import { SessionStore } from '../../../core/session/session.store';
import { LoginGQL } from '../../../graphql/generated';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { StatusMessage } from '../../../shared/feedback/status-message';
import { AuthFlow } from '../auth-flow';

/** "Inloggen" with e-mail address or account number and password. */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    ErrorAlert,
    StatusMessage,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
})
export class LoginPage {
  private readonly loginGql = inject(LoginGQL);
  private readonly authFlow = inject(AuthFlow);
  private readonly store = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);

  protected readonly firmName = computed(() => this.store.portalInfo()?.firmName ?? null);
  /** "E-mailadres vergeten" works by SMS: offered only when the portal sends SMS at all. */
  protected readonly smsAllowed = computed(() => this.store.portalInfo()?.smsAllowed ?? false);
  /** "Uw sessie is verlopen", "U bent uitgelogd", … — shown once. */
  protected readonly notice = signal(inject(NoticeService).take());
  protected readonly showPassword = signal(false);

  protected readonly form = new FormGroup({
    identifier: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): Promise<void> {
    this.notice.set(null);
    return this.submission.run(async () => {
      // The identifier may be trimmed (an address or number); the password never is.
      const identifier = this.form.controls.identifier.value.trim();
      const password = this.form.controls.password.value;
      const result = await firstValueFrom(this.loginGql.mutate({ variables: { identifier, password } }));
      const login = result.data?.login;
      if (!login) {
        this.submission.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      await this.authFlow.complete(login, {
        via: 'login',
        returnUrl: this.route.snapshot.queryParamMap.get('returnUrl'),
      });
    });
  }
}
