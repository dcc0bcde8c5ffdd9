import { ServerError } from '@apollo/client/errors';
import { graphqlError } from '../../../testing/graphql-testing';
import { describeError, errorMessageKey, fieldErrorKey, toApiError } from './api-error';

function serverError(status: number, body: unknown): ServerError {
  return new ServerError(`status ${status}`, {
    response: new Response(null, { status }),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('toApiError', () => {
  it('reads the code of a GraphQL error', () => {
    expect(toApiError(graphqlError('INVALID_CREDENTIALS')).code).toBe('INVALID_CREDENTIALS');
  });

  it('reads BAD_USER_INPUT fields and PASSWORD_POLICY reasons', () => {
    const fields = toApiError(graphqlError('BAD_USER_INPUT', { fields: [{ field: 'email', message: 'invalid' }] }));
    expect(fields.fields).toEqual([{ field: 'email', message: 'invalid' }]);
    const policy = toApiError(graphqlError('PASSWORD_POLICY', { reasons: ['TOO_SHORT', 'BLOCKLISTED'] }));
    expect(policy.reasons).toEqual(['TOO_SHORT', 'BLOCKLISTED']);
  });

  it('reads GraphQL errors from a non-2xx body', () => {
    const error = serverError(400, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(toApiError(error).code).toBe('BAD_USER_INPUT');
  });

  it('treats a gateway failure as a network error and anything else as internal', () => {
    expect(toApiError(serverError(503, '<html>')).code).toBe('NETWORK_ERROR');
    expect(toApiError(serverError(500, 'oops')).code).toBe('INTERNAL_SERVER_ERROR');
    expect(toApiError(new Error('boom')).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('treats an error without a code as internal', () => {
    const error = toApiError(graphqlError('X', {}));
    expect(error.code).toBe('X');
    const noCode = toApiError(
      graphqlError('ignored', { code: undefined as unknown as string }),
    );
    expect(noCode.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('errorMessageKey', () => {
  it.each([
    ['INVALID_CREDENTIALS', 'errors.invalidCredentials'],
    ['RATE_LIMITED', 'errors.rateLimited'],
    ['BAD_USER_INPUT', 'errors.badUserInput'],
    ['LINK_EXPIRED', 'errors.linkInvalid'],
    ['LINK_INVALID', 'errors.linkInvalid'],
    ['NETWORK_ERROR', 'errors.network'],
    ['PASSWORD_CHANGE_REQUIRED', 'errors.passwordChangeRequired'],
    ['INVALID_CODE', 'errors.invalidCode'],
    ['REAUTHENTICATION_REQUIRED', 'errors.reauthenticationRequired'],
    ['TWO_FACTOR_SETUP_REQUIRED', 'errors.twoFactorSetupRequired'],
    ['INTERNAL_SERVER_ERROR', 'errors.generic'],
    ['SOMETHING_NEW', 'errors.generic'],
  ])('%s → %s', (code, key) => {
    expect(errorMessageKey(code)).toBe(key);
  });

  it('lets a screen override a code', () => {
    expect(errorMessageKey('INVALID_CREDENTIALS', { INVALID_CREDENTIALS: 'errors.wrongCurrentPassword' })).toBe(
      'errors.wrongCurrentPassword',
    );
  });
});

describe('fieldErrorKey', () => {
  it.each([
    ['INVALID_MOBILE_NUMBER', 'fieldErrors.INVALID_MOBILE_NUMBER'],
    ['EMAIL_TAKEN', 'fieldErrors.EMAIL_TAKEN'],
    ['INVALID_EMAIL', 'fieldErrors.INVALID_EMAIL'],
    ['REQUIRED', 'fieldErrors.REQUIRED'],
    ['displayName must be shorter than or equal to 200 characters', 'common.fieldInvalid'],
    [true, 'common.fieldInvalid'],
  ])('%s → %s', (message, key) => {
    expect(fieldErrorKey(message)).toBe(key);
  });
});

describe('describeError', () => {
  it('lists translated password reasons, unknown ones as the general policy text', () => {
    const ui = describeError(
      toApiError(graphqlError('PASSWORD_POLICY', { reasons: ['BLOCKLISTED', 'SAME_AS_CURRENT', 'WEIRD'] })),
    );
    expect(ui).toEqual({
      key: 'password.rejected',
      reasons: ['password.reasons.BLOCKLISTED', 'password.reasons.SAME_AS_CURRENT', 'errors.passwordPolicy'],
    });
  });

  it('uses the plain message when a policy error has no reasons', () => {
    expect(describeError(toApiError(graphqlError('PASSWORD_POLICY')))).toEqual({
      key: 'errors.passwordPolicy',
      reasons: [],
    });
  });
});
