import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  ViewEncapsulation,
  afterNextRender,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChildren,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInput, MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';
import { type ApiError, type UiError, describeError, toApiError } from '../../core/errors/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import {
  ActionGQL,
  CompleteActionGQL,
  SaveActionPageDocument,
  SaveActionPageGQL,
  UploadPolicyGQL,
  type ActionQuery,
  type SaveActionPageMutation,
  type SaveActionPageMutationVariables,
} from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { formatDateTimeShort, formatFileSize } from '../../shared/format/formatting';
import { GraphqlUpload } from '../../shared/upload/graphql-upload';
import { type UploadPolicy, checkFiles } from '../../shared/upload/upload-policy';
import { AnswerList } from './answer-list';
import {
  type FileState,
  type Question,
  LONG_TEXT_MAX,
  NO,
  TEXT_MAX,
  YES,
  answeredPages,
  buildPageAnswers,
  entryStep,
  pageProblems,
  problemKey,
  problemParams,
  questionKeyOf,
  savedFiles,
  savedValues,
  shownKeys,
} from './questionnaire-logic';

type Action = ActionQuery['action'];
type Step = number | 'overview';

/** FILE_REJECTED reasons shown at the file question (actions.problems.*). */
const FILE_REASONS = ['TOO_LARGE', 'TYPE_NOT_ALLOWED', 'CONTENT_MISMATCH', 'EMPTY', 'UPLOAD_FAILED'];

/** `extensions.page` of a `completeAction` refusal: the first page with a question to fix. */
function errorPage(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const page = error.errors[0]?.extensions?.['page'];
  return typeof page === 'number' ? page : null;
}

/**
 * A questionnaire (seed 000 §2.1.2, seed 001 §2.2.1, SPEC §6), at /actions/:id: one page at a time
 * with "Stap x van y"; "Volgende" checks the page and saves it on the server (files in one
 * multipart request with progress), "Vorige" only goes back. It opens where the user stopped,
 * on any device. After the last page an overview with "Voltooien"; a completed questionnaire
 * shows its result with "Printen" and the PDF (at /actions/:id/result, so the badge refreshes).
 */
@Component({
  selector: 'app-action-wizard',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    RouterLink,
    TranslocoDirective,
    AnswerList,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Unencapsulated for the print rules, which reach the shell around it; every rule is scoped.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './action-wizard.html',
  styleUrl: './action-wizard.scss',
})
export class ActionWizard {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly actionGql = inject(ActionGQL);
  private readonly saveGql = inject(SaveActionPageGQL);
  private readonly completeGql = inject(CompleteActionGQL);
  private readonly policyGql = inject(UploadPolicyGQL);
  private readonly upload = inject(GraphqlUpload);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly language = inject(LanguageService).current;

  protected readonly action = signal<Action | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<UiError | null>(null);
  protected readonly step = signal<Step>(0);
  /** Answers by key: the saved ones, with what is typed on screen over them. */
  protected readonly values = signal<Record<string, string[]>>({});
  protected readonly files = signal<Record<string, FileState>>({});
  /** Problems by question key (the server's codes). */
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<UiError | null>(null);
  protected readonly busy = signal(false);
  /** Upload progress while a page with files is saved, 0–100; null otherwise. */
  protected readonly percent = signal<number | null>(null);
  protected readonly policy = signal<UploadPolicy | null>(null);

