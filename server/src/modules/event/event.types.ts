import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { PageInfo } from '../../graphql/pagination.js';

@ObjectType('PortalEvent', { simpleResolvers: true })
export class PortalEventView {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. message.sent, document.uploaded, document.downloaded, action.completed, account.activated, twofactor.changed' }) type: string;
  @Field(() => GraphQLDateTimeISO) occurredAt: Date;
  @Field(() => ID, { nullable: true }) dossierId: string | null;
  @Field(() => ID, { nullable: true, description: 'The client-side account concerned: who acted, or whose account changed.' }) accountId: string | null;
  @Field(() => ID, { nullable: true, description: 'What the event is about: the message, document, action or account.' }) subjectId: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PortalEventEdge {
  @Field({ description: 'Resume after this cursor to get the events that follow this one.' }) cursor: string;
  @Field(() => PortalEventView) node: PortalEventView;
}

@ObjectType({ simpleResolvers: true })
export class PortalEventConnection {
  @Field(() => [PortalEventEdge]) edges: PortalEventEdge[];
  @Field(() => PageInfo, { description: 'endCursor stays the `after` given when there is nothing new, so a poller can always keep it.' }) pageInfo: PageInfo;
}
