import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { QuestionType, type QuestionnaireInput } from './action.types.js';

/**
 * The rules of questionnaires, free of the database: what a valid template is, which questions are shown
 * given the answers so far, and what a valid answer is. The service runs them before and again inside the
 * transaction that saves, so the stored answers always satisfy them.
 */

export interface QuestionDef {
  key: string; label: string; help: string | null; type: QuestionType; required: boolean;
  options: string[]; showIfKey: string | null; showIfValue: string | null;
}
export interface PageDef { title: string; questions: QuestionDef[] }
/** A template's content; an action stores a frozen copy of it. */
export interface Definition { title: string; pages: PageDef[] }
export interface StoredAnswer { values: string[]; documentId?: string }
/** Saved answers by question key; only answered, shown questions have an entry. */
export type StoredAnswers = Record<string, StoredAnswer>;

export const LIMITS = {
  title: 300, pages: 20, questionsPerPage: 50, questions: 200, key: 50, label: 500, help: 1000, options: 50, option: 200,
  text: 500, longText: 4000,
  /** Both JSON columns are TEXT: at most 65,535 bytes on MariaDB/MySQL. */
  jsonBytes: 60_000,
};

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Question types whose answer a condition may test. */
const CONDITION_SOURCES = new Set([QuestionType.YES_NO, QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE]);
const CHOICES = new Set([QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE]);

const text = (s: string | null | undefined) => (s ?? '').trim();

/** Checks a template and returns its definition; BAD_USER_INPUT names every problem by its path (`pages.0.questions.2.options`). */
export function validateDefinition(input: QuestionnaireInput): Definition {
  const problems: FieldProblem[] = [];
  const title = text(input.title);
  if (!title) problems.push({ field: 'title', message: 'REQUIRED' });
  else if (title.length > LIMITS.title) problems.push({ field: 'title', message: `MAX_LENGTH_${LIMITS.title}` });
  if (!input.pages.length) problems.push({ field: 'pages', message: 'REQUIRED' });
  if (input.pages.length > LIMITS.pages) problems.push({ field: 'pages', message: `AT_MOST_${LIMITS.pages}` });
  const total = input.pages.reduce((n, p) => n + p.questions.length, 0);
  if (total > LIMITS.questions) problems.push({ field: 'pages', message: `AT_MOST_${LIMITS.questions}_QUESTIONS` });
  if (problems.length) throw badInput(problems);

  const earlier = new Map<string, QuestionDef>();
  const pages: PageDef[] = input.pages.map((page, p) => {
    const at = `pages.${p}`;
    const pageTitle = text(page.title);
    if (!pageTitle) problems.push({ field: `${at}.title`, message: 'REQUIRED' });
    else if (pageTitle.length > LIMITS.title) problems.push({ field: `${at}.title`, message: `MAX_LENGTH_${LIMITS.title}` });
    if (!page.questions.length) problems.push({ field: `${at}.questions`, message: 'REQUIRED' });
    if (page.questions.length > LIMITS.questionsPerPage) problems.push({ field: `${at}.questions`, message: `AT_MOST_${LIMITS.questionsPerPage}` });
    const questions = page.questions.map((q, i): QuestionDef => {
      const path = `${at}.questions.${i}`;
      const key = text(q.key);
      if (!key) problems.push({ field: `${path}.key`, message: 'REQUIRED' });
      else if (key.length > LIMITS.key || !KEY.test(key)) problems.push({ field: `${path}.key`, message: 'INVALID_KEY' });
      else if (earlier.has(key)) problems.push({ field: `${path}.key`, message: 'DUPLICATE_KEY' });
      const label = text(q.label);
      if (!label) problems.push({ field: `${path}.label`, message: 'REQUIRED' });
      else if (label.length > LIMITS.label) problems.push({ field: `${path}.label`, message: `MAX_LENGTH_${LIMITS.label}` });
      const help = text(q.help) || null;
      if (help && help.length > LIMITS.help) problems.push({ field: `${path}.help`, message: `MAX_LENGTH_${LIMITS.help}` });
      const options = (q.options ?? []).map((o) => text(o));
      if (CHOICES.has(q.type)) {
        if (options.length < 2) problems.push({ field: `${path}.options`, message: 'AT_LEAST_2' });
        else if (options.length > LIMITS.options) problems.push({ field: `${path}.options`, message: `AT_MOST_${LIMITS.options}` });
        else if (options.some((o) => !o)) problems.push({ field: `${path}.options`, message: 'EMPTY_OPTION' });
        else if (options.some((o) => o.length > LIMITS.option)) problems.push({ field: `${path}.options`, message: `MAX_LENGTH_${LIMITS.option}` });
        else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) problems.push({ field: `${path}.options`, message: 'DUPLICATE_OPTION' });
      } else if (options.length) {
        problems.push({ field: `${path}.options`, message: 'NOT_FOR_THIS_TYPE' });
      }
      const showIfKey = text(q.showIfKey) || null;
      let showIfValue = text(q.showIfValue) || null;
      if (showIfKey) {
        const source = earlier.get(showIfKey);
        if (!source) problems.push({ field: `${path}.showIfKey`, message: 'NOT_AN_EARLIER_QUESTION' });
        else if (!CONDITION_SOURCES.has(source.type)) problems.push({ field: `${path}.showIfKey`, message: 'NOT_A_CHOICE_QUESTION' });
        else if (!showIfValue) problems.push({ field: `${path}.showIfValue`, message: 'REQUIRED' });
        else {
          const normalized = source.type === QuestionType.YES_NO ? yesNo(showIfValue) : source.options.find((o) => o.toLowerCase() === showIfValue!.toLowerCase());
          if (!normalized) problems.push({ field: `${path}.showIfValue`, message: source.type === QuestionType.YES_NO ? 'YES_OR_NO' : 'NOT_AN_OPTION' });
          else showIfValue = normalized;
        }
      } else if (showIfValue) {
        problems.push({ field: `${path}.showIfKey`, message: 'REQUIRED' });
      }
      const def: QuestionDef = { key, label, help, type: q.type, required: q.required, options: CHOICES.has(q.type) ? options : [], showIfKey, showIfValue: showIfKey ? showIfValue : null };
      if (key && !earlier.has(key)) earlier.set(key, def);
      return def;
    });
    return { title: pageTitle, questions };
  });
  if (problems.length) throw badInput(problems);
  const definition = { title, pages };
  if (Buffer.byteLength(JSON.stringify(definition)) > LIMITS.jsonBytes) throw badInput([{ field: 'pages', message: 'TOO_LARGE' }]);
  return definition;
}

