import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import type { DossierQuery } from '../../graphql/generated';
import { formatDate } from '../../shared/format/formatting';

export type Progress = DossierQuery['dossier']['progress'];

/**
 * "Voortgang" (seed 000 §2.1.1.1): collapsed by default, its label counting the steps done,
 * "(4/10)", or "(0/0)" when there is no progress list. Expanded: the steps, done or not.
 * A disclosure button (aria-expanded / aria-controls), so it works by keyboard and is
 * announced as such.
 */
@Component({
  selector: 'app-progress-panel',
  imports: [MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading" class="progress-heading">
          <button
            type="button"
            class="progress-toggle"
            data-testid="progress-toggle"
            aria-controls="progress-steps"
            [attr.aria-expanded]="expanded()"
            (click)="expanded.set(!expanded())"
          >
            <mat-icon aria-hidden="true">{{ expanded() ? 'expand_less' : 'expand_more' }}</mat-icon>
            {{ t('dossier.progress.label', { done: done(), total: total() }) }}
          </button>
        </h2>
        <div id="progress-steps" [hidden]="!expanded()">
          @if (expanded()) {
            @if (steps().length === 0) {
              <p>{{ t('dossier.progress.empty') }}</p>
            } @else {
              <ol class="steps" [attr.aria-label]="t('dossier.progress.listLabel')">
                @for (step of steps(); track step.id) {
                  <li class="step" [class.done]="step.done" data-testid="progress-step">
                    <mat-icon aria-hidden="true">{{ step.done ? 'check_circle' : 'radio_button_unchecked' }}</mat-icon>
                    <span class="step-title">{{ step.title }}</span>
                    <span class="step-state">
                      @if (step.done) {
                        {{ t('dossier.progress.done') }}
                        @if (step.doneAt) {
                          <span class="step-date">({{ t('dossier.progress.doneOn', { date: formatDate(step.doneAt) }) }})</span>
                        }
                      } @else {
                        {{ t('dossier.progress.notDone') }}
                      }
                    </span>
                  </li>
                }
              </ol>
            }
          }
        </div>
      </section>
    </ng-container>
  `,
  styles: `
    .progress { margin-block: 16px 24px; }
    .progress-heading { margin: 0; }
    .progress-toggle {
      display: inline-flex; align-items: center; gap: 8px;
      padding: 8px 12px 8px 4px; border: 0; border-radius: 8px; background: none; cursor: pointer;
      font: inherit; color: var(--mat-sys-primary);
    }
    .progress-toggle:hover { background: var(--mat-sys-surface-container-high); }
    .steps { list-style: none; margin: 8px 0 0; padding: 0; }
    .step {
      display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px;
      padding: 8px 4px; border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .step mat-icon { color: var(--mat-sys-outline); }
    .step.done mat-icon { color: var(--dp-success); }
    .step-title { flex: 1; min-width: 12em; }
    .step-state { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); }
  `,
})
export class ProgressPanel {
  readonly progress = input.required<Progress>();
  protected readonly expanded = signal(false);
  private readonly language = inject(LanguageService).current;

  protected readonly steps = computed(() => [...this.progress().steps].sort((a, b) => a.position - b.position));
  protected readonly done = computed(() => this.progress().done);
  protected readonly total = computed(() => this.progress().total);

  protected formatDate(value: string): string {
    return formatDate(value, this.language());
  }
}
