import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** A field-level complaint carried by `BAD_USER_INPUT` in `extensions.fields`. */
export interface FieldError {
  field: string;
  message: string;
}

/** What the client needs to know about a failed operation, whatever transport failed. */
export interface ApiError {
  /** The first error's `extensions.code`, `NETWORK_ERROR`, or `INTERNAL_SERVER_ERROR`. */
  code: string;
  /** Every code in the response (an operation can fail on several fields). */
  codes: string[];
  fields: FieldError[];
  /**
   * `PASSWORD_POLICY` reasons (see {@link PASSWORD_REASONS}), and the single `reason` of a
   * `FILE_REJECTED` (e.g. TOO_LARGE).
   */
  reasons: string[];
  /** The file a `FILE_REJECTED` is about (`extensions.fileName`), when the server names it. */
  fileName?: string;
}

const FALLBACK_CODE = 'INTERNAL_SERVER_ERROR';
export const NETWORK_ERROR = 'NETWORK_ERROR';

function fromGraphQLErrors(errors: readonly GraphQLFormattedError[]): ApiError {
  const codes = errors.map((e) => {
    const code = e.extensions?.['code'];
    return typeof code === 'string' ? code : FALLBACK_CODE;
  });
  const fields: FieldError[] = [];
  const reasons: string[] = [];
  let fileName: string | undefined;
  for (const e of errors) {
    const f = e.extensions?.['fields'];
    if (Array.isArray(f)) {
      for (const item of f) {
        if (item && typeof item.field === 'string') {
          fields.push({ field: item.field, message: typeof item.message === 'string' ? item.message : '' });
        }
      }
    }
    const r = e.extensions?.['reasons'];
    if (Array.isArray(r)) {
      reasons.push(...r.filter((x): x is string => typeof x === 'string'));
    }
    const reason = e.extensions?.['reason'];
    if (typeof reason === 'string') {
      reasons.push(reason);
    }
    const name = e.extensions?.['fileName'];
    if (typeof name === 'string' && fileName === undefined) {
      fileName = name;
    }
  }
  return { code: codes[0] ?? FALLBACK_CODE, codes, fields, reasons, ...(fileName === undefined ? {} : { fileName }) };
}

function errorsInBody(bodyText: string): GraphQLFormattedError[] | null {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) && body.errors.length > 0 ? (body.errors as GraphQLFormattedError[]) : null;
  } catch {
    return null;
  }
}

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Normalises what Apollo throws: GraphQL errors (HTTP 200), GraphQL errors in a non-2xx body
 * (e.g. a 400 from Apollo Server), gateway failures and a missing network.
 */
export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(error.errors);
  }
  if (ServerError.is(error)) {
    const errors = errorsInBody(error.bodyText);
    if (errors) {
      return fromGraphQLErrors(errors);
    }
    const code = error.statusCode >= 502 && error.statusCode <= 504 ? NETWORK_ERROR : FALLBACK_CODE;
    return { code, codes: [code], fields: [], reasons: [] };
  }
  const code = offline() ? NETWORK_ERROR : FALLBACK_CODE;
  return { code, codes: [code], fields: [], reasons: [] };
}

const MESSAGE_KEYS: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS: 'errors.invalidCredentials',
  RATE_LIMITED: 'errors.rateLimited',
  BAD_USER_INPUT: 'errors.badUserInput',
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  LINK_EXPIRED: 'errors.linkInvalid',
  LINK_INVALID: 'errors.linkInvalid',
  PASSWORD_POLICY: 'errors.passwordPolicy',
  PASSWORD_CHANGE_REQUIRED: 'errors.passwordChangeRequired',
  INVALID_CODE: 'errors.invalidCode',
  REAUTHENTICATION_REQUIRED: 'errors.reauthenticationRequired',
  SECOND_FACTOR_REQUIRED: 'errors.secondFactorRequired',
  TWO_FACTOR_SETUP_REQUIRED: 'errors.twoFactorSetupRequired',
  FILE_REJECTED: 'errors.fileRejected',
  QUOTA_EXCEEDED: 'errors.quotaExceeded',
  [NETWORK_ERROR]: 'errors.network',
};

export const GENERIC_ERROR_KEY = 'errors.generic';

/**
 * The translation key for an error code. `overrides` lets a screen give a code a more
 * precise meaning (e.g. INVALID_CREDENTIALS on a password change = wrong current password).
 * Unknown codes and INTERNAL_SERVER_ERROR get the generic message.
 */
export function errorMessageKey(code: string, overrides: Readonly<Record<string, string>> = {}): string {
  return overrides[code] ?? MESSAGE_KEYS[code] ?? GENERIC_ERROR_KEY;
}

/** The codes the server puts in `extensions.fields[].message` of a `BAD_USER_INPUT`. */
export const FIELD_ERROR_CODES = ['REQUIRED', 'INVALID_EMAIL', 'EMAIL_TAKEN', 'INVALID_MOBILE_NUMBER'] as const;

/** Translation key for a field-level code; anything else gets the general "check this field". */
export function fieldErrorKey(message: unknown): string {
  return typeof message === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(message)
    ? `fieldErrors.${message}`
    : 'common.fieldInvalid';
}

/** `PASSWORD_POLICY` reasons the server sends (CONTAINS_IDENTITY and SAME_AS_CURRENT beyond the schema's list). */
export const PASSWORD_REASONS = [
  'TOO_SHORT',
  'TOO_LONG',
  'NO_UPPERCASE',
  'NO_DIGIT',
  'BLOCKLISTED',
  'CONTAINS_IDENTITY',
  'SAME_AS_CURRENT',
] as const;

/** Translation keys for `PASSWORD_POLICY` reasons; unknown reasons fall back to the general text. */
export function passwordReasonKey(reason: string): string {
  return (PASSWORD_REASONS as readonly string[]).includes(reason)
    ? `password.reasons.${reason}`
    : 'errors.passwordPolicy';
}

/** An error ready for display: a translation key, and for a rejected password the reasons. */
export interface UiError {
  key: string;
  /** Interpolation values of `key`, e.g. `{ name }` of a rejected file. */
  params?: Record<string, string>;
  /** Translation keys of the individual reasons, shown as a list. */
  reasons: string[];
}

/** Turns what the server said into what the user reads. */
export function describeError(error: ApiError, overrides: Readonly<Record<string, string>> = {}): UiError {
  if (error.code === 'PASSWORD_POLICY' && error.reasons.length > 0) {
    return { key: 'password.rejected', reasons: [...new Set(error.reasons.map(passwordReasonKey))] };
  }
  return { key: errorMessageKey(error.code, overrides), reasons: [] };
}
