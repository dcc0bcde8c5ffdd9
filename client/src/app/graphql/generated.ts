/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from 'apollo-angular';
import { Injectable } from '@angular/core';
import * as Apollo from 'apollo-angular';
export type ActionStatus =
  /** Completed; answers can no longer change. */
  | 'COMPLETED'
  /** At least one page saved. */
  | 'IN_PROGRESS'
  /** Assigned, nothing saved yet. */
  | 'OPEN';

export type AnswerInput = {
  /** FILE questions (multipart request). Left out together with `values`: the file saved before stays. */
  file?: unknown;
  key: string;
  /** The answer; one value except for MULTIPLE_CHOICE; empty or left out = no answer. FILE: send `values: []` without a file to remove a saved file. */
  values?: Array<string> | null | undefined;
};

export type AuthStatus =
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'SECOND_FACTOR_REQUIRED'
  | 'SIGNED_IN'
  /** The role requires two-step verification and it is not set up: only its setup operations work until it is. */
  | 'TWO_FACTOR_SETUP_REQUIRED';

export type DocumentCategory =
  /** Attachments of the firm's messages (shown with the message, not in a tab). */
  | 'ATTACHMENT'
  /** Letters and e-mails the firm published ("Correspondentie"). */
  | 'CORRESPONDENCE'
  /** Other documents the firm published ("Documenten"). */
  | 'DOCUMENT'
  /** What the client side supplied: message attachments, completed questionnaires ("Door mij aangeleverd"). */
  | 'SUPPLIED';

export type DossierFilter = {
  /** True: active dossiers only; false: closed ones only; absent: both. */
  active?: boolean | null | undefined;
  /** Dossier number (prefix) or words of the description. */
  search?: string | null | undefined;
  statusCodes?: Array<string> | null | undefined;
};

export type ExtraAccountInput = {
  displayName: string;
  email: string;
  language?: Language | null | undefined;
  mobileNumber?: string | null | undefined;
};

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

export type MessageDirection =
  /** Sent by the office to the client. */
  | 'FROM_OFFICE'
  /** Sent by the client (or intermediary) to the office. */
  | 'TO_OFFICE';

export type MySettingsInput = {
  language?: Language | null | undefined;
  newDocuments?: boolean | null | undefined;
  newMessages?: boolean | null | undefined;
  newQuestionnaires?: boolean | null | undefined;
};

export type PasswordPolicyMode =
  | 'SEED'
  | 'STANDARDS';

export type QuestionType =
  /** A calendar date as YYYY-MM-DD. */
  | 'DATE'
  /** A file (AnswerInput.file), stored as a document under SUPPLIED of the dossier. */
  | 'FILE'
  /** Several lines, at most 4000 characters. */
  | 'LONG_TEXT'
  /** One or more of `options`. */
  | 'MULTIPLE_CHOICE'
  /** A number: digits with an optional sign and decimal point or comma; stored with a point. */
  | 'NUMBER'
  /** Exactly one of `options`. */
  | 'SINGLE_CHOICE'
  /** One line, at most 500 characters. */
  | 'TEXT'
  /** "yes" or "no" (also accepted: ja/nee, true/false); stored as yes/no. */
  | 'YES_NO';

export type Role =
  | 'ADMIN'
  | 'CLIENT'
  | 'COMPANY_EXTRA'
  | 'COMPANY_MAIN'
  | 'INTERMEDIARY'
  | 'OFFICE_USER_ADMIN'
  | 'STAFF';

export type SendMessageInput = {
  attachments?: Array<unknown> | null | undefined;
  /** 1 to 4000 characters. */
  body: string;
  dossierId: string | number;
  inReplyToId?: string | number | null | undefined;
  subject: string;
};

export type TwoFactorMethod =
  | 'NONE'
  | 'SMS'
  | 'TOTP';

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type OpenActionsCountQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenActionsCountQuery = { home: { openActions: number } };

export type SessionAccountFragment = { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } };

export type PortalInfoFieldsFragment = { firmName: string, smsAllowed: boolean, passwordPolicy: { mode: PasswordPolicyMode, minLength: number, maxLength: number, requireUppercase: boolean, requireDigit: boolean } };

