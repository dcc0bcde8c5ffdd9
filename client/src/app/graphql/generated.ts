/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from 'apollo-angular';
import { Injectable } from '@angular/core';
import * as Apollo from 'apollo-angular';
export type AuthStatus =
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'SECOND_FACTOR_REQUIRED'
  | 'SIGNED_IN';

export type Language =
  | 'EN'
  | 'NL';

/** State of an e-mailed link as seen when the user opens it. */
export type LinkState =
  | 'EXPIRED'
  /** The invitation had expired; a fresh one has just been e-mailed. */
  | 'EXPIRED_RESENT'
  | 'INVALID'
  | 'VALID';

export type MySettingsInput = {
  language?: Language | null | undefined;
  newDocuments?: boolean | null | undefined;
  newMessages?: boolean | null | undefined;
  newQuestionnaires?: boolean | null | undefined;
};

export type PasswordPolicyMode =
  | 'SEED'
  | 'STANDARDS';

export type Role =
  | 'ADMIN'
  | 'CLIENT'
  | 'COMPANY_EXTRA'
  | 'COMPANY_MAIN'
  | 'INTERMEDIARY'
  | 'OFFICE_USER_ADMIN'
  | 'STAFF';

export type TwoFactorMethod =
  | 'NONE'
  | 'SMS'
  | 'TOTP';

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type SessionAccountFragment = { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } };

export type PortalInfoFieldsFragment = { firmName: string, passwordPolicy: { mode: PasswordPolicyMode, minLength: number, maxLength: number, requireUppercase: boolean, requireDigit: boolean } };

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { me: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null, portalInfo: { firmName: string, passwordPolicy: { mode: PasswordPolicyMode, minLength: number, maxLength: number, requireUppercase: boolean, requireDigit: boolean } } };

export type AuthResultFieldsFragment = { status: AuthStatus, secondFactor: TwoFactorMethod | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null };

export type LoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type LoginMutation = { login: { status: AuthStatus, secondFactor: TwoFactorMethod | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null } };

export type RequestPasswordLinkMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordLinkMutation = { requestPasswordLink: boolean };

export type OpenInvitationMutationVariables = Exact<{
  token: string;
}>;


export type OpenInvitationMutation = { openInvitation: LinkState };

export type PasswordLinkStateQueryVariables = Exact<{
  token: string;
}>;


export type PasswordLinkStateQuery = { passwordLinkState: LinkState };

export type SetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type SetPasswordMutation = { setPassword: { status: AuthStatus, secondFactor: TwoFactorMethod | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null } };

export type UpdateMySettingsMutationVariables = Exact<{
  input: MySettingsInput;
}>;


export type UpdateMySettingsMutation = { updateMySettings: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } };

export type MarkFirstLoginDoneMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkFirstLoginDoneMutation = { markFirstLoginDone: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export const PortalInfoFieldsFragmentDoc = gql`
    fragment PortalInfoFields on PortalInfo {
  firmName
  passwordPolicy {
    mode
    minLength
    maxLength
    requireUppercase
    requireDigit
  }
}
    `;
export const SessionAccountFragmentDoc = gql`
    fragment SessionAccount on Account {
  id
  email
  accountNumber
  displayName
  role
  language
  mobileNumber
  twoFactorMethod
  firstLogin
  notifications {
    newDocuments
    newQuestionnaires
    newMessages
  }
}
    `;
export const AuthResultFieldsFragmentDoc = gql`
    fragment AuthResultFields on AuthResult {
  status
  secondFactor
  account {
    ...SessionAccount
  }
}
    ${SessionAccountFragmentDoc}`;
export const LogoutDocument = gql`
    mutation Logout {
  logout
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class LogoutGQL extends Apollo.Mutation<LogoutMutation, LogoutMutationVariables> {
    override document = LogoutDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SessionDocument = gql`
    query Session {
  me {
    ...SessionAccount
  }
  portalInfo {
    ...PortalInfoFields
  }
}
    ${SessionAccountFragmentDoc}
${PortalInfoFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class SessionGQL extends Apollo.Query<SessionQuery, SessionQueryVariables> {
    override document = SessionDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const LoginDocument = gql`
    mutation Login($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) {
    ...AuthResultFields
  }
}
    ${AuthResultFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class LoginGQL extends Apollo.Mutation<LoginMutation, LoginMutationVariables> {
    override document = LoginDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const RequestPasswordLinkDocument = gql`
    mutation RequestPasswordLink($email: String!) {
  requestPasswordLink(email: $email)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class RequestPasswordLinkGQL extends Apollo.Mutation<RequestPasswordLinkMutation, RequestPasswordLinkMutationVariables> {
    override document = RequestPasswordLinkDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const OpenInvitationDocument = gql`
    mutation OpenInvitation($token: String!) {
  openInvitation(token: $token)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class OpenInvitationGQL extends Apollo.Mutation<OpenInvitationMutation, OpenInvitationMutationVariables> {
    override document = OpenInvitationDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const PasswordLinkStateDocument = gql`
    query PasswordLinkState($token: String!) {
  passwordLinkState(token: $token)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class PasswordLinkStateGQL extends Apollo.Query<PasswordLinkStateQuery, PasswordLinkStateQueryVariables> {
    override document = PasswordLinkStateDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SetPasswordDocument = gql`
    mutation SetPassword($token: String!, $password: String!) {
  setPassword(token: $token, password: $password) {
    ...AuthResultFields
  }
}
    ${AuthResultFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class SetPasswordGQL extends Apollo.Mutation<SetPasswordMutation, SetPasswordMutationVariables> {
    override document = SetPasswordDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const UpdateMySettingsDocument = gql`
    mutation UpdateMySettings($input: MySettingsInput!) {
  updateMySettings(input: $input) {
    ...SessionAccount
  }
}
    ${SessionAccountFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class UpdateMySettingsGQL extends Apollo.Mutation<UpdateMySettingsMutation, UpdateMySettingsMutationVariables> {
    override document = UpdateMySettingsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const MarkFirstLoginDoneDocument = gql`
    mutation MarkFirstLoginDone {
  markFirstLoginDone {
    ...SessionAccount
  }
}
    ${SessionAccountFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class MarkFirstLoginDoneGQL extends Apollo.Mutation<MarkFirstLoginDoneMutation, MarkFirstLoginDoneMutationVariables> {
    override document = MarkFirstLoginDoneDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ChangePasswordDocument = gql`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ChangePasswordGQL extends Apollo.Mutation<ChangePasswordMutation, ChangePasswordMutationVariables> {
    override document = ChangePasswordDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }