import { registerEnumType } from 'type-graphql';

export enum Role {
  CLIENT = 'CLIENT',
  COMPANY_MAIN = 'COMPANY_MAIN',
  COMPANY_EXTRA = 'COMPANY_EXTRA',
  INTERMEDIARY = 'INTERMEDIARY',
  OFFICE_USER_ADMIN = 'OFFICE_USER_ADMIN',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}
export enum Language { NL = 'NL', EN = 'EN' }
export enum TwoFactorMethod { NONE = 'NONE', SMS = 'SMS', TOTP = 'TOTP' }

registerEnumType(Role, { name: 'Role' });
registerEnumType(Language, { name: 'Language' });
registerEnumType(TwoFactorMethod, { name: 'TwoFactorMethod' });
