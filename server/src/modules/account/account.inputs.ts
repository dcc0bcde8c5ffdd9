import { Field, InputType } from 'type-graphql';
import { Language } from './account.enums.js';

@InputType()
export class MySettingsInput {
  @Field(() => Language, { nullable: true }) language?: Language | null;
  @Field(() => Boolean, { nullable: true }) newDocuments?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newQuestionnaires?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newMessages?: boolean | null;
}
