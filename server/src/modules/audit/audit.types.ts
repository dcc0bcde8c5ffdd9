import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { PageInfo } from '../../graphql/pagination.js';

@ObjectType('AuditEntry', { simpleResolvers: true })
export class AuditEntryView {
  @Field(() => ID) id: string;
  @Field(() => GraphQLDateTimeISO, { description: 'When it happened (UTC).' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The account or API token that acted; null for an anonymous attempt (e.g. a failed login).' }) actorId: string | null;
  @Field({ description: 'What happened, e.g. login.failed, account.locked, document.downloaded, api-token.created.' }) action: string;
  @Field(() => ID, { nullable: true, description: 'What it happened to: an account, dossier, document, message, token …' }) targetId: string | null;
  @Field(() => String, { nullable: true, description: 'The client address of the request.' }) ip: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of non-secret facts about it; never a password, token or code.' }) detail: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryEdge {
  @Field() cursor: string;
  @Field(() => AuditEntryView) node: AuditEntryView;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
