import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { type AnsweredPage, type Question, formatAnswer } from './questionnaire-logic';

/**
 * The questions and answers of a questionnaire, page by page: the overview before "Voltooien"
 * (with "Wijzigen" per page) and the result after it (printed as it is shown).
 */
@Component({
  selector: 'app-answer-list',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @for (page of pages(); track $index; let i = $index) {
        <section class="answer-page" [attr.aria-labelledby]="idPrefix() + '-page-' + i" data-testid="answer-page">
          <div class="answer-page-header">
            <h3 [id]="idPrefix() + '-page-' + i">{{ page.title }}</h3>
            @if (editable()) {
              <button mat-button type="button" class="no-print" (click)="edit.emit(i)" [attr.data-edit-page]="i">
                <mat-icon aria-hidden="true">edit</mat-icon>
                {{ t('actions.overview.edit') }}<span class="cdk-visually-hidden">: {{ page.title }}</span>
              </button>
            }
          </div>
          <dl class="answers">
            @for (item of page.items; track item.question.key) {
              <div class="answer" [attr.data-answer]="item.question.key">
                <dt>{{ item.question.label }}</dt>
                <dd>
                  @if (display(item.question, item.values); as text) {
                    <span class="answer-text">{{ text }}</span>
                  } @else {
                    <span class="not-answered">{{ t('actions.notAnswered') }}</span>
                  }
                </dd>
              </div>
            }
          </dl>
        </section>
      }
    </ng-container>
  `,
  styles: `
    :host { display: block; }
    .answer-page { margin-block: 16px 24px; break-inside: auto; }
    .answer-page-header { display: flex; align-items: center; flex-wrap: wrap; gap: 8px 16px; }
    h3 { margin: 0; font: var(--mat-sys-title-medium); }
    .answers { margin: 8px 0 0; }
    .answer { padding-block: 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); break-inside: avoid; }
    dt { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    dd { margin: 2px 0 0; }
    .answer-text { white-space: pre-line; overflow-wrap: anywhere; }
    .not-answered { font-style: italic; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AnswerList {
  readonly pages = input.required<AnsweredPage[]>();
  /** Shows "Wijzigen" per page. */
  readonly editable = input(false);
  /** Keeps the headings' ids apart when two lists could be on one page. */
  readonly idPrefix = input('answers');
  readonly edit = output<number>();

  private readonly language = inject(LanguageService).current;
  private readonly transloco = inject(TranslocoService);

  protected display(question: Question, values: readonly string[]): string | null {
    // Read here so a language switch re-renders the answers with it.
    const language = this.language();
    return formatAnswer(question, values, language, {
      yes: this.transloco.translate<string>('actions.yes'),
      no: this.transloco.translate<string>('actions.no'),
    });
  }
}