function yesNo(value: string): 'yes' | 'no' | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'ja', 'true', 'y', 'j'].includes(v)) return 'yes';
  if (['no', 'nee', 'false', 'n'].includes(v)) return 'no';
  return undefined;
}

const questionsOf = (definition: Definition) => definition.pages.flatMap((p) => p.questions);

/**
 * The keys of the questions shown with these answers. A question with a condition is shown when the
 * question it names is shown and has that answer (for MULTIPLE_CHOICE: among the chosen). Conditions only
 * name earlier questions, so one pass in order decides them all.
 */
export function shownKeys(definition: Definition, answers: StoredAnswers): Set<string> {
  const shown = new Set<string>();
  for (const q of questionsOf(definition)) {
    if (!q.showIfKey || (shown.has(q.showIfKey) && (answers[q.showIfKey]?.values ?? []).includes(q.showIfValue!))) shown.add(q.key);
  }
  return shown;
}

/** The normalized answer to a question that is not FILE, or the reason it is not valid; an empty answer is `{ values: [] }`. */
export function normalizeAnswer(q: QuestionDef, raw: string[]): { values: string[] } | { problem: string } {
  const given = raw.map((v) => v.trim()).filter(Boolean);
  if (!given.length) return { values: [] };
  if (q.type === QuestionType.MULTIPLE_CHOICE) {
    const chosen = new Set<string>();
    for (const value of given) {
      const option = q.options.find((o) => o.toLowerCase() === value.toLowerCase());
      if (!option) return { problem: 'NOT_AN_OPTION' };
      chosen.add(option);
    }
    return { values: q.options.filter((o) => chosen.has(o)) };
  }
  if (given.length > 1) return { problem: 'ONE_VALUE' };
  const value = given[0];
  switch (q.type) {
    case QuestionType.TEXT: {
      const line = value.replace(/\s*[\r\n]+\s*/g, ' ');
      return [...line].length > LIMITS.text ? { problem: `MAX_LENGTH_${LIMITS.text}` } : { values: [line] };
    }
    case QuestionType.LONG_TEXT: {
      const body = value.replace(/\r\n?/g, '\n');
      return [...body].length > LIMITS.longText ? { problem: `MAX_LENGTH_${LIMITS.longText}` } : { values: [body] };
    }
    case QuestionType.NUMBER: {
      const compact = value.replace(/\s/g, '');
      if (!/^[-+]?\d{1,15}([.,]\d{1,10})?$/.test(compact)) return { problem: 'NOT_A_NUMBER' };
      return { values: [compact.replace(',', '.').replace(/^\+/, '')] };
    }
    case QuestionType.DATE: {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      if (!date || date.toISOString().slice(0, 10) !== value) return { problem: 'NOT_A_DATE' };
      return { values: [value] };
    }
    case QuestionType.YES_NO: {
      const answer = yesNo(value);
      return answer ? { values: [answer] } : { problem: 'YES_OR_NO' };
    }
    case QuestionType.SINGLE_CHOICE: {
      const option = q.options.find((o) => o.toLowerCase() === value.toLowerCase());
      return option ? { values: [option] } : { problem: 'NOT_AN_OPTION' };
    }
    default:
      return { problem: 'FILE_EXPECTED' };
  }
}

