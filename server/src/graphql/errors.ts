import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Language } from '../modules/account/account.enums.js';

/** Stable error codes of the API (extensions.code); the contract lists them. */
export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INVALID_CREDENTIALS'
  | 'SECOND_FACTOR_REQUIRED' | 'INVALID_CODE' | 'LINK_EXPIRED' | 'LINK_INVALID' | 'PASSWORD_POLICY'
  | 'PASSWORD_CHANGE_REQUIRED' | 'RATE_LIMITED' | 'QUOTA_EXCEEDED' | 'FILE_REJECTED' | 'INTERNAL_SERVER_ERROR'
  // Added to the contract's list: a role that must use 2-step without it set up; a sensitive change without a recent password.
  | 'TWO_FACTOR_SETUP_REQUIRED' | 'REAUTHENTICATION_REQUIRED'
  // A completed action (questionnaire) cannot be saved or completed again.
  | 'ACTION_COMPLETED';

export interface FieldProblem { field: string; message: string }

/** A failure the caller can act on. Services throw these; `formatError` turns them into GraphQL errors. */
export class DomainError extends Error {
  constructor(readonly code: ErrorCode, readonly extensions: Record<string, unknown> = {}) {
    super(code);
  }
}

export const badInput = (fields: FieldProblem[]) => new DomainError('BAD_USER_INPUT', { fields });

const MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  UNAUTHENTICATED: { NL: 'U bent niet (meer) ingelogd.', EN: 'You are not signed in.' },
  FORBIDDEN: { NL: 'U heeft geen toegang tot deze functie.', EN: 'You are not allowed to do this.' },
  NOT_FOUND: { NL: 'Niet gevonden.', EN: 'Not found.' },
  BAD_USER_INPUT: { NL: 'De invoer is niet geldig.', EN: 'The input is not valid.' },
  INVALID_CREDENTIALS: {
    NL: 'De combinatie van e-mailadres/accountnummer en wachtwoord is onjuist.',
    EN: 'The combination of e-mail address/account number and password is incorrect.',
  },
  SECOND_FACTOR_REQUIRED: { NL: 'Voer eerst de verificatiecode in.', EN: 'Enter the verification code first.' },
  INVALID_CODE: { NL: 'De code is onjuist of verlopen.', EN: 'The code is incorrect or has expired.' },
  LINK_EXPIRED: { NL: 'Deze link is verlopen.', EN: 'This link has expired.' },
  LINK_INVALID: { NL: 'Deze link is niet (meer) geldig.', EN: 'This link is not valid (any more).' },
  PASSWORD_POLICY: { NL: 'Het wachtwoord voldoet niet aan de eisen.', EN: 'The password does not meet the requirements.' },
  PASSWORD_CHANGE_REQUIRED: { NL: 'Kies eerst een nieuw wachtwoord.', EN: 'Choose a new password first.' },
  RATE_LIMITED: { NL: 'Te veel pogingen. Probeer het over enkele minuten opnieuw.', EN: 'Too many attempts. Try again in a few minutes.' },
  TWO_FACTOR_SETUP_REQUIRED: { NL: 'Stel eerst 2-staps verificatie in.', EN: 'Set up two-step verification first.' },
  REAUTHENTICATION_REQUIRED: { NL: 'Bevestig eerst uw wachtwoord.', EN: 'Confirm your password first.' },
  QUOTA_EXCEEDED: { NL: 'De opslaglimiet is bereikt.', EN: 'The storage limit has been reached.' },
  FILE_REJECTED: { NL: 'Het bestand is geweigerd.', EN: 'The file was rejected.' },
  ACTION_COMPLETED: { NL: 'Deze vragenlijst is al afgerond en kan niet meer worden gewijzigd.', EN: 'This questionnaire has already been completed and can no longer be changed.' },
  INTERNAL_SERVER_ERROR: { NL: 'Er is iets misgegaan. Probeer het later opnieuw.', EN: 'Something went wrong. Please try again later.' },
};

export const errorMessage = (code: ErrorCode, language: Language) => MESSAGES[code][language];

const KNOWN_CODES = new Set(Object.keys(MESSAGES));
/** Codes graphql-js, Apollo and graphql-armor produce for malformed requests; passed through as they are. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one mapping from thrown errors to what clients see. Domain errors keep their code and extensions;
 * argument validation becomes BAD_USER_INPUT with fields; anything unexpected becomes
 * INTERNAL_SERVER_ERROR with a correlation id, logged here, never with internals.
 */
export function makeFormatError(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    if (original instanceof DomainError) {
      return { message: original.code, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...original.extensions } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors.flatMap(function flatten(e): FieldProblem[] {
        const own = Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message }));
        return own.concat((e.children ?? []).flatMap(flatten));
      });
      return { message: 'BAD_USER_INPUT', path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (REQUEST_CODES.has(code) || (KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR'))) {
      // No schema suggestions: graphql-armor masks `Did you mean "x"?` but not graphql-js's enum wording
      // (`Did you mean the enum value "NL"?`), in validation and in variable coercion alike.
      return { ...formatted, message: formatted.message.replace(/\s*Did you mean\b[\s\S]*$/, '') };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    return {
      message: 'INTERNAL_SERVER_ERROR',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId, ...(exposeStack && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}) },
    };
  };
}
