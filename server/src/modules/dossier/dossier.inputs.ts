import { ArrayMaxSize, IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class DossierFilter {
  @Field(() => String, { nullable: true, description: 'Dossier number (prefix) or words of the description.' })
  @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) statusCodes?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'True: active dossiers only; false: closed ones only; absent: both.' }) active?: boolean | null;
}

@InputType()
export class DossierInput {
  @Field() @MinLength(1) @MaxLength(100) externalRef: string;
  @Field() @MinLength(1) @MaxLength(50) number: string;
  @Field() @MinLength(1) @MaxLength(500) description: string;
  @Field() @MaxLength(40) statusCode: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) handlerName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(254) handlerEmail?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(30) handlerPhone?: string | null;
  @Field(() => [ID], { description: 'The clients (persons or companies) whose accounts see the dossier; replaces the previous list.' })
  @ArrayMaxSize(100) clientIds: string[];
}

@InputType()
export class ProgressStepInput {
  @Field() @MinLength(1) @MaxLength(300) title: string;
  @Field() done: boolean;
}

@InputType()
export class DossierStatusInput {
  @Field({ description: 'Upper case letters, digits and _ (e.g. IN_PROGRESS).' }) @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'INVALID_STATUS_CODE' }) code: string;
  @Field() @MinLength(1) @MaxLength(100) labelNl: string;
  @Field() @MinLength(1) @MaxLength(100) labelEn: string;
  @Field() active: boolean;
  @Field(() => Int, { nullable: true }) position?: number | null;
}
