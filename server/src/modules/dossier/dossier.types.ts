import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Connection } from '../../graphql/pagination.js';

@ObjectType('DossierStatus', { simpleResolvers: true })
export class DossierStatusView {
  @Field() code: string;
  @Field({ description: 'In the language of the request.' }) label: string;
  @Field({ description: 'False for closed statuses.' }) active: boolean;
  @Field() labelNl: string;
  @Field() labelEn: string;
  @Field(() => Int, { description: 'Order in lists and filters.' }) position: number;
}

@ObjectType('Handler', { simpleResolvers: true })
export class HandlerView {
  @Field() name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@ObjectType('ProgressStep', { simpleResolvers: true })
export class ProgressStepView {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field() done: boolean;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) doneAt: Date | null;
}

@ObjectType('Progress', { simpleResolvers: true })
export class ProgressView {
  @Field(() => Int) done: number;
  @Field(() => Int) total: number;
  @Field(() => [ProgressStepView]) steps: ProgressStepView[];
}

@ObjectType('ItemCount', { simpleResolvers: true })
export class ItemCount {
  @Field(() => Int) total: number;
  @Field(() => Int) unread: number;
}

@ObjectType('DossierCounts', { simpleResolvers: true })
export class DossierCounts {
  @Field(() => ItemCount) correspondence: ItemCount;
  @Field(() => ItemCount) documents: ItemCount;
  @Field(() => ItemCount) suppliedByMe: ItemCount;
  @Field(() => ItemCount) messages: ItemCount;
  /** Office message attachments: not a tab, but part of the document totals of connections. */
  attachments: ItemCount;
}

/**
 * A dossier as the API shows it. Built from one row of the dossier query (status columns joined in);
 * progress, counts, documents and messages come from field resolvers that batch per request.
 */
@ObjectType('Dossier', { simpleResolvers: true })
export class DossierView {
  @Field(() => ID) id: string;
  @Field() number: string;
  @Field() description: string;
  @Field(() => GraphQLDateTimeISO) openedAt: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) closedAt: Date | null;
  status: DossierStatusView;
  handler: HandlerView | null;
  /** Case-management reference; the field resolver shows it to the office side only. */
  ref: string | null;
  /**
   * Came from the `dossiers` list: its documents and messages are refused there, because each of up to 100
   * dossiers would run its own paged query — work the cost limit cannot see when page sizes are variables.
   */
  listed = false;
}

@ObjectType('DossierConnection')
export class DossierConnection extends Connection('Dossier', () => DossierView) {}

@ObjectType('HomeSummary', { simpleResolvers: true })
export class HomeSummary {
  @Field(() => Int) dossiersInProgress: number;
  @Field(() => Int) dossiersTotal: number;
  @Field(() => Int) openActions: number;
  @Field(() => Int) unreadMessages: number;
}
