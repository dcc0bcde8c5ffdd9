import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The six-digit code field of the second step and of the SMS and app setup: numeric keyboard,
 * `autocomplete="one-time-code"`, the hint and the errors of a control from `oneTimeCodeControl()`.
 * Put it inside the form that holds the control.
 */
@Component({
  selector: 'app-one-time-code-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" class="full-width" *transloco="let t">
      <mat-label>{{ t(labelKey()) }}</mat-label>
      <input
        matInput
        [id]="inputId()"
        [name]="name() ?? inputId()"
        type="text"
        inputmode="numeric"
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck="false"
        [formControl]="control()"
        required
        [aria-describedby]="describedBy()"
      />
      <mat-hint>{{ t('secondFactor.codeHint') }}</mat-hint>
      @if (control().hasError('required')) {
        <mat-error>{{ t('common.required') }}</mat-error>
      } @else if (control().hasError('pattern')) {
        <mat-error>{{ t('secondFactor.codeInvalid') }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class OneTimeCodeField {
  readonly control = input.required<FormControl<string>>();
  readonly inputId = input.required<string>();
  /** The input's name; the id when not given. */
  readonly name = input<string | null>(null);
  readonly labelKey = input.required<string>();
  /** Id of the text that explains where the code comes from. */
  readonly describedBy = input.required<string>();
}