export interface PageAnswer { key: string; values?: string[] | null; hasFile: boolean }

/** A placeholder for a file that is being stored with this save; replaced by the document before the answers are written. */
export const PENDING_FILE = '\u0000pending';

/**
 * The answers after saving page `page` with `given`, and the FILE questions whose files are to be stored.
 * The page's answers replace what was saved for it (a FILE question without file and without values keeps
 * its saved file); answers of questions that are not shown — on this page or, after this change, anywhere —
 * are dropped; shown required questions of the page must be answered. BAD_USER_INPUT names questions as
 * `answers.<key>`.
 */
export function planPage(definition: Definition, saved: StoredAnswers, currentPage: number, page: number, given: PageAnswer[]): { answers: StoredAnswers; fileKeys: string[] } {
  if (!Number.isInteger(page) || page < 0 || page >= definition.pages.length) throw badInput([{ field: 'page', message: 'NO_SUCH_PAGE' }]);
  if (page > currentPage) throw badInput([{ field: 'page', message: 'NOT_REACHED' }]);
  const problems = new Map<string, string>();
  const questions = definition.pages[page].questions;
  const byKey = new Map<string, PageAnswer>();
  const strays: FieldProblem[] = [];
  for (const answer of given) {
    if (byKey.has(answer.key)) strays.push({ field: `answers.${answer.key}`, message: 'DUPLICATE' });
    else if (!questions.some((q) => q.key === answer.key)) strays.push({ field: `answers.${answer.key}`, message: 'NOT_ON_THIS_PAGE' });
    else byKey.set(answer.key, answer);
  }
  const answers: StoredAnswers = { ...saved };
  for (const q of questions) {
    const input = byKey.get(q.key);
    if (q.type === QuestionType.FILE) {
      if (input?.hasFile) answers[q.key] = { values: [PENDING_FILE] };
      else if (input?.values && input.values.some((v) => v.trim())) problems.set(q.key, 'FILE_EXPECTED');
      else if (input?.values) delete answers[q.key];
      continue;
    }
    if (input?.hasFile) { problems.set(q.key, 'NO_FILE_HERE'); continue; }
    const result = normalizeAnswer(q, input?.values ?? []);
    if ('problem' in result) { problems.set(q.key, result.problem); delete answers[q.key]; }
    else if (result.values.length) answers[q.key] = { values: result.values };
    else delete answers[q.key];
  }
  const shown = shownKeys(definition, answers);
  for (const key of Object.keys(answers)) if (!shown.has(key)) delete answers[key];
  const fields: FieldProblem[] = [];
  for (const q of questions) {
    // A problem with the answer to a question that is not shown does not count: that answer is dropped.
    if (!shown.has(q.key)) continue;
    const problem = problems.get(q.key) ?? (q.required && !answers[q.key] ? 'REQUIRED' : null);
    if (problem) fields.push({ field: `answers.${q.key}`, message: problem });
  }
  fields.push(...strays);
  if (fields.length) throw badInput(fields);
  if (Buffer.byteLength(JSON.stringify(answers)) > LIMITS.jsonBytes) throw badInput([{ field: 'answers', message: 'TOO_LARGE' }]);
  return { answers, fileKeys: questions.filter((q) => answers[q.key]?.values[0] === PENDING_FILE).map((q) => q.key) };
}

/** Problems that stop completion: shown required questions without an answer, and the first page that has one. */
export function completionProblems(definition: Definition, answers: StoredAnswers): { fields: FieldProblem[]; page: number | null } {
  const shown = shownKeys(definition, answers);
  const fields: FieldProblem[] = [];
  let page: number | null = null;
  definition.pages.forEach((p, index) => {
    for (const q of p.questions) {
      if (q.required && shown.has(q.key) && !answers[q.key]?.values.length) {
        fields.push({ field: `answers.${q.key}`, message: 'REQUIRED' });
        page ??= index;
      }
    }
  });
  return { fields, page };
}

/** The answers that count: those of shown questions, in the questionnaire's order. */
export function shownAnswers(definition: Definition, answers: StoredAnswers): { question: QuestionDef; page: number; answer: StoredAnswer | null }[] {
  const shown = shownKeys(definition, answers);
  return definition.pages.flatMap((p, page) => p.questions.filter((q) => shown.has(q.key)).map((question) => ({ question, page, answer: answers[question.key] ?? null })));
}
