import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { IncomingUpload } from '../../files/multipart.js';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { Definition, StoredAnswers } from './questionnaire.js';

export enum QuestionType {
  TEXT = 'TEXT', LONG_TEXT = 'LONG_TEXT', NUMBER = 'NUMBER', DATE = 'DATE', YES_NO = 'YES_NO',
  SINGLE_CHOICE = 'SINGLE_CHOICE', MULTIPLE_CHOICE = 'MULTIPLE_CHOICE', FILE = 'FILE',
}
registerEnumType(QuestionType, {
  name: 'QuestionType',
  valuesConfig: {
    TEXT: { description: 'One line, at most 500 characters.' },
    LONG_TEXT: { description: 'Several lines, at most 4000 characters.' },
    NUMBER: { description: 'A number: digits with an optional sign and decimal point or comma; stored with a point.' },
    DATE: { description: 'A calendar date as YYYY-MM-DD.' },
    YES_NO: { description: '"yes" or "no" (also accepted: ja/nee, true/false); stored as yes/no.' },
    SINGLE_CHOICE: { description: 'Exactly one of `options`.' },
    MULTIPLE_CHOICE: { description: 'One or more of `options`.' },
    FILE: { description: 'A file (AnswerInput.file), stored as a document under SUPPLIED of the dossier.' },
  },
});

export enum ActionStatus { OPEN = 'OPEN', IN_PROGRESS = 'IN_PROGRESS', COMPLETED = 'COMPLETED' }
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  valuesConfig: {
    OPEN: { description: 'Assigned, nothing saved yet.' },
    IN_PROGRESS: { description: 'At least one page saved.' },
    COMPLETED: { description: 'Completed; answers can no longer change.' },
  },
});

@ObjectType('Question', { simpleResolvers: true })
export class QuestionView {
  @Field({ description: 'Unique within the questionnaire; answers name their question by it.' }) key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) help: string | null;
  @Field(() => QuestionType) type: QuestionType;
  @Field({ description: 'Required only while shown (see showIfKey).' }) required: boolean;
  @Field(() => [String], { description: 'The choices of SINGLE_CHOICE and MULTIPLE_CHOICE; empty otherwise.' }) options: string[];
  @Field(() => String, { nullable: true, description: 'Shown only when the question with this key (an earlier YES_NO, SINGLE_CHOICE or MULTIPLE_CHOICE question, itself shown) ...' }) showIfKey: string | null;
  @Field(() => String, { nullable: true, description: '... has this answer (for YES_NO "yes" or "no"; for MULTIPLE_CHOICE: among the chosen).' }) showIfValue: string | null;
}

@ObjectType('QuestionnairePage', { simpleResolvers: true })
export class QuestionnairePageView {
  @Field() title: string;
  @Field(() => [QuestionView]) questions: QuestionView[];
}

@ObjectType('Questionnaire', { simpleResolvers: true })
export class QuestionnaireView {
  @Field(() => ID, { description: 'The template\'s id (for an action\'s frozen copy: the template it was copied from, or the action\'s id when that template is gone).' }) id: string;
  @Field() title: string;
  @Field(() => [QuestionnairePageView]) pages: QuestionnairePageView[];
  @Field(() => Int, { description: 'Grows with every change of the template; an action keeps the version it was assigned with.' }) version: number;
}

@ObjectType('Answer', { simpleResolvers: true })
export class AnswerView {
  @Field() key: string;
  @Field(() => [String], { description: 'The answer as stored (normalized). FILE: the file\'s name; the file itself is `document`.' }) values: string[];
  documentId: string | null;
}

@ObjectType('Action', { simpleResolvers: true })
export class ActionView {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ActionStatus) status: ActionStatus;
  @Field(() => Int, { description: 'Index of the page to continue on (0-based). Equals pageCount once every page is saved: ready for completeAction.' }) currentPage: number;
  @Field(() => Int, { description: 'Number of pages of the questionnaire.' }) pageCount: number;
  @Field(() => GraphQLDateTimeISO) assignedAt: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) completedAt: Date | null;
  dossierId: string;
  questionnaireId: string | null;
  questionnaireVersion: number;
  definition: Definition;
  stored: StoredAnswers;
  resultDocumentId: string | null;
  /** Grows with every write of the row (see ActionRow). */
  version: number;
}

@InputType('QuestionInput')
export class QuestionInput {
  @Field({ description: 'Letters, digits, _ and -; starts with a letter; at most 50; unique in the questionnaire.' }) key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) help?: string | null;
  @Field(() => QuestionType) type: QuestionType;
  @Field() required: boolean;
  @Field(() => [String], { nullable: true, description: 'Required (at least 2, distinct) for SINGLE_CHOICE and MULTIPLE_CHOICE; not allowed otherwise.' }) options?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Key of an earlier YES_NO, SINGLE_CHOICE or MULTIPLE_CHOICE question.' }) showIfKey?: string | null;
  @Field(() => String, { nullable: true, description: 'Required with showIfKey: "yes"/"no" or one of that question\'s options.' }) showIfValue?: string | null;
}

@InputType('QuestionnairePageInput')
export class QuestionnairePageInput {
  @Field() title: string;
  @Field(() => [QuestionInput]) questions: QuestionInput[];
}

@InputType('QuestionnaireInput')
export class QuestionnaireInput {
  @Field(() => ID, { nullable: true, description: 'Updates the questionnaire with this id when given.' }) id?: string | null;
  @Field() title: string;
  @Field(() => [QuestionnairePageInput]) pages: QuestionnairePageInput[];
}

@InputType('AnswerInput')
export class AnswerInput {
  @Field() key: string;
  @Field(() => [String], { nullable: true, description: 'The answer; one value except for MULTIPLE_CHOICE; empty or left out = no answer. FILE: send `values: []` without a file to remove a saved file.' }) values?: string[] | null;
  @Field(() => GraphQLUpload, { nullable: true, description: 'FILE questions (multipart request). Left out together with `values`: the file saved before stays.' }) file?: Promise<IncomingUpload> | null;
}
