import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Role } from '../account/account.enums.js';
import { DocumentView } from '../document/document.types.js';
import { DossierView } from '../dossier/dossier.types.js';
import { ActionView, AnswerInput, AnswerView, QuestionnaireInput, QuestionnaireView } from './action.types.js';

const CLIENT_SIDE = [Role.CLIENT, Role.COMPANY_MAIN, Role.COMPANY_EXTRA, Role.INTERMEDIARY, Role.OFFICE_USER_ADMIN];
const OFFICE_WRITE = [Role.STAFF, Role.ADMIN, scope('dossiers:write')];

@Resolver(() => ActionView)
export class ActionResolver {
  @Authorized(scope('dossiers:read'))
  @Query(() => [ActionView], { description: 'Open and in-progress actions of the caller, oldest first: a client the actions of its dossiers; staff and integrations those of the whole firm. At most the oldest 500 (per dossier: Dossier.actions; news: the change feed).' })
  actions(@Ctx() ctx: RequestContext): Promise<ActionView[]> {
    return ctx.app.services.actions.list(ctx);
  }

  @Authorized(scope('dossiers:read'))
  @Query(() => ActionView, { description: 'NOT_FOUND when it does not exist or is not visible to the caller.' })
  action(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ActionView> {
    return ctx.app.services.actions.get(ctx, id);
  }

  @Authorized(Role.STAFF, Role.ADMIN, scope('dossiers:read'), scope('dossiers:write'))
  @Query(() => [QuestionnaireView], { description: 'The firm\'s questionnaire templates, by title.' })
  questionnaires(@Ctx() ctx: RequestContext): Promise<QuestionnaireView[]> {
    return ctx.app.services.actions.questionnaires(ctx);
  }

  @Authorized(...OFFICE_WRITE)
  @Mutation(() => QuestionnaireView, { description: 'Creates a questionnaire template, or changes the one with input.id; actions assigned before keep their copy.' })
  upsertQuestionnaire(@Arg('input') input: QuestionnaireInput, @Ctx() ctx: RequestContext): Promise<QuestionnaireView> {
    return ctx.app.services.actions.upsertQuestionnaire(ctx, input);
  }

  @Authorized(...OFFICE_WRITE)
  @Mutation(() => ActionView, { description: 'Assigns a copy of the template to the dossier as an action for its clients (title defaults to the template\'s); they are notified.' })
  assignQuestionnaire(
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('questionnaireId', () => ID) questionnaireId: string,
    @Arg('title', () => String, { nullable: true }) title: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionView> {
    return ctx.app.services.actions.assign(ctx, dossierId, questionnaireId, title);
  }

  @Authorized(...CLIENT_SIDE)
  @Mutation(() => ActionView, {
    description: 'Validates and saves one page (0-based, at most currentPage); the action then continues on page + 1. '
      + 'Multipart when it holds files; send the header `Apollo-Require-Preflight: true`. ACTION_COMPLETED once completed.',
  })
  saveActionPage(
    @Arg('actionId', () => ID) actionId: string,
    @Arg('page', () => Int) page: number,
    @Arg('answers', () => [AnswerInput]) answers: AnswerInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<ActionView> {
    return ctx.app.services.actions.savePage(ctx, actionId, page, answers);
  }

  @Authorized(...CLIENT_SIDE)
  @Mutation(() => ActionView, {
    description: 'Completes the action and stores the PDF of the answers under SUPPLIED. BAD_USER_INPUT (fields, and `page`: the first page to fix) '
      + 'when a shown required question is unanswered; ACTION_COMPLETED when already completed.',
  })
  completeAction(@Arg('actionId', () => ID) actionId: string, @Ctx() ctx: RequestContext): Promise<ActionView> {
    return ctx.app.services.actions.complete(ctx, actionId);
  }

  @FieldResolver(() => DossierView)
  dossier(@Root() action: ActionView, @Ctx() ctx: RequestContext): Promise<DossierView> {
    return ctx.app.services.dossiers.byId(ctx, action.dossierId);
  }

  @FieldResolver(() => QuestionnaireView, { description: 'The questionnaire as it was when assigned.' })
  questionnaire(@Root() action: ActionView, @Ctx() ctx: RequestContext): QuestionnaireView {
    return ctx.app.services.actions.questionnaireOf(action);
  }

  @FieldResolver(() => [AnswerView], { description: 'The saved answers of shown questions, in the questionnaire\'s order.' })
  answers(@Root() action: ActionView, @Ctx() ctx: RequestContext): AnswerView[] {
    return ctx.app.services.actions.answersOf(action);
  }

  @FieldResolver(() => DocumentView, { nullable: true, description: 'The PDF of the answers, under SUPPLIED, once completed.' })
  async resultDocument(@Root() action: ActionView, @Ctx() ctx: RequestContext): Promise<DocumentView | null> {
    return action.resultDocumentId ? ctx.app.services.documents.byId(ctx, action.resultDocumentId) : null;
  }
}

@Resolver(() => AnswerView)
export class AnswerResolver {
  @FieldResolver(() => DocumentView, { nullable: true, description: 'FILE questions: the uploaded file, a SUPPLIED document of the dossier.' })
  async document(@Root() answer: AnswerView, @Ctx() ctx: RequestContext): Promise<DocumentView | null> {
    return answer.documentId ? ctx.app.services.documents.byId(ctx, answer.documentId) : null;
  }
}

@Resolver(() => DossierView)
export class DossierActionsResolver {
  @FieldResolver(() => [ActionView], { description: 'Every action of the dossier (also completed ones), oldest first.' })
  actions(@Root() dossier: DossierView, @Ctx() ctx: RequestContext): Promise<ActionView[]> {
    return ctx.app.services.actions.forDossier(ctx, dossier.id);
  }
}
