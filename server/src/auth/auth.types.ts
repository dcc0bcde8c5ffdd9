import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Account } from '../modules/account/account.entity.js';
import { TwoFactorMethod } from '../modules/account/account.enums.js';

export enum AuthStatus { SIGNED_IN = 'SIGNED_IN', SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED', PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED' }
registerEnumType(AuthStatus, { name: 'AuthStatus' });

export enum LinkState { VALID = 'VALID', EXPIRED_RESENT = 'EXPIRED_RESENT', EXPIRED = 'EXPIRED', INVALID = 'INVALID' }
registerEnumType(LinkState, {
  name: 'LinkState',
  description: 'State of an e-mailed link as seen when the user opens it.',
  valuesConfig: { EXPIRED_RESENT: { description: 'The invitation had expired; a fresh one has just been e-mailed.' } },
});

export enum PasswordPolicyMode { SEED = 'SEED', STANDARDS = 'STANDARDS' }
registerEnumType(PasswordPolicyMode, { name: 'PasswordPolicyMode' });

@ObjectType({ simpleResolvers: true })
export class AuthResult {
  @Field(() => AuthStatus) status: AuthStatus;
  @Field(() => TwoFactorMethod, { nullable: true, description: 'Which second factor is asked for when status is SECOND_FACTOR_REQUIRED.' })
  secondFactor?: TwoFactorMethod | null;
  @Field(() => Account, { nullable: true }) account?: Account | null;
}

@ObjectType({ simpleResolvers: true })
export class PasswordPolicy {
  @Field(() => PasswordPolicyMode) mode: PasswordPolicyMode;
  @Field(() => Int) minLength: number;
  @Field(() => Int) maxLength: number;
  @Field() requireUppercase: boolean;
  @Field() requireDigit: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Public facts the sign-in pages need before anyone is signed in.' })
export class PortalInfo {
  @Field() firmName: string;
  @Field(() => PasswordPolicy) passwordPolicy: PasswordPolicy;
}