export type AuthStateFieldsFragment = { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null };

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { me: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null, authState: { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null } | null, portalInfo: { firmName: string, smsAllowed: boolean, passwordPolicy: { mode: PasswordPolicyMode, minLength: number, maxLength: number, requireUppercase: boolean, requireDigit: boolean } } };

export type ActionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ActionsQuery = { actions: Array<{ id: string, title: string, status: ActionStatus, currentPage: number, pageCount: number, assignedAt: string, dossier: { id: string, number: string } }> };

export type ActionAnswerFieldsFragment = { key: string, values: Array<string>, document: { id: string, fileName: string, downloadUrl: string } | null };

export type ActionResultDocumentFieldsFragment = { id: string, title: string, fileName: string, downloadUrl: string };

export type ActionQueryVariables = Exact<{
  id: string | number;
}>;


export type ActionQuery = { action: { id: string, title: string, status: ActionStatus, currentPage: number, pageCount: number, completedAt: string | null, dossier: { id: string, number: string }, questionnaire: { title: string, pages: Array<{ title: string, questions: Array<{ key: string, label: string, help: string | null, type: QuestionType, required: boolean, options: Array<string>, showIfKey: string | null, showIfValue: string | null }> }> }, answers: Array<{ key: string, values: Array<string>, document: { id: string, fileName: string, downloadUrl: string } | null }>, resultDocument: { id: string, title: string, fileName: string, downloadUrl: string } | null } };

export type SaveActionPageMutationVariables = Exact<{
  actionId: string | number;
  page: number;
  answers: Array<AnswerInput> | AnswerInput;
}>;


export type SaveActionPageMutation = { saveActionPage: { id: string, status: ActionStatus, currentPage: number, answers: Array<{ key: string, values: Array<string>, document: { id: string, fileName: string, downloadUrl: string } | null }> } };

export type CompleteActionMutationVariables = Exact<{
  actionId: string | number;
}>;


export type CompleteActionMutation = { completeAction: { id: string, status: ActionStatus, completedAt: string | null, resultDocument: { id: string, title: string, fileName: string, downloadUrl: string } | null } };

export type DossierActionsQueryVariables = Exact<{
  id: string | number;
}>;


export type DossierActionsQuery = { dossier: { id: string, actions: Array<{ id: string, title: string, status: ActionStatus }> } };

export type AuthResultFieldsFragment = { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null };

export type LoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type LoginMutation = { login: { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null } };

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


export type SetPasswordMutation = { setPassword: { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null } };

export type VerifySecondFactorMutationVariables = Exact<{
  code: string;
}>;


export type VerifySecondFactorMutation = { verifySecondFactor: { status: AuthStatus, secondFactor: TwoFactorMethod | null, smsAvailable: boolean | null, maskedMobileNumber: string | null, account: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } | null } };

export type SendLoginCodeBySmsMutationVariables = Exact<{ [key: string]: never; }>;


export type SendLoginCodeBySmsMutation = { sendLoginCodeBySms: boolean };

export type RequestEmailReminderMutationVariables = Exact<{
  mobileNumber: string;
}>;


export type RequestEmailReminderMutation = { requestEmailReminder: boolean };

export type ItemCountFieldsFragment = { total: number, unread: number };

export type DossierCountsFieldsFragment = { correspondence: { total: number, unread: number }, documents: { total: number, unread: number }, suppliedByMe: { total: number, unread: number }, messages: { total: number, unread: number } };

export type DossierQueryVariables = Exact<{
  id: string | number;
}>;


export type DossierQuery = { dossier: { id: string, number: string, description: string, openedAt: string, closedAt: string | null, status: { code: string, label: string, active: boolean }, handler: { name: string, email: string | null, phone: string | null } | null, progress: { done: number, total: number, steps: Array<{ id: string, position: number, title: string, done: boolean, doneAt: string | null }> }, counts: { correspondence: { total: number, unread: number }, documents: { total: number, unread: number }, suppliedByMe: { total: number, unread: number }, messages: { total: number, unread: number } } } };

export type DossierCountsQueryVariables = Exact<{
  id: string | number;
}>;


export type DossierCountsQuery = { dossier: { id: string, counts: { correspondence: { total: number, unread: number }, documents: { total: number, unread: number }, suppliedByMe: { total: number, unread: number }, messages: { total: number, unread: number } } } };

export type DossierDocumentsQueryVariables = Exact<{
  id: string | number;
  category: DocumentCategory;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DossierDocumentsQuery = { dossier: { id: string, documents: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, category: DocumentCategory, title: string, fileName: string, contentType: string, size: number, sha256: string, publishedAt: string, downloadedAt: string | null, downloadUrl: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type DossierListFieldsFragment = { id: string, number: string, description: string, openedAt: string, closedAt: string | null, status: { code: string, label: string, active: boolean } };

export type DossiersQueryVariables = Exact<{
  filter?: DossierFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DossiersQuery = { dossiers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, number: string, description: string, openedAt: string, closedAt: string | null, status: { code: string, label: string, active: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DossierStatusesQueryVariables = Exact<{ [key: string]: never; }>;


export type DossierStatusesQuery = { dossierStatuses: Array<{ code: string, label: string, active: boolean }> };

export type ExtraAccountFieldsFragment = { id: string, displayName: string, email: string, accountNumber: string, mobileNumber: string | null, language: Language, activatedAt: string | null, lastLoginAt: string | null, twoFactorMethod: TwoFactorMethod };

export type ExtraAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExtraAccountsQuery = { extraAccounts: Array<{ id: string, displayName: string, email: string, accountNumber: string, mobileNumber: string | null, language: Language, activatedAt: string | null, lastLoginAt: string | null, twoFactorMethod: TwoFactorMethod }> };

export type ExtraAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type ExtraAccountQuery = { extraAccount: { id: string, displayName: string, email: string, accountNumber: string, mobileNumber: string | null, language: Language, activatedAt: string | null, lastLoginAt: string | null, twoFactorMethod: TwoFactorMethod } };

export type AddExtraAccountMutationVariables = Exact<{
  input: ExtraAccountInput;
}>;


export type AddExtraAccountMutation = { addExtraAccount: { id: string, displayName: string, email: string, accountNumber: string, mobileNumber: string | null, language: Language, activatedAt: string | null, lastLoginAt: string | null, twoFactorMethod: TwoFactorMethod } };

export type RemoveExtraAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveExtraAccountMutation = { removeExtraAccount: boolean };

export type HomeSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeSummaryQuery = { home: { dossiersInProgress: number, dossiersTotal: number, openActions: number, unreadMessages: number } };

export type MessageFieldsFragment = { id: string, direction: MessageDirection, subject: string, body: string, senderName: string, sentAt: string, readAt: string | null, inReplyTo: { id: string, subject: string, body: string, senderName: string, sentAt: string } | null, attachments: Array<{ id: string, category: DocumentCategory, title: string, fileName: string, contentType: string, size: number, sha256: string, publishedAt: string, downloadedAt: string | null, downloadUrl: string }> };

export type DossierMessagesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DossierMessagesQuery = { dossier: { id: string, messages: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, direction: MessageDirection, subject: string, body: string, senderName: string, sentAt: string, readAt: string | null, inReplyTo: { id: string, subject: string, body: string, senderName: string, sentAt: string } | null, attachments: Array<{ id: string, category: DocumentCategory, title: string, fileName: string, contentType: string, size: number, sha256: string, publishedAt: string, downloadedAt: string | null, downloadUrl: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type MarkMessageReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkMessageReadMutation = { markMessageRead: { id: string, readAt: string | null } };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage: { id: string, direction: MessageDirection, subject: string, body: string, senderName: string, sentAt: string, readAt: string | null, inReplyTo: { id: string, subject: string, body: string, senderName: string, sentAt: string } | null, attachments: Array<{ id: string, category: DocumentCategory, title: string, fileName: string, contentType: string, size: number, sha256: string, publishedAt: string, downloadedAt: string | null, downloadUrl: string }> } };

export type UploadPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type UploadPolicyQuery = { uploadPolicy: { maxFileSize: number, maxFiles: number, allowedExtensions: Array<string> } };

export type UpdateMySettingsMutationVariables = Exact<{
  input: MySettingsInput;
}>;


export type UpdateMySettingsMutation = { updateMySettings: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } };

export type MarkFirstLoginDoneMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkFirstLoginDoneMutation = { markFirstLoginDone: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } };

export type DisableTwoFactorMutationVariables = Exact<{
  password: string;
}>;


export type DisableTwoFactorMutation = { disableTwoFactor: { id: string, email: string, accountNumber: string, displayName: string, role: Role, language: Language, mobileNumber: string | null, twoFactorMethod: TwoFactorMethod, firstLogin: boolean, notifications: { newDocuments: boolean, newQuestionnaires: boolean, newMessages: boolean } } };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  password: string;
}>;


export type RegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: { codes: Array<string> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type DocumentFieldsFragment = { id: string, category: DocumentCategory, title: string, fileName: string, contentType: string, size: number, sha256: string, publishedAt: string, downloadedAt: string | null, downloadUrl: string };

export type TwoFactorStatusFieldsFragment = { method: TwoFactorMethod, mobileNumber: string | null, mobileVerified: boolean, passwordConfirmedUntil: string | null, recoveryCodesLeft: number, required: boolean, smsAllowed: boolean };

export type MyTwoFactorQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTwoFactorQuery = { myTwoFactor: { method: TwoFactorMethod, mobileNumber: string | null, mobileVerified: boolean, passwordConfirmedUntil: string | null, recoveryCodesLeft: number, required: boolean, smsAllowed: boolean } };

export type ConfirmPasswordMutationVariables = Exact<{
  password: string;
}>;


export type ConfirmPasswordMutation = { confirmPassword: string };

export type StartSmsVerificationMutationVariables = Exact<{
  mobileNumber: string;
  twoFactor: boolean;
}>;


export type StartSmsVerificationMutation = { startSmsVerification: boolean };

export type ConfirmSmsVerificationMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmSmsVerificationMutation = { confirmSmsVerification: { codes: Array<string> } };

export type StartTotpSetupMutationVariables = Exact<{ [key: string]: never; }>;


export type StartTotpSetupMutation = { startTotpSetup: { secret: string, otpauthUri: string, qrCodeSvg: string } };

export type ConfirmTotpSetupMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpSetupMutation = { confirmTotpSetup: { codes: Array<string> } };

export const PortalInfoFieldsFragmentDoc = gql`
    fragment PortalInfoFields on PortalInfo {
  firmName
  smsAllowed
  passwordPolicy {
    mode
    minLength
    maxLength
    requireUppercase
    requireDigit
  }
}
    `;
export const ActionAnswerFieldsFragmentDoc = gql`
    fragment ActionAnswerFields on Answer {
  key
  values
  document {
    id
    fileName
    downloadUrl
  }
}
    `;
export const ActionResultDocumentFieldsFragmentDoc = gql`
    fragment ActionResultDocumentFields on Document {
  id
  title
  fileName
  downloadUrl
}
    `;
export const AuthStateFieldsFragmentDoc = gql`
    fragment AuthStateFields on AuthResult {
  status
  secondFactor
  smsAvailable
  maskedMobileNumber
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
  ...AuthStateFields
  account {
    ...SessionAccount
  }
}
    ${AuthStateFieldsFragmentDoc}
${SessionAccountFragmentDoc}`;
export const ItemCountFieldsFragmentDoc = gql`
    fragment ItemCountFields on ItemCount {
  total
  unread
}
    `;
export const DossierCountsFieldsFragmentDoc = gql`
    fragment DossierCountsFields on DossierCounts {
  correspondence {
    ...ItemCountFields
  }
  documents {
    ...ItemCountFields
  }
  suppliedByMe {
    ...ItemCountFields
  }
  messages {
    ...ItemCountFields
  }
}
    ${ItemCountFieldsFragmentDoc}`;
export const DossierListFieldsFragmentDoc = gql`
    fragment DossierListFields on Dossier {
  id
  number
  description
  status {
    code
    label
    active
  }
  openedAt
  closedAt
}
    `;
export const ExtraAccountFieldsFragmentDoc = gql`
    fragment ExtraAccountFields on Account {
  id
  displayName
  email
  accountNumber
  mobileNumber
  language
  activatedAt
  lastLoginAt
  twoFactorMethod
}
    `;
export const DocumentFieldsFragmentDoc = gql`
    fragment DocumentFields on Document {
  id
  category
  title
  fileName
  contentType
  size
  sha256
  publishedAt
  downloadedAt
  downloadUrl
}
    `;
export const MessageFieldsFragmentDoc = gql`
    fragment MessageFields on Message {
  id
  direction
  subject
  body
  senderName
  sentAt
  readAt
  inReplyTo {
    id
    subject
    body
    senderName
    sentAt
  }
  attachments {
    ...DocumentFields
  }
}
    ${DocumentFieldsFragmentDoc}`;
export const TwoFactorStatusFieldsFragmentDoc = gql`
    fragment TwoFactorStatusFields on TwoFactorStatus {
  method
  mobileNumber
  mobileVerified
  passwordConfirmedUntil
  recoveryCodesLeft
  required
  smsAllowed
}
    `;
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
export const OpenActionsCountDocument = gql`
    query OpenActionsCount {
  home {
    openActions
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class OpenActionsCountGQL extends Apollo.Query<OpenActionsCountQuery, OpenActionsCountQueryVariables> {
    override document = OpenActionsCountDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SessionDocument = gql`
    query Session {
  me {
    ...SessionAccount
  }
  authState {
    ...AuthStateFields
  }
  portalInfo {
    ...PortalInfoFields
  }
}
    ${SessionAccountFragmentDoc}
${AuthStateFieldsFragmentDoc}
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
export const ActionsDocument = gql`
    query Actions {
  actions {
    id
    title
    status
    currentPage
    pageCount
    assignedAt
    dossier {
      id
      number
    }
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ActionsGQL extends Apollo.Query<ActionsQuery, ActionsQueryVariables> {
    override document = ActionsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ActionDocument = gql`
    query Action($id: ID!) {
  action(id: $id) {
    id
    title
    status
    currentPage
    pageCount
    completedAt
    dossier {
      id
      number
    }
    questionnaire {
      title
      pages {
        title
        questions {
          key
          label
          help
          type
          required
          options
          showIfKey
          showIfValue
        }
      }
    }
    answers {
      ...ActionAnswerFields
    }
    resultDocument {
      ...ActionResultDocumentFields
    }
  }
}
    ${ActionAnswerFieldsFragmentDoc}
${ActionResultDocumentFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class ActionGQL extends Apollo.Query<ActionQuery, ActionQueryVariables> {
    override document = ActionDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SaveActionPageDocument = gql`
    mutation SaveActionPage($actionId: ID!, $page: Int!, $answers: [AnswerInput!]!) {
  saveActionPage(actionId: $actionId, page: $page, answers: $answers) {
    id
    status
    currentPage
    answers {
      ...ActionAnswerFields
    }
  }
}
    ${ActionAnswerFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class SaveActionPageGQL extends Apollo.Mutation<SaveActionPageMutation, SaveActionPageMutationVariables> {
    override document = SaveActionPageDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const CompleteActionDocument = gql`
    mutation CompleteAction($actionId: ID!) {
  completeAction(actionId: $actionId) {
    id
    status
    completedAt
    resultDocument {
      ...ActionResultDocumentFields
    }
  }
}
    ${ActionResultDocumentFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class CompleteActionGQL extends Apollo.Mutation<CompleteActionMutation, CompleteActionMutationVariables> {
    override document = CompleteActionDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierActionsDocument = gql`
    query DossierActions($id: ID!) {
  dossier(id: $id) {
    id
    actions {
      id
      title
      status
    }
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierActionsGQL extends Apollo.Query<DossierActionsQuery, DossierActionsQueryVariables> {
    override document = DossierActionsDocument;
    
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
export const VerifySecondFactorDocument = gql`
    mutation VerifySecondFactor($code: String!) {
  verifySecondFactor(code: $code) {
    ...AuthResultFields
  }
}
    ${AuthResultFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class VerifySecondFactorGQL extends Apollo.Mutation<VerifySecondFactorMutation, VerifySecondFactorMutationVariables> {
    override document = VerifySecondFactorDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SendLoginCodeBySmsDocument = gql`
    mutation SendLoginCodeBySms {
  sendLoginCodeBySms
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class SendLoginCodeBySmsGQL extends Apollo.Mutation<SendLoginCodeBySmsMutation, SendLoginCodeBySmsMutationVariables> {
    override document = SendLoginCodeBySmsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const RequestEmailReminderDocument = gql`
    mutation RequestEmailReminder($mobileNumber: String!) {
  requestEmailReminder(mobileNumber: $mobileNumber)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class RequestEmailReminderGQL extends Apollo.Mutation<RequestEmailReminderMutation, RequestEmailReminderMutationVariables> {
    override document = RequestEmailReminderDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierDocument = gql`
    query Dossier($id: ID!) {
  dossier(id: $id) {
    id
    number
    description
    status {
      code
      label
      active
    }
    handler {
      name
      email
      phone
    }
    openedAt
    closedAt
    progress {
      done
      total
      steps {
        id
        position
        title
        done
        doneAt
      }
    }
    counts {
      ...DossierCountsFields
    }
  }
}
    ${DossierCountsFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierGQL extends Apollo.Query<DossierQuery, DossierQueryVariables> {
    override document = DossierDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierCountsDocument = gql`
    query DossierCounts($id: ID!) {
  dossier(id: $id) {
    id
    counts {
      ...DossierCountsFields
    }
  }
}
    ${DossierCountsFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierCountsGQL extends Apollo.Query<DossierCountsQuery, DossierCountsQueryVariables> {
    override document = DossierCountsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierDocumentsDocument = gql`
    query DossierDocuments($id: ID!, $category: DocumentCategory!, $first: Int, $after: String) {
  dossier(id: $id) {
    id
    documents(category: $category, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...DocumentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    ${DocumentFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierDocumentsGQL extends Apollo.Query<DossierDocumentsQuery, DossierDocumentsQueryVariables> {
    override document = DossierDocumentsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossiersDocument = gql`
    query Dossiers($filter: DossierFilter, $first: Int, $after: String) {
  dossiers(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...DossierListFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    ${DossierListFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DossiersGQL extends Apollo.Query<DossiersQuery, DossiersQueryVariables> {
    override document = DossiersDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierStatusesDocument = gql`
    query DossierStatuses {
  dossierStatuses {
    code
    label
    active
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierStatusesGQL extends Apollo.Query<DossierStatusesQuery, DossierStatusesQueryVariables> {
    override document = DossierStatusesDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ExtraAccountsDocument = gql`
    query ExtraAccounts {
  extraAccounts {
    ...ExtraAccountFields
  }
}
    ${ExtraAccountFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class ExtraAccountsGQL extends Apollo.Query<ExtraAccountsQuery, ExtraAccountsQueryVariables> {
    override document = ExtraAccountsDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ExtraAccountDocument = gql`
    query ExtraAccount($id: ID!) {
  extraAccount(id: $id) {
    ...ExtraAccountFields
  }
}
    ${ExtraAccountFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class ExtraAccountGQL extends Apollo.Query<ExtraAccountQuery, ExtraAccountQueryVariables> {
    override document = ExtraAccountDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const AddExtraAccountDocument = gql`
    mutation AddExtraAccount($input: ExtraAccountInput!) {
  addExtraAccount(input: $input) {
    ...ExtraAccountFields
  }
}
    ${ExtraAccountFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class AddExtraAccountGQL extends Apollo.Mutation<AddExtraAccountMutation, AddExtraAccountMutationVariables> {
    override document = AddExtraAccountDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const RemoveExtraAccountDocument = gql`
    mutation RemoveExtraAccount($id: ID!) {
  removeExtraAccount(id: $id)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class RemoveExtraAccountGQL extends Apollo.Mutation<RemoveExtraAccountMutation, RemoveExtraAccountMutationVariables> {
    override document = RemoveExtraAccountDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const HomeSummaryDocument = gql`
    query HomeSummary {
  home {
    dossiersInProgress
    dossiersTotal
    openActions
    unreadMessages
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class HomeSummaryGQL extends Apollo.Query<HomeSummaryQuery, HomeSummaryQueryVariables> {
    override document = HomeSummaryDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DossierMessagesDocument = gql`
    query DossierMessages($id: ID!, $first: Int, $after: String) {
  dossier(id: $id) {
    id
    messages(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...MessageFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    ${MessageFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DossierMessagesGQL extends Apollo.Query<DossierMessagesQuery, DossierMessagesQueryVariables> {
    override document = DossierMessagesDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const MarkMessageReadDocument = gql`
    mutation MarkMessageRead($id: ID!) {
  markMessageRead(id: $id) {
    id
    readAt
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class MarkMessageReadGQL extends Apollo.Mutation<MarkMessageReadMutation, MarkMessageReadMutationVariables> {
    override document = MarkMessageReadDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SendMessageDocument = gql`
    mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    ...MessageFields
  }
}
    ${MessageFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class SendMessageGQL extends Apollo.Mutation<SendMessageMutation, SendMessageMutationVariables> {
    override document = SendMessageDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const UploadPolicyDocument = gql`
    query UploadPolicy {
  uploadPolicy {
    maxFileSize
    maxFiles
    allowedExtensions
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class UploadPolicyGQL extends Apollo.Query<UploadPolicyQuery, UploadPolicyQueryVariables> {
    override document = UploadPolicyDocument;
    
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
export const DisableTwoFactorDocument = gql`
    mutation DisableTwoFactor($password: String!) {
  disableTwoFactor(password: $password) {
    ...SessionAccount
  }
}
    ${SessionAccountFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class DisableTwoFactorGQL extends Apollo.Mutation<DisableTwoFactorMutation, DisableTwoFactorMutationVariables> {
    override document = DisableTwoFactorDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const RegenerateRecoveryCodesDocument = gql`
    mutation RegenerateRecoveryCodes($password: String!) {
  regenerateRecoveryCodes(password: $password) {
    codes
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class RegenerateRecoveryCodesGQL extends Apollo.Mutation<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables> {
    override document = RegenerateRecoveryCodesDocument;
    
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
export const MyTwoFactorDocument = gql`
    query MyTwoFactor {
  myTwoFactor {
    ...TwoFactorStatusFields
  }
}
    ${TwoFactorStatusFieldsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class MyTwoFactorGQL extends Apollo.Query<MyTwoFactorQuery, MyTwoFactorQueryVariables> {
    override document = MyTwoFactorDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ConfirmPasswordDocument = gql`
    mutation ConfirmPassword($password: String!) {
  confirmPassword(password: $password)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ConfirmPasswordGQL extends Apollo.Mutation<ConfirmPasswordMutation, ConfirmPasswordMutationVariables> {
    override document = ConfirmPasswordDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const StartSmsVerificationDocument = gql`
    mutation StartSmsVerification($mobileNumber: String!, $twoFactor: Boolean!) {
  startSmsVerification(mobileNumber: $mobileNumber, twoFactor: $twoFactor)
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class StartSmsVerificationGQL extends Apollo.Mutation<StartSmsVerificationMutation, StartSmsVerificationMutationVariables> {
    override document = StartSmsVerificationDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ConfirmSmsVerificationDocument = gql`
    mutation ConfirmSmsVerification($code: String!) {
  confirmSmsVerification(code: $code) {
    codes
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ConfirmSmsVerificationGQL extends Apollo.Mutation<ConfirmSmsVerificationMutation, ConfirmSmsVerificationMutationVariables> {
    override document = ConfirmSmsVerificationDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const StartTotpSetupDocument = gql`
    mutation StartTotpSetup {
  startTotpSetup {
    secret
    otpauthUri
    qrCodeSvg
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class StartTotpSetupGQL extends Apollo.Mutation<StartTotpSetupMutation, StartTotpSetupMutationVariables> {
    override document = StartTotpSetupDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ConfirmTotpSetupDocument = gql`
    mutation ConfirmTotpSetup($code: String!) {
  confirmTotpSetup(code: $code) {
    codes
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ConfirmTotpSetupGQL extends Apollo.Mutation<ConfirmTotpSetupMutation, ConfirmTotpSetupMutationVariables> {
    override document = ConfirmTotpSetupDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }