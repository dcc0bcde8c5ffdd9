import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { PasswordPolicy, visiblePasswordRules } from './password-rules';

/**
 * The password rules, shown before typing and ticked off live. Screen readers hear a polite
 * summary ("2 van 3 eisen voldaan") only when the number of met rules changes.
 */
@Component({
  selector: 'app-password-rules-checklist',
  imports: [MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rules" *transloco="let t">
      <p class="rules-intro" [id]="rulesId()">
        @if (policy().mode === 'SEED') {
          {{ t('password.introSeed', { min: policy().minLength }) }}
        } @else {
          {{ t('password.introStandards', { min: policy().minLength, max: policy().maxLength }) }}
        }
      </p>
      <ul class="rules-list" [attr.aria-label]="t('password.rulesLabel')">
        @for (rule of rules(); track rule.id) {
          <li [class.met]="rule.met" [attr.data-rule]="rule.id" [attr.data-met]="rule.met">
            <mat-icon aria-hidden="true">{{ rule.met ? 'check_circle' : 'radio_button_unchecked' }}</mat-icon>
            <span>{{ t('password.rules.' + rule.id, rule.params) }}</span>
            <span class="cdk-visually-hidden">({{ rule.met ? t('password.ruleMet') : t('password.ruleNotMet') }})</span>
          </li>
        }
      </ul>
      <div class="cdk-visually-hidden" aria-live="polite" aria-atomic="true">
        @if (password() !== '') {
          @if (metCount() === rules().length) {
            {{ t('password.allMet') }}
          } @else {
            {{ t('password.summary', { met: metCount(), total: rules().length }) }}
          }
        }
      </div>
    </div>
  `,
  styles: `
    .rules-intro { margin: 0 0 4px; }
    .rules-list { list-style: none; margin: 0 0 16px; padding: 0; }
    .rules-list li { display: flex; align-items: center; gap: 8px; padding: 2px 0; color: var(--mat-sys-on-surface-variant); }
    .rules-list li.met { color: var(--dp-success); }
    .rules-list mat-icon { font-size: 20px; width: 20px; height: 20px; flex: none; }
  `,
})
export class PasswordRulesChecklist {
  readonly policy = input.required<PasswordPolicy>();
  readonly password = input.required<string>();
  /** Id of the intro paragraph, for the password input's aria-describedby. */
  readonly rulesId = input('password-rules');

  protected readonly rules = computed(() => visiblePasswordRules(this.password(), this.policy()));
  protected readonly metCount = computed(() => this.rules().filter((r) => r.met).length);
}
