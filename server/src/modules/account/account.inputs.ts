import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Language } from './account.enums.js';

@InputType()
export class MySettingsInput {
  @Field(() => Language, { nullable: true }) language?: Language | null;
  @Field(() => Boolean, { nullable: true }) newDocuments?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newQuestionnaires?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newMessages?: boolean | null;
}

@InputType()
export class ExtraAccountInput {
  @Field() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(254) email: string;
  @Field() @MaxLength(200) displayName: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(30) mobileNumber?: string | null;
  @Field(() => Language, { nullable: true }) language?: Language | null;
}
