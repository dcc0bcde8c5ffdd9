import type { ActionQuery, AnswerInput } from '../../graphql/generated';
import type { UploadFile } from '../../shared/upload/graphql-upload';

/**
 * The wizard's rules, free of Angular: which questions are shown, what the user must still fix
 * before "Volgende", and the answers a page sends. They mirror the server's (server/src/modules/
 * action/questionnaire.ts), which decides in the end; checking here first only saves a round trip.
 */

export type Questionnaire = ActionQuery['action']['questionnaire'];
export type Page = Questionnaire['pages'][number];
export type Question = Page['questions'][number];
export type SavedAnswer = ActionQuery['action']['answers'][number];

/** Answers by question key, as strings (the server's `values`): what is on screen over what was saved. */
export type Values = Readonly<Record<string, readonly string[]>>;

/** A FILE question on screen: the file saved before, a newly chosen one, and whether the saved one is to go. */
export interface FileState {
  saved: { fileName: string; downloadUrl: string } | null;
  chosen: File | null;
  removed: boolean;
}
export type Files = Readonly<Record<string, FileState>>;

export const TEXT_MAX = 500;
export const LONG_TEXT_MAX = 4000;
/** As the server: digits with an optional sign and a decimal point or comma. */
const NUMBER = /^[-+]?\d{1,15}([.,]\d{1,10})?$/;

/** "yes"/"no" as the server stores them (YES_NO values and the conditions on them). */
export const YES = 'yes';
export const NO = 'no';

/** Where the wizard opens: the page the user stopped at, or the overview once every page is saved. */
export function entryStep(currentPage: number, pageCount: number): number | 'overview' {
  if (pageCount <= 0) return 'overview';
  return currentPage >= pageCount ? 'overview' : Math.max(0, Math.min(currentPage, pageCount - 1));
}

/** The saved answers as values by key (FILE: the file name). */
export function savedValues(answers: readonly SavedAnswer[]): Record<string, string[]> {
  return Object.fromEntries(answers.map((a) => [a.key, [...a.values]]));
}

/** The saved files of FILE questions, by key. */
export function savedFiles(questionnaire: Questionnaire, answers: readonly SavedAnswer[]): Record<string, FileState> {
  const byKey = new Map(answers.map((a) => [a.key, a]));
  const files: Record<string, FileState> = {};
  for (const q of questionnaire.pages.flatMap((p) => p.questions)) {
    if (q.type !== 'FILE') continue;
    const document = byKey.get(q.key)?.document ?? null;
    files[q.key] = { saved: document ? { fileName: document.fileName, downloadUrl: document.downloadUrl } : null, chosen: null, removed: false };
  }
  return files;
}

const hasValue = (values: readonly string[] | undefined) => (values ?? []).some((v) => v.trim() !== '');

/** Whether a FILE question has a file: a newly chosen one, or the saved one that is not removed. */
export function hasFile(state: FileState | undefined): boolean {
  return Boolean(state && (state.chosen || (state.saved && !state.removed)));
}

/**
 * The keys of the questions shown with these answers, in one pass in order (conditions only name
 * earlier questions): a question with a condition is shown when the question it names is shown and
 * has that answer (MULTIPLE_CHOICE: among the chosen; choices compare without regard to case).
 */
export function shownKeys(questionnaire: Questionnaire, values: Values): Set<string> {
  const shown = new Set<string>();
  for (const q of questionnaire.pages.flatMap((p) => p.questions)) {
    if (!q.showIfKey) {
      shown.add(q.key);
      continue;
    }
    const wanted = (q.showIfValue ?? '').toLowerCase();
    if (shown.has(q.showIfKey) && (values[q.showIfKey] ?? []).some((v) => v.trim().toLowerCase() === wanted)) {
      shown.add(q.key);
    }
  }
  return shown;
}

/**
 * What is wrong with the answer to a shown question, as the server's code (`REQUIRED`,
 * `NOT_A_NUMBER`, `NOT_A_DATE`, `MAX_LENGTH_500`, …), or null.
 */
export function answerProblem(q: Question, values: readonly string[] | undefined, file?: FileState): string | null {
  if (q.type === 'FILE') {
    return q.required && !hasFile(file) ? 'REQUIRED' : null;
  }
  if (!hasValue(values)) {
    return q.required ? 'REQUIRED' : null;
  }
  const value = (values ?? [])[0].trim();
  switch (q.type) {
    case 'TEXT':
      return [...value].length > TEXT_MAX ? `MAX_LENGTH_${TEXT_MAX}` : null;
    case 'LONG_TEXT':
      return [...value].length > LONG_TEXT_MAX ? `MAX_LENGTH_${LONG_TEXT_MAX}` : null;
    case 'NUMBER':
      return NUMBER.test(value.replace(/\s/g, '')) ? null : 'NOT_A_NUMBER';
    case 'DATE': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      return date && date.toISOString().slice(0, 10) === value ? null : 'NOT_A_DATE';
    }
    default:
      return null;
  }
}

