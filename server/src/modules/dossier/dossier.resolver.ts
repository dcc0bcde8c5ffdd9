import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import { viewerOf, type RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { Role } from '../account/account.enums.js';
import { DocumentCategory, DocumentConnection } from '../document/document.types.js';
import { MessageConnection } from '../message/message.types.js';
import { DossierFilter, DossierInput, DossierStatusInput, ProgressStepInput } from './dossier.inputs.js';
import { DossierConnection, DossierCounts, DossierStatusView, DossierView, HandlerView, HomeSummary, ProgressView } from './dossier.types.js';

/** Documents and messages are paged per dossier (dossier(id)), never for a whole list of dossiers. */
function perDossierOnly(dossier: DossierView, field: string): void {
  if (dossier.listed) throw badInput([{ field, message: 'ASK_PER_DOSSIER' }]);
}

const OFFICE_WRITE = [Role.STAFF, Role.ADMIN, scope('dossiers:write')];

@Resolver(() => DossierView)
export class DossierResolver {
  @Authorized(scope('dossiers:read'))
  @Query(() => HomeSummary)
  home(@Ctx() ctx: RequestContext): Promise<HomeSummary> {
    return ctx.app.services.dossiers.home(ctx);
  }

  @Authorized(scope('dossiers:read'))
  @Query(() => DossierConnection)
  dossiers(
    @Arg('filter', () => DossierFilter, { nullable: true }) filter: DossierFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.app.services.dossiers.list(ctx, filter, first, after);
  }

  @Authorized(scope('dossiers:read'))
  @Query(() => DossierView, { description: 'NOT_FOUND when it does not exist or is not visible to the caller.' })
  dossier(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DossierView> {
    return ctx.app.services.dossiers.get(ctx, id);
  }

  @Authorized(scope('dossiers:read'))
  @Query(() => [DossierStatusView], { description: 'The statuses that occur among the caller\'s dossiers (for the filter); `all` (office side) lists every status.' })
  dossierStatuses(@Arg('all', () => Boolean, { nullable: true }) all: boolean | null, @Ctx() ctx: RequestContext): Promise<DossierStatusView[]> {
    return ctx.app.services.dossiers.statuses(ctx, all ?? false);
  }

  @Authorized(Role.STAFF, Role.ADMIN, scope('dossiers:read'), scope('dossiers:write'))
  @Query(() => DossierView, { nullable: true })
  dossierByExternalRef(@Arg('externalRef') externalRef: string, @Ctx() ctx: RequestContext): Promise<DossierView | null> {
    return ctx.app.services.dossiers.byExternalRef(ctx, externalRef);
  }

  @Authorized(...OFFICE_WRITE)
  @Mutation(() => DossierView, { description: 'Creates or updates the dossier with this externalRef (idempotent).' })
  upsertDossier(@Arg('input') input: DossierInput, @Ctx() ctx: RequestContext): Promise<DossierView> {
    return ctx.app.services.dossiers.upsert(ctx, input);
  }

  @Authorized(...OFFICE_WRITE)
  @Mutation(() => ProgressView, { description: 'Replaces the dossier\'s progress steps.' })
  setProgressSteps(
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('steps', () => [ProgressStepInput]) steps: ProgressStepInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<ProgressView> {
    return ctx.app.services.dossiers.setProgressSteps(ctx, dossierId, steps);
  }

  @Authorized(...OFFICE_WRITE)
  @Mutation(() => DossierStatusView, { description: 'Adds a dossier status or changes its labels, active flag or order.' })
  upsertDossierStatus(@Arg('input') input: DossierStatusInput, @Ctx() ctx: RequestContext): Promise<DossierStatusView> {
    return ctx.app.services.dossiers.upsertStatus(ctx, input);
  }

  @FieldResolver(() => DossierStatusView)
  status(@Root() dossier: DossierView): DossierStatusView {
    return dossier.status;
  }

  @FieldResolver(() => HandlerView, { nullable: true })
  handler(@Root() dossier: DossierView): HandlerView | null {
    return dossier.handler;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Case-management reference; visible to staff and integrations only (null otherwise).' })
  externalRef(@Root() dossier: DossierView, @Ctx() ctx: RequestContext): string | null {
    return viewerOf(ctx).side === 'office' ? dossier.ref : null;
  }

  @FieldResolver(() => ProgressView)
  progress(@Root() dossier: DossierView, @Ctx() ctx: RequestContext): Promise<ProgressView> {
    return ctx.app.services.dossiers.progress(ctx, dossier.id);
  }

  @FieldResolver(() => DossierCounts)
  counts(@Root() dossier: DossierView, @Ctx() ctx: RequestContext): Promise<DossierCounts> {
    return ctx.app.services.dossiers.counts(ctx, dossier.id);
  }

  @FieldResolver(() => DocumentConnection)
  async documents(
    @Root() dossier: DossierView,
    @Arg('category', () => DocumentCategory) category: DocumentCategory,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    perDossierOnly(dossier, 'documents');
    return ctx.app.services.documents.list(ctx, dossier.id, category, first, after);
  }

  @FieldResolver(() => MessageConnection)
  async messages(
    @Root() dossier: DossierView,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    perDossierOnly(dossier, 'messages');
    return ctx.app.services.messages.list(ctx, dossier.id, first, after);
  }
}
