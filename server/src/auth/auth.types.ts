import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Account } from '../modules/account/account.entity.js';
import { TwoFactorMethod } from '../modules/account/account.enums.js';

export enum AuthStatus {
  SIGNED_IN = 'SIGNED_IN', SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED', PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  TWO_FACTOR_SETUP_REQUIRED = 'TWO_FACTOR_SETUP_REQUIRED',
}
registerEnumType(AuthStatus, {
  name: 'AuthStatus',
  valuesConfig: { TWO_FACTOR_SETUP_REQUIRED: { description: 'The role requires two-step verification and it is not set up: only its setup operations work until it is.' } },
});

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
  @Field(() => Boolean, { nullable: true, description: 'With SECOND_FACTOR_REQUIRED: whether sendLoginCodeBySms can send a code (SMS users, and app users with a confirmed mobile number).' })
  smsAvailable?: boolean | null;
  @Field(() => String, { nullable: true, description: 'With SECOND_FACTOR_REQUIRED: the mobile number codes go to, masked (e.g. "+31 6 ••• ••• 78").' })
  maskedMobileNumber?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class RecoveryCodes {
  @Field(() => [String], { description: 'Shown once; only hashes are stored.' }) codes: string[];
}

@ObjectType({ simpleResolvers: true })
export class TotpSetup {
  @Field() secret: string;
  @Field() otpauthUri: string;
  @Field({ description: 'The otpauth URI as an SVG QR code.' }) qrCodeSvg: string;
}

@ObjectType({ simpleResolvers: true, description: 'Two-step verification of the signed-in user, for Mijn gegevens.' })
export class TwoFactorStatus {
  @Field(() => TwoFactorMethod) method: TwoFactorMethod;
  @Field(() => String, { nullable: true }) mobileNumber: string | null;
  @Field({ description: 'The mobile number was confirmed with an SMS code.' }) mobileVerified: boolean;
  @Field(() => Int) recoveryCodesLeft: number;
  @Field({ description: 'The role requires two-step verification: it cannot be turned off.' }) required: boolean;
  @Field({ description: 'SMS may be used (SMS_ALLOWED).' }) smsAllowed: boolean;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Until when the phone and 2-step method may be changed without entering the password again.' })
  passwordConfirmedUntil: Date | null;
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
  @Field({ description: 'Whether SMS is used at all (login codes, "e-mailadres vergeten").' }) smsAllowed: boolean;
}