/** The problems of a page's shown questions by key; empty when the page may be saved. */
export function pageProblems(questionnaire: Questionnaire, page: number, values: Values, files: Files): Record<string, string> {
  const shown = shownKeys(questionnaire, values);
  const problems: Record<string, string> = {};
  for (const q of questionnaire.pages[page]?.questions ?? []) {
    if (!shown.has(q.key)) continue;
    const problem = answerProblem(q, values[q.key], files[q.key]);
    if (problem) problems[q.key] = problem;
  }
  return problems;
}

/**
 * The `answers` of `saveActionPage` for a page, and the files to send with them (their paths in
 * the variables, `answers.<i>.file`). Questions not shown are left out (the server drops their
 * answers). A FILE question sends its new file, `values: []` when its saved file is removed, and
 * nothing when the saved file is to stay.
 */
export function buildPageAnswers(questionnaire: Questionnaire, page: number, values: Values, files: Files): { answers: AnswerInput[]; files: UploadFile[] } {
  const shown = shownKeys(questionnaire, values);
  const answers: AnswerInput[] = [];
  const uploads: UploadFile[] = [];
  for (const q of questionnaire.pages[page]?.questions ?? []) {
    if (!shown.has(q.key)) continue;
    if (q.type === 'FILE') {
      const state = files[q.key];
      if (state?.chosen) {
        uploads.push({ path: `answers.${answers.length}.file`, file: state.chosen });
        answers.push({ key: q.key, file: null });
      } else if (state?.saved && state.removed) {
        answers.push({ key: q.key, values: [] });
      }
      continue;
    }
    const given = (values[q.key] ?? []).map((v) => (q.type === 'LONG_TEXT' ? v : v.trim())).filter((v) => v.trim() !== '');
    answers.push({ key: q.key, values: q.type === 'MULTIPLE_CHOICE' ? given : given.slice(0, 1) });
  }
  return { answers, files: uploads };
}

/** The question a `BAD_USER_INPUT` field names (`answers.<key>`), or null for another field. */
export function questionKeyOf(field: string): string | null {
  const match = /^answers\.(.+)$/.exec(field);
  return match ? match[1] : null;
}

/** The translation key of an answer problem; unknown codes get the general "check this field". */
export function problemKey(code: string): string {
  if (/^MAX_LENGTH_\d+$/.test(code)) return 'actions.problems.MAX_LENGTH';
  return PROBLEM_CODES.includes(code) ? `actions.problems.${code}` : 'common.fieldInvalid';
}
/** Codes with their own text (actions.problems.*). */
export const PROBLEM_CODES: readonly string[] = [
  'REQUIRED', 'NOT_A_NUMBER', 'NOT_A_DATE', 'YES_OR_NO', 'NOT_AN_OPTION', 'ONE_VALUE', 'FILE_EXPECTED',
  'TOO_LARGE', 'TYPE_NOT_ALLOWED', 'CONTENT_MISMATCH', 'EMPTY', 'UPLOAD_FAILED',
];

/** The limit in a `MAX_LENGTH_<n>` code, for its text. */
export function problemParams(code: string): Record<string, string> {
  const match = /^MAX_LENGTH_(\d+)$/.exec(code);
  return match ? { max: match[1] } : {};
}

/** The shown questions of each page with their saved answers: the overview before completing, and the result. */
export interface AnsweredPage {
  title: string;
  items: { question: Question; values: readonly string[]; file: { fileName: string; downloadUrl: string } | null }[];
}

export function answeredPages(questionnaire: Questionnaire, answers: readonly SavedAnswer[]): AnsweredPage[] {
  const values = savedValues(answers);
  const shown = shownKeys(questionnaire, values);
  const byKey = new Map(answers.map((a) => [a.key, a]));
  return questionnaire.pages.map((page) => ({
    title: page.title,
    items: page.questions
      .filter((q) => shown.has(q.key))
      .map((question) => {
        const document = byKey.get(question.key)?.document ?? null;
        return { question, values: values[question.key] ?? [], file: document ? { fileName: document.fileName, downloadUrl: document.downloadUrl } : null };
      }),
  }));
}

/**
 * An answer as the overview and the result show it; null when there is none. YES_NO reads as the
 * given "Ja"/"Nee" texts, dates as "15 januari 1980", numbers with the language's decimal sign,
 * choices joined with commas, a file as its name.
 */
export function formatAnswer(
  question: Question,
  values: readonly string[],
  language: 'nl' | 'en',
  yesNo: { yes: string; no: string },
): string | null {
  const given = values.filter((v) => v.trim() !== '');
  if (!given.length) return null;
  const value = given[0];
  switch (question.type) {
    case 'YES_NO':
      return value === YES ? yesNo.yes : value === NO ? yesNo.no : value;
    case 'DATE': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return value;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    case 'NUMBER':
      return language === 'nl' ? value.replace('.', ',') : value;
    case 'MULTIPLE_CHOICE':
      return given.join(', ');
    default:
      return value;
  }
}