  protected readonly textMax = TEXT_MAX;
  protected readonly longTextMax = LONG_TEXT_MAX;
  /** Question types answered in a group of controls (fieldset and legend) rather than one labelled field. */
  protected readonly grouped = new Set<string>(['YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'FILE']);
  protected readonly yes = YES;
  protected readonly no = NO;
  protected readonly problemKey = problemKey;
  protected readonly problemParams = problemParams;

  protected readonly questionnaire = computed(() => this.action()?.questionnaire ?? null);
  protected readonly pageCount = computed(() => this.questionnaire()?.pages.length ?? 0);
  protected readonly completed = computed(() => this.action()?.status === 'COMPLETED');
  protected readonly pageIndex = computed(() => {
    const step = this.step();
    return step === 'overview' ? null : step;
  });
  protected readonly page = computed(() => {
    const index = this.pageIndex();
    return index === null ? null : (this.questionnaire()?.pages[index] ?? null);
  });
  /** The page's questions shown with the answers on screen. */
  protected readonly shownQuestions = computed(() => {
    const questionnaire = this.questionnaire();
    const page = this.page();
    if (!questionnaire || !page) return [];
    const shown = shownKeys(questionnaire, this.values());
    return page.questions.filter((q) => shown.has(q.key));
  });
  protected readonly answered = computed(() => {
    const action = this.action();
    return action ? answeredPages(action.questionnaire, action.answers) : [];
  });
  protected readonly completedAt = computed(() => {
    const at = this.action()?.completedAt;
    return at ? formatDateTimeShort(at, this.language()) : '';
  });
  protected readonly accept = computed(() => (this.policy()?.allowedExtensions ?? []).map((e) => `.${e.replace(/^\./, '')}`).join(','));
  protected readonly allowedText = computed(() => {
    const policy = this.policy();
    if (!policy?.allowedExtensions.length) return null;
    return { types: policy.allowedExtensions.join(', '), size: formatFileSize(policy.maxFileSize, this.language()) };
  });

  private readonly matchers = new Map<string, ErrorStateMatcher>();
  private readonly inputs = viewChildren(MatInput);

  constructor() {
    // A MatInput without a form control never asks its matcher by itself: ask it whenever the problems change.
    afterRenderEffect(() => {
      this.errors();
      for (const input of this.inputs()) input.updateErrorState();
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    void this.loadPolicy();
  }

  // ---- Reading and writing the answers on screen ----

  protected text(key: string): string {
    return this.values()[key]?.[0] ?? '';
  }

  protected setText(key: string, event: Event): void {
    this.setValues(key, [(event.target as HTMLInputElement | HTMLTextAreaElement).value]);
  }

  protected setSingle(key: string, value: string): void {
    this.setValues(key, [value]);
  }

  protected isChecked(key: string, option: string): boolean {
    return (this.values()[key] ?? []).includes(option);
  }

  protected toggle(question: Question, option: string, checked: boolean): void {
    const current = new Set(this.values()[question.key] ?? []);
    if (checked) current.add(option);
    else current.delete(option);
    this.setValues(question.key, question.options.filter((o) => current.has(o)));
  }

  protected file(key: string): FileState {
    return this.files()[key] ?? { saved: null, chosen: null, removed: false };
  }

  protected chooseFile(key: string, event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0] ?? null;
    input.value = '';
    if (!chosen) return;
    const { rejected } = checkFiles([chosen], [], this.policy());
    const problem = rejected[0]?.problem;
    if (problem && FILE_REASONS.includes(problem)) {
      this.errors.update((errors) => ({ ...errors, [key]: problem }));
      return;
    }
    this.files.update((files) => ({ ...files, [key]: { ...this.file(key), chosen, removed: false } }));
    this.clearError(key);
  }

  /** Drops the chosen file, else marks the saved one for removal (it goes with "Volgende"). */
  protected removeFile(key: string): void {
    const state = this.file(key);
    this.files.update((files) => ({ ...files, [key]: state.chosen ? { ...state, chosen: null } : { ...state, removed: true } }));
    this.clearError(key);
    this.focusAfterRender(`#q-${key}-choose`);
  }

  protected keepFile(key: string): void {
    this.files.update((files) => ({ ...files, [key]: { ...this.file(key), removed: false } }));
    this.focusAfterRender(`#q-${key}-choose`);
  }

  protected openFilePicker(key: string): void {
    this.host.querySelector<HTMLInputElement>(`#q-${key}-file`)?.click();
  }

  /** The ids that describe a question's control: its help and its error. */
  protected describedBy(question: Question): string | null {
    const ids = [question.help ? `q-${question.key}-help` : null, this.errors()[question.key] ? `q-${question.key}-error` : null];
    return ids.filter(Boolean).join(' ') || null;
  }

  /** Lets a Material field show its error without a form control: in error while the question has a problem. */
  protected matcher(key: string): ErrorStateMatcher {
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = { isErrorState: () => Boolean(this.errors()[key]) };
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  private setValues(key: string, values: string[]): void {
    this.values.update((all) => ({ ...all, [key]: values }));
    this.clearError(key);
  }

  private clearError(key: string): void {
    if (this.errors()[key]) {
      this.errors.update(({ [key]: _, ...rest }) => rest);
    }
  }

  // ---- Moving through the questionnaire ----

  protected previous(): void {
    const step = this.step();
    const to = step === 'overview' ? this.pageCount() - 1 : step - 1;
    if (to >= 0) this.goTo(to);
  }

  protected goTo(step: Step): void {
    this.step.set(step);
    this.errors.set({});
    this.formError.set(null);
    this.focusAfterRender('#step-heading');
  }

  /** "Volgende": checks the page, saves it, and shows the page the server continues on. */
  protected async next(): Promise<void> {
    const action = this.action();
    const index = this.pageIndex();
    if (!action || index === null || this.busy()) return;
    this.formError.set(null);
    const problems = pageProblems(action.questionnaire, index, this.values(), this.files());
    if (Object.keys(problems).length) {
      this.showProblems(problems);
      return;
    }
    const { answers, files } = buildPageAnswers(action.questionnaire, index, this.values(), this.files());
    const variables: SaveActionPageMutationVariables = { actionId: action.id, page: index, answers };
    this.busy.set(true);
    try {
      let saved: SaveActionPageMutation['saveActionPage'];
      if (files.length) {
        this.percent.set(0);
        const last = await lastValueFrom(
          this.upload
            .mutate<SaveActionPageMutation, SaveActionPageMutationVariables>(SaveActionPageDocument, variables, files)
            .pipe(tap((event) => event.type === 'progress' && this.percent.set(event.percent))),
        );
        if (last.type !== 'done') return;
        saved = last.data.saveActionPage;
      } else {
        const result = await firstValueFrom(this.saveGql.mutate({ variables }));
        if (!result.data) throw new Error('No data');
        saved = result.data.saveActionPage;
      }
      this.action.set({ ...action, status: saved.status, currentPage: saved.currentPage, answers: saved.answers });
      this.values.set(savedValues(saved.answers));
      this.files.set(savedFiles(action.questionnaire, saved.answers));
      this.goTo(entryStep(saved.currentPage, this.pageCount()));
    } catch (e) {
      await this.handleSaveError(toApiError(e));
    } finally {
      this.busy.set(false);
      this.percent.set(null);
    }
  }

  /** "Voltooien": the server checks every page and stores the PDF; then the result. */
  protected async complete(): Promise<void> {
    const action = this.action();
    if (!action || this.busy()) return;
    this.formError.set(null);
    this.busy.set(true);
    try {
      await firstValueFrom(this.completeGql.mutate({ variables: { actionId: action.id } }));
      await this.showResult(action.id);
    } catch (e) {
      const error = toApiError(e);
      const page = errorPage(e);
      if (error.code === 'ACTION_COMPLETED') {
        await this.showResult(action.id);
      } else if (error.code === 'BAD_USER_INPUT' && page !== null && page < this.pageCount()) {
        this.step.set(page);
        this.showProblems(this.problemsOf(error));
      } else {
        this.formError.set(describeError(error));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /**
   * The result lives at its own address: the navigation refreshes the open-actions badge (the
   * shell asks after every navigation), and "back" leaves for the list rather than the wizard.
   */
  private async showResult(id: string): Promise<void> {
    const url = `/actions/${id}/result`;
    if (this.router.url === url) {
      await this.load(id);
    } else {
      await this.router.navigateByUrl(url, { replaceUrl: true });
    }
  }

  private async handleSaveError(error: ApiError): Promise<void> {
    if (error.code === 'ACTION_COMPLETED') {
      await this.showResult(this.id());
      return;
    }
    if (error.code === 'FILE_REJECTED') {
      const reason = error.reasons.find((r) => FILE_REASONS.includes(r)) ?? 'UPLOAD_FAILED';
      const pending = Object.entries(this.files()).filter(([, state]) => state.chosen);
      const key = (pending.find(([, state]) => state.chosen?.name === error.fileName) ?? pending[0])?.[0];
      if (key) {
        this.showProblems({ [key]: reason });
        return;
      }
    }
    if (error.code === 'BAD_USER_INPUT') {
      const problems = this.problemsOf(error);
      if (Object.keys(problems).length) {
        this.showProblems(problems);
        return;
      }
      // Not about a question (the page was not reached, or changed meanwhile): start again from the server's state.
      await this.load(this.id());
      this.formError.set({ key: 'actions.errors.changed', reasons: [] });
      return;
    }
    this.formError.set(describeError(error));
  }

  /** The question problems in a BAD_USER_INPUT, for the questions shown on this page. */
  private problemsOf(error: ApiError): Record<string, string> {
    const shown = new Set(this.shownQuestions().map((q) => q.key));
    const problems: Record<string, string> = {};
    for (const { field, message } of error.fields) {
      const key = questionKeyOf(field);
      if (key && shown.has(key) && !problems[key]) problems[key] = message;
    }
    return problems;
  }

  /** Marks the questions, says so at the top, and moves focus to the first one (WCAG 3.3.1). */
  private showProblems(problems: Record<string, string>): void {
    this.errors.set(problems);
    this.formError.set({ key: 'actions.errors.fixPage', reasons: [] });
    const first = this.shownQuestions().find((q) => problems[q.key]);
    if (!first) return;
    afterNextRender(
      {
        write: () => {
          const block = this.host.querySelector<HTMLElement>(`[data-question="${first.key}"]`);
          const target =
            block?.querySelector<HTMLElement>('input:checked') ??
            block?.querySelector<HTMLElement>('input:not([type=file]), textarea, button');
          target?.focus();
        },
      },
      { injector: this.injector },
    );
  }

  private focusAfterRender(selector: string): void {
    afterNextRender({ write: () => this.host.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }

  // ---- Loading ----

  private async load(id: string): Promise<void> {
    this.notFound.set(false);
    this.loadError.set(null);
    try {
      const result = await firstValueFrom(this.actionGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
      const action = result.data?.action ?? null;
      if (!action) {
        this.notFound.set(true);
        return;
      }
      this.action.set(action);
      this.values.set(savedValues(action.answers));
      this.files.set(savedFiles(action.questionnaire, action.answers));
      this.errors.set({});
      this.step.set(entryStep(action.currentPage, action.questionnaire.pages.length));
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT') {
        this.notFound.set(true);
      } else {
        this.loadError.set(describeError(error));
      }
    }
    this.keepFocusOnHeading();
  }

  private async loadPolicy(): Promise<void> {
    try {
      const result = await firstValueFrom(this.policyGql.fetch());
      this.policy.set(result.data?.uploadPolicy ?? null);
    } catch {
      // Files are then checked by the server only.
    }
  }

  /** When navigation had put focus on the page (RouteFocus), it goes to the heading that now names the questionnaire. */
  private keepFocusOnHeading(): void {
    afterNextRender(
      {
        write: () => {
          const active = this.document.activeElement;
          const onPage = !active || active === this.document.body || active.id === 'main-content' || active.tagName === 'H1';
          if (onPage) this.host.querySelector<HTMLElement>('h1')?.focus();
        },
      },
      { injector: this.injector },
    );
  }
}
