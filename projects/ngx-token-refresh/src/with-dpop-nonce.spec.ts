import {
  API,
  TOKEN_URL,
  expectFailedKeepingSession,
  getMeSignedIn,
  nextRequest,
  nonceChallenge,
  useDpop,
  verifyProof,
} from '../spec/dpop-helpers';
import {
  REFRESH_URL,
  authOf,
  isHttpError,
  record,
  unauthorized,
  until,
} from '../spec/spec-helpers';
import { SessionExpiredError, dpopProof } from './public-api';

describe('withDpop(): DPoP nonces (RFC 9449, section 8)', () => {
  const setupDpop = useDpop();

  it('withDpop: a resource 401 use_dpop_nonce is repeated once with its nonce, without a refresh', async () => {
    const { backend, outcome } = getMeSignedIn(setupDpop);
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-1');

    const repeat = await nextRequest(backend, '/api/me');
    expect(authOf(repeat)).toBe('DPoP T1');
    expect((await verifyProof(repeat)).payload['nonce']).toBe('n-1');
    repeat.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
    expect(backend.match(REFRESH_URL)).toEqual([]);
  });

  it('withDpop: a token endpoint 400 use_dpop_nonce is repeated once with its nonce', async () => {
    const { backend, tokens } = setupDpop({ tokenEndpoint: { url: TOKEN_URL, clientId: 'spa' } });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const refreshed = record(tokens.refresh());
    const first = await nextRequest(backend, TOKEN_URL);
    first.flush(
      { error: 'use_dpop_nonce', error_description: 'nonce required' },
      { status: 400, statusText: 'Bad Request', headers: { 'DPoP-Nonce': 'n-7' } },
    );
    const repeat = await nextRequest(backend, TOKEN_URL);
    expect((await verifyProof(repeat)).payload['nonce']).toBe('n-7');
    repeat.flush({ access_token: 'T2', token_type: 'DPoP' });
    expect(refreshed.values).toEqual(['T2']);
    expect(tokens.status()).toBe('authenticated');
  });

  it('withDpop: a server that keeps demanding nonces gets one repeat, then its error reaches the caller (no loop, no refresh)', async () => {
    const { backend, tokens, outcome } = getMeSignedIn(setupDpop);
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-1');
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-2');
    await expectFailedKeepingSession({ backend, tokens }, outcome, 'T1');
  });

  it('withDpop: a refresh whose token endpoint keeps demanding nonces fails transiently and keeps the session', async () => {
    const { backend, tokens } = setupDpop({ tokenEndpoint: { url: TOKEN_URL, clientId: 'spa' } });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const refreshed = record(tokens.refresh());
    for (const nonce of ['n-1', 'n-2']) {
      (await nextRequest(backend, TOKEN_URL)).flush(
        { error: 'use_dpop_nonce' },
        { status: 400, statusText: 'Bad Request', headers: { 'DPoP-Nonce': nonce } },
      );
    }
    await until(() => refreshed.error !== undefined, 'the error');
    expect(isHttpError(refreshed.error, 400)).toBeTrue();
    expect(refreshed.error).not.toEqual(jasmine.any(SessionExpiredError));
    expect(tokens.status()).toBe('authenticated');
    expect(backend.match(() => true)).toEqual([]);
  });

  it('withDpop: a nonce repeat and the 401 refresh retry each happen once for one request', async () => {
    const { backend, outcome } = getMeSignedIn(setupDpop);
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-1');
    (await nextRequest(backend, '/api/me')).flush(
      { error: 'invalid_token' },
      {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'WWW-Authenticate': 'DPoP error="invalid_token"' },
      },
    );
    const refresh = await nextRequest(backend, REFRESH_URL);
    // The same origin's nonce, from the challenge.
    expect((await verifyProof(refresh)).payload['nonce']).toBe('n-1');
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2', tokenType: 'DPoP' });
    const retry = await nextRequest(backend, '/api/me');
    expect(authOf(retry)).toBe('DPoP T2');
    retry.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
  });

  it('withDpop: the nonce of every DPoP-Nonce answer is kept per origin', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'DPoP' });
    http.get(`${API}/a`).subscribe();
    (await nextRequest(backend, `${API}/a`)).flush({}, { headers: { 'DPoP-Nonce': 'api-1' } });
    http.get(`${API}/b`).subscribe();
    http.get('/api/c').subscribe();
    const b = await nextRequest(backend, `${API}/b`);
    const c = await nextRequest(backend, '/api/c');
    expect((await verifyProof(b)).payload['nonce']).toBe('api-1');
    expect((await verifyProof(c)).payload['nonce']).toBeUndefined();
    b.flush({}, { headers: { 'DPoP-Nonce': 'api-2' } });
    c.flush({});
    http.get(`${API}/d`).subscribe();
    expect((await verifyProof(await nextRequest(backend, `${API}/d`))).payload['nonce']).toBe(
      'api-2',
    );
  });

  it('withDpop: a nonce challenge whose error is unquoted (error=use_dpop_nonce) is repeated once too', async () => {
    const { backend, outcome } = getMeSignedIn(setupDpop);
    unauthorized(await nextRequest(backend, '/api/me'), {
      'WWW-Authenticate': 'DPoP error=use_dpop_nonce',
      'DPoP-Nonce': 'n-1',
    });
    const repeat = await nextRequest(backend, '/api/me');
    expect((await verifyProof(repeat)).payload['nonce']).toBe('n-1');
    repeat.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
  });

  it('withDpop: only a 401 is a resource nonce challenge: a 403 naming use_dpop_nonce reaches the caller as it is', async () => {
    const { backend, tokens, outcome } = getMeSignedIn(setupDpop);
    (await nextRequest(backend, '/api/me')).flush(
      { error: 'use_dpop_nonce' },
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce"', 'DPoP-Nonce': 'n-1' },
      },
    );
    await until(() => outcome.error !== undefined, 'the error');
    expect(isHttpError(outcome.error, 403)).toBeTrue();
    expect(backend.match(() => true)).toEqual([]);
    expect(tokens.accessToken()).toBe('T1');
  });

  it('withDpop: a 400 use_dpop_nonce read as text (responseType text) is repeated once with its nonce', async () => {
    const { http, backend } = setupDpop();
    const login = record(
      http.post('/api/auth/login', {}, { context: dpopProof(), responseType: 'text' }),
    );
    (await nextRequest(backend, '/api/auth/login')).flush('{"error":"use_dpop_nonce"}', {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'DPoP-Nonce': 'n-1' },
    });
    const repeat = await nextRequest(backend, '/api/auth/login');
    expect((await verifyProof(repeat)).payload['nonce']).toBe('n-1');
    repeat.flush('{"access_token":"T1"}');
    expect(login.values).toEqual(['{"access_token":"T1"}']);
  });
});
