import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { type UiError, describeError, toApiError } from '../../core/errors/api-error';
import { ActionsGQL, type ActionsQuery } from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';

type ActionItem = ActionsQuery['actions'][number];

/**
 * "Acties" (seed 001 §2.2): the open questionnaires of the user's dossiers, oldest first, each with
 * its subject, the dossier number and "Invullen". Always asked afresh: completing one elsewhere
 * removes it.
 */
@Component({
  selector: 'app-actions-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('actions.heading') }}</h1>
      <p>{{ t('actions.intro') }}</p>
      <app-error-alert [error]="error()" alertId="actions-error" />
      @if (actions(); as list) {
        @if (list.length === 0) {
          <p data-testid="actions-empty">{{ t('actions.empty') }}</p>
        } @else {
          <div class="table-scroll" role="region" [attr.aria-label]="t('actions.caption')" tabindex="0">
            <table class="data-table actions-table">
              <caption class="cdk-visually-hidden">{{ t('actions.caption') }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('actions.columns.subject') }}</th>
                  <th scope="col">{{ t('actions.columns.dossier') }}</th>
                  <th scope="col">{{ t('actions.columns.status') }}</th>
                  <th scope="col"><span class="cdk-visually-hidden">{{ t('actions.columns.fill') }}</span></th>
                </tr>
              </thead>
              <tbody>
                @for (action of list; track action.id) {
                  <tr data-testid="action-row" [attr.data-action-id]="action.id">
                    <th scope="row">{{ action.title }}</th>
                    <td>{{ action.dossier.number }}</td>
                    <td>
                      {{ t('actions.status.' + action.status) }}
                      @if (action.status === 'IN_PROGRESS' && action.currentPage < action.pageCount) {
                        <span class="step">({{ t('actions.progress', { current: action.currentPage + 1, total: action.pageCount }) }})</span>
                      }
                    </td>
                    <td class="fill-cell">
                      <a mat-flat-button [routerLink]="['/actions', action.id]">
                        <mat-icon aria-hidden="true">edit_note</mat-icon>
                        {{ t('actions.fill') }}<span class="cdk-visually-hidden">: {{ action.title }}</span>
                      </a>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (!error()) {
        <p role="status">{{ t('common.loading') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host { display: block; }
    .table-scroll { overflow-x: auto; }
    .fill-cell { text-align: end; white-space: nowrap; }
    .step { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ActionsPage implements OnInit {
  private readonly actionsGql = inject(ActionsGQL);
  protected readonly actions = signal<ActionItem[] | null>(null);
  protected readonly error = signal<UiError | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(this.actionsGql.fetch({ fetchPolicy: 'network-only' }));
      this.actions.set(result.data?.actions ?? []);
    } catch (e) {
      this.error.set(describeError(toApiError(e)));
    }
  }
}
