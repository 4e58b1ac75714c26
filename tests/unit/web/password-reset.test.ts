import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoError, confirmForgotPassword, forgotPassword } from '../../../web/src/auth/cognito-client';
import { confirmProblems, requestProblems, resetFailure } from '../../../web/src/features/sign-in/password-reset';

/** A forgotten password, Cognito's way: the two calls, what each step needs, refusals in kinds, the address never revealed. */
const settings = { endpoint: 'https://cognito.example/', clientId: 'client-1' };

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/x-amz-json-1.1' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const sent = (fetch: ReturnType<typeof stubFetch>) => {
  const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
  return { url, target: (init.headers as Record<string, string>)['X-Amz-Target'], body: JSON.parse(String(init.body)) as unknown };
};

describe('the Cognito calls', () => {
  it('asks for a code with ForgotPassword', async () => {
    const fetch = stubFetch(200, { CodeDeliveryDetails: { Destination: 'a***@e***' } });
    await forgotPassword(settings, 'anna@example.com');
    expect(sent(fetch)).toEqual({ url: settings.endpoint, target: 'AWSCognitoIdentityProviderService.ForgotPassword', body: { ClientId: 'client-1', Username: 'anna@example.com' } });
  });

  it('sets the new password with the code by ConfirmForgotPassword', async () => {
    const fetch = stubFetch(200, {});
    await confirmForgotPassword(settings, 'anna@example.com', '123456', 'N3w-Passw0rd!');
    expect(sent(fetch)).toEqual({
      url: settings.endpoint,
      target: 'AWSCognitoIdentityProviderService.ConfirmForgotPassword',
      body: { ClientId: 'client-1', Username: 'anna@example.com', ConfirmationCode: '123456', Password: 'N3w-Passw0rd!' },
    });
  });

  it('throws Cognito’s refusal by its exception name', async () => {
    stubFetch(400, { __type: 'CodeMismatchException', message: 'Invalid verification code provided' });
    await expect(confirmForgotPassword(settings, 'a@b.c', '1', 'x')).rejects.toMatchObject({ type: 'CodeMismatchException' });
  });
});

describe('refusals', () => {
  const failure = (type: string, step: 'request' | 'confirm') => resetFailure(new CognitoError(type, type), step);

  it('say wrong, expired, weak, too often, network', () => {
    expect(failure('CodeMismatchException', 'confirm')).toBe('codeMismatch');
    expect(failure('ExpiredCodeException', 'confirm')).toBe('expiredCode');
    expect(failure('InvalidPasswordException', 'confirm')).toBe('invalidPassword');
    expect(failure('LimitExceededException', 'request')).toBe('tooManyAttempts');
    expect(failure('NetworkError', 'request')).toBe('network');
    expect(failure('NotAuthorizedException', 'request')).toBe('cannotReset');
    expect(failure('SomethingNew', 'confirm')).toBe('failed');
    expect(resetFailure(new Error('boom'), 'request')).toBe('failed');
  });

  it('never tell whether the address is registered', () => {
    expect(failure('UserNotFoundException', 'request')).toBeUndefined();
    expect(failure('InvalidParameterException', 'request')).toBeUndefined();
    expect(failure('UserNotFoundException', 'confirm')).toBe('codeMismatch');
  });
});

describe('each step needs', () => {
  it('an address, then a code and the same new password twice', () => {
    expect(requestProblems('  ')).toEqual({ email: 'emailRequired' });
    expect(requestProblems('anna@example.com')).toEqual({});
    expect(confirmProblems({ code: ' ', password: '', confirm: '' })).toEqual({ code: 'codeRequired', password: 'passwordRequired' });
    expect(confirmProblems({ code: '123456', password: 'a', confirm: 'b' })).toEqual({ confirm: 'passwordsDiffer' });
    expect(confirmProblems({ code: '123456', password: 'a', confirm: 'a' })).toEqual({});
  });
});
