import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { readRefreshResponse } from './refresh-response';

describe('readRefreshResponse', () => {
  it('readRefreshResponse() reads camelCase fields', () => {
    expect(readRefreshResponse({ accessToken: 'A1', refreshToken: 'R1', expiresIn: 300 })).toEqual({
      accessToken: 'A1',
      refreshToken: 'R1',
      expiresIn: 300,
    });
  });

  it('readRefreshResponse() reads snake_case fields', () => {
    expect(
      readRefreshResponse({
        access_token: 'A1',
        refresh_token: 'R1',
        expires_in: 300,
        token_type: 'Bearer',
      }),
    ).toEqual({ accessToken: 'A1', refreshToken: 'R1', expiresIn: 300, tokenType: 'Bearer' });
  });

  it('readRefreshResponse() reads tokenType (camelCase first) and leaves it out when it is not text', () => {
    expect(
      readRefreshResponse({ accessToken: 'A1', tokenType: 'DPoP', token_type: 'Bearer' }),
    ).toEqual({ accessToken: 'A1', refreshToken: null, tokenType: 'DPoP' });
    expect(readRefreshResponse({ accessToken: 'A1', token_type: 7 })).toEqual({
      accessToken: 'A1',
      refreshToken: null,
    });
  });

  it('readRefreshResponse() prefers the camelCase field when both are present', () => {
    const body = {
      accessToken: 'camel-A',
      access_token: 'snake-A',
      refreshToken: 'camel-R',
      refresh_token: 'snake-R',
      expiresIn: 60,
      expires_in: 120,
    };
    expect(readRefreshResponse(body)).toEqual({
      accessToken: 'camel-A',
      refreshToken: 'camel-R',
      expiresIn: 60,
    });
  });

  it('readRefreshResponse() takes the snake_case field when the camelCase one is empty or not text', () => {
    expect(
      readRefreshResponse({
        accessToken: '',
        access_token: 'snake-A',
        refreshToken: null,
        refresh_token: 'snake-R',
      }),
    ).toEqual({ accessToken: 'snake-A', refreshToken: 'snake-R' });
    expect(readRefreshResponse({ accessToken: 42, access_token: 'snake-A' }).accessToken).toBe(
      'snake-A',
    );
  });

  it('readRefreshResponse() gives a null refresh token when the server did not rotate it', () => {
    const noRotation: Record<string, object> = {
      absent: {},
      null: { refreshToken: null },
      'an empty string': { refreshToken: '' },
      'a number': { refreshToken: 42 },
      'an object': { refresh_token: { value: 'R' } },
    };
    for (const [name, fields] of Object.entries(noRotation)) {
      expect(readRefreshResponse({ accessToken: 'A1', ...fields }))
        .withContext(name)
        .toEqual({ accessToken: 'A1', refreshToken: null });
    }
  });

  it('readRefreshResponse() reads expiresIn as a number or a numeric string', () => {
    expect(readRefreshResponse({ accessToken: 'A', expiresIn: 90 }).expiresIn).toBe(90);
    expect(readRefreshResponse({ accessToken: 'A', expiresIn: 0.5 }).expiresIn).toBe(0.5);
    expect(readRefreshResponse({ accessToken: 'A', expiresIn: '90' }).expiresIn).toBe(90);
    expect(readRefreshResponse({ access_token: 'A', expires_in: ' 3600 ' }).expiresIn).toBe(3600);
  });

  it('readRefreshResponse() leaves out an expiresIn that is not a positive number', () => {
    for (const expiresIn of [0, -60, NaN, Infinity, '', 'soon', '-5', null, true, {}, [60]]) {
      expect(readRefreshResponse({ accessToken: 'A', expiresIn }))
        .withContext(JSON.stringify(expiresIn) ?? String(expiresIn))
        .toEqual({ accessToken: 'A', refreshToken: null });
    }
  });

  it('readRefreshResponse() rejects a body that is not a JSON object', () => {
    const bodies: Record<string, unknown> = {
      null: null,
      undefined: undefined,
      'a string': 'A1',
      'an empty string': '',
      'a number': 200,
      'a boolean': true,
      'an array': [{ accessToken: 'A1' }],
      'an empty array': [],
    };
    for (const [name, body] of Object.entries(bodies)) {
      expect(() => readRefreshResponse(body))
        .withContext(name)
        .toThrowMatching((error) => isInvalidResponse(error, 'JSON object'));
    }
  });

  it('readRefreshResponse() rejects a missing, empty or non-string access token', () => {
    const bodies: Record<string, unknown> = {
      'no access token': { refreshToken: 'R1' },
      'an empty string': { accessToken: '' },
      'only whitespace': { access_token: ' \t\n' },
      null: { accessToken: null, refreshToken: 'R1' },
      'a number': { accessToken: 12345 },
      'an array': { accessToken: ['A1'] },
      'an object': { accessToken: { value: 'A1' } },
    };
    for (const [name, body] of Object.entries(bodies)) {
      expect(() => readRefreshResponse(body))
        .withContext(name)
        .toThrowMatching((error) => isInvalidResponse(error, 'accessToken'));
    }
  });

  it('readRefreshResponse() says in its message what came instead (the camelCase field first)', () => {
    const bodies: [unknown, string][] = [
      [[{ accessToken: 'A1' }], 'got an array'],
      [{ accessToken: ['A1'] }, 'got an array'],
      [{ accessToken: 12345 }, 'got number'],
      [{ access_token: 42 }, 'got number'],
      [{ accessToken: '', access_token: 0 }, 'got an empty string'],
      [{ refreshToken: 'R1' }, 'got undefined'],
    ];
    for (const [body, what] of bodies) {
      expect(() => readRefreshResponse(body))
        .withContext(JSON.stringify(body))
        .toThrowMatching((error) => isInvalidResponse(error, what));
    }
  });

  it('readRefreshResponse() never puts a token into the error message', () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2ln';
    const bodies: unknown[] = [
      secret,
      [secret],
      { accessToken: '', refreshToken: secret },
      { accessToken: [secret] },
      { accessToken: { token: secret } },
      { access_token: 42, refresh_token: secret, id_token: secret },
    ];
    for (const body of bodies) {
      let message = '';
      try {
        readRefreshResponse(body);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).withContext(JSON.stringify(body)).not.toBe('');
      expect(message).withContext(JSON.stringify(body)).not.toContain(secret);
      expect(message).withContext(JSON.stringify(body)).not.toContain('c2VjcmV0');
    }
  });
});

/** Whether `error` is an `InvalidRefreshResponseError` whose message mentions `what`. */
function isInvalidResponse(error: unknown, what: string): boolean {
  return error instanceof InvalidRefreshResponseError && error.message.includes(what);
}
