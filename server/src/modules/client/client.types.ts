import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Language, Role } from '../account/account.enums.js';

@ObjectType('Client', { simpleResolvers: true })
export class ClientView {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) externalRef: string | null;
  @Field() name: string;
  @Field() isCompany: boolean;
}

@InputType()
export class ClientInput {
  @Field() @MinLength(1) @MaxLength(100) externalRef: string;
  @Field() @MinLength(1) @MaxLength(200) name: string;
  @Field() isCompany: boolean;
}

@InputType()
export class AccountInput {
  @Field(() => ID) clientId: string;
  @Field() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(254) email: string;
  @Field() @MinLength(1) @MaxLength(200) displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => Language, { nullable: true }) language?: Language | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(30) mobileNumber?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Send the first e-mail now (default true).' }) invite?: boolean | null;
}
