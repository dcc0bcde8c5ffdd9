import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { SessionStore } from '../../core/session/session.store';
import type { TwoFactorMethod } from '../../graphql/generated';
import { focusAfterRender } from '../a11y/focus';
import { StatusMessage } from '../feedback/status-message';

/** Class on `<body>` while printing: the print styles then show only the codes (styles.scss). */
export const PRINTING_RECOVERY_CODES = 'printing-recovery-codes';

/**
 * The recovery codes, shown once after a 2-step setup or on request (seed: "een scherm met
 * een herstelcode"): copy, download as .txt, print, and "Ik heb mijn herstelcodes bewaard"
 * before "Gereed".
 */
@Component({
  selector: 'app-recovery-codes',
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule, TranslocoDirective, StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="recovery-codes-sheet">
        @if (headingLevel() === 2) {
          <h2 class="recovery-codes-heading" tabindex="-1">{{ t('twoFactor.recoveryCodes.heading') }}</h2>
        } @else {
          <h3 class="recovery-codes-heading" tabindex="-1">{{ t('twoFactor.recoveryCodes.heading') }}</h3>
        }
        <p>{{ t(introKey()) }}</p>
        <p>{{ t('twoFactor.recoveryCodes.once') }}</p>
        @if (replaced()) {
          <p>{{ t('twoFactor.recoveryCodes.replaced') }}</p>
        }
        <ol class="codes" [attr.aria-label]="t('twoFactor.recoveryCodes.listLabel')">
          @for (code of codes(); track code) {
            <li data-testid="recovery-code"><code>{{ code }}</code></li>
          }
        </ol>
      </div>

      <div class="form-actions">
        <button mat-stroked-button type="button" (click)="copy()">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          {{ t('twoFactor.recoveryCodes.copy') }}
        </button>
        <button mat-stroked-button type="button" (click)="download()">
          <mat-icon aria-hidden="true">download</mat-icon>
          {{ t('twoFactor.recoveryCodes.download') }}
        </button>
        <button mat-stroked-button type="button" (click)="print()">
          <mat-icon aria-hidden="true">print</mat-icon>
          {{ t('twoFactor.recoveryCodes.print') }}
        </button>
      </div>
      <app-status-message [messageKey]="status()" />

      <div class="finish">
        <mat-checkbox
          id="recovery-codes-saved"
          [checked]="saved()"
          [aria-describedby]="savedError() ? 'recovery-codes-saved-error' : ''"
          (change)="onSavedChange($event.checked)"
        >
          {{ t('twoFactor.recoveryCodes.saved') }}
        </mat-checkbox>
        @if (savedError()) {
          <p id="recovery-codes-saved-error" class="field-error" role="alert">
            {{ t('twoFactor.recoveryCodes.savedRequired') }}
          </p>
        }
        <div class="form-actions">
          <button mat-flat-button type="button" (click)="finish()">{{ t('twoFactor.recoveryCodes.done') }}</button>
        </div>
      </div>
    </ng-container>
  `,
  styles: `
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 8px 24px;
      margin: 0 0 16px;
      padding: 16px 16px 16px 40px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .codes code { font-size: 1.05rem; letter-spacing: 0.05em; }
    .field-error { color: var(--mat-sys-error); margin: 4px 0 0; }
  `,
})
export class RecoveryCodes {
  private readonly clipboard = inject(Clipboard);
  private readonly transloco = inject(TranslocoService);
  private readonly store = inject(SessionStore);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly codes = input.required<readonly string[]>();
  /** The method they back up, for the explanation (the seed speaks of the mobile number). */
  readonly method = input<TwoFactorMethod>('SMS');
  /** The codes replace an earlier set ("Nieuwe herstelcodes"). */
  readonly replaced = input(false);
  /** 2 on a page of its own, 3 inside a section of "Mijn gegevens". */
  readonly headingLevel = input<2 | 3>(3);
  readonly done = output<void>();

  protected readonly introKey = computed(() =>
    this.method() === 'TOTP' ? 'twoFactor.recoveryCodes.introTotp' : 'twoFactor.recoveryCodes.introSms',
  );
  protected readonly saved = signal(false);
  protected readonly savedError = signal(false);
  protected readonly status = signal<string | null>(null);

  constructor() {
    // The codes replace the step the user was at: start reading at their heading.
    focusAfterRender(this.host, '.recovery-codes-heading', inject(Injector));
  }

  protected copy(): void {
    this.status.set(null);
    if (this.clipboard.copy(this.codes().join('\n'))) {
      this.status.set('twoFactor.recoveryCodes.copied');
    }
  }

  protected download(): void {
    const firm = this.store.portalInfo()?.firmName || this.transloco.translate<string>('app.name');
    const heading = this.transloco.translate<string>('twoFactor.recoveryCodes.fileHeading', { firm });
    const text = [heading, '', ...this.codes(), ''].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = this.transloco.translate<string>('twoFactor.recoveryCodes.fileName');
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  protected print(): void {
    const body = this.document.body;
    const window = this.document.defaultView;
    body.classList.add(PRINTING_RECOVERY_CODES);
    window?.addEventListener('afterprint', () => body.classList.remove(PRINTING_RECOVERY_CODES), { once: true });
    window?.print();
  }

  protected onSavedChange(checked: boolean): void {
    this.saved.set(checked);
    if (checked) {
      this.savedError.set(false);
    }
  }

  protected finish(): void {
    if (!this.saved()) {
      this.savedError.set(true);
      this.host.querySelector<HTMLElement>('#recovery-codes-saved input')?.focus();
      return;
    }
    this.done.emit();
  }
}
