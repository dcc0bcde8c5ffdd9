import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DossierActionsGQL, type DossierActionsQuery } from '../../graphql/generated';

type DossierAction = DossierActionsQuery['dossier']['actions'][number];

/**
 * The questionnaires of one dossier still to fill in, each with "Invullen", shown on the dossier
 * page; nothing when there are none (completed ones are under "Door mij aangeleverd").
 */
@Component({
  selector: 'app-dossier-actions',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (open().length) {
      <section class="dossier-actions" aria-labelledby="dossier-actions-heading" data-testid="dossier-actions" *transloco="let t">
        <h2 id="dossier-actions-heading">{{ t('actions.dossierHeading') }}</h2>
        <ul>
          @for (action of open(); track action.id) {
            <li>
              <span class="title">{{ action.title }}</span>
              <span class="status">{{ t('actions.status.' + action.status) }}</span>
              <a mat-stroked-button [routerLink]="['/actions', action.id]">
                <mat-icon aria-hidden="true">edit_note</mat-icon>
                {{ t('actions.fill') }}<span class="cdk-visually-hidden">: {{ action.title }}</span>
              </a>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host { display: block; }
    h2 { font: var(--mat-sys-title-medium); margin-block: 16px 8px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding-block: 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .title { flex: 1 1 240px; }
    .status { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class DossierActions {
  readonly dossierId = input.required<string>();
  private readonly gql = inject(DossierActionsGQL);
  private readonly actions = signal<DossierAction[]>([]);
  protected readonly open = computed(() => this.actions().filter((a) => a.status !== 'COMPLETED'));

  constructor() {
    effect(() => {
      const id = this.dossierId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const result = await firstValueFrom(this.gql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
      this.actions.set(result.data?.dossier.actions ?? []);
    } catch {
      // An extra on the dossier page: the questionnaires are also under Acties.
    }
  }
}
