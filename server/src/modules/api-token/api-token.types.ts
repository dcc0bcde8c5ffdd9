import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

@ObjectType('ApiToken', { simpleResolvers: true })
export class ApiTokenView {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [String]) scopes: string[];
  @Field(() => GraphQLDateTimeISO) createdAt: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) expiresAt: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Set once revoked; a revoked token is refused.' }) revokedAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class NewApiToken {
  @Field(() => ApiTokenView) token: ApiTokenView;
  @Field({ description: 'Shown once; send it as `Authorization: Bearer <secret>`. Only its keyed hash is stored.' }) secret: string;
}
