import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  EmbeddedJWK,
  base64url,
  calculateJwkThumbprint,
  decodeProtectedHeader,
  jwtVerify,
} from 'jose';
import {
  REFRESH_URL,
  authOf,
  isHttpError,
  nextRequests,
  record,
  setup,
  until,
} from '../spec/spec-helpers';
import { SessionExpiredError, dpopProof, skipToken, withDpop } from './public-api';

const TOKEN_URL = 'https://auth.example.com/oauth/token';
const API = 'https://api.example.com';

describe('withDpop(): DPoP-bound tokens (RFC 9449)', () => {
  let storageKey: string;
  beforeEach(() => (storageKey = `dpop-spec-${Math.random().toString(36).slice(2)}`));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  /** The real setup with DPoP on, a key of its own, and the API origin allowed. */
  function setupDpop(options: Parameters<typeof setup>[0] = {}) {
    return setup({ storageKey, allowedOrigins: [API], ...options }, [], [withDpop()]);
  }

  it('withDpop: a request with a DPoP token carries `Authorization: DPoP` and a proof of htm, htu, iat, jti and ath', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const before = Math.floor(Date.now() / 1000);
    const outcome = record(http.post(`${API}/items/7?sort=asc#top`, {}));

    const request = await nextRequest(backend, `${API}/items/7?sort=asc#top`);
    expect(authOf(request)).toBe('DPoP T1');
    const proof = await verifyProof(request);
    expect(proof.header.typ).toBe('dpop+jwt');
    expect(proof.header.alg).toBe('ES256');
    expect(Object.keys(proof.header.jwk!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(proof.payload['htm']).toBe('POST');
    expect(proof.payload['htu']).toBe(`${API}/items/7`);
    expect(proof.payload['iat']).toBeGreaterThanOrEqual(before - 1);
    expect(proof.payload['ath']).toBe(await sha256('T1'));
    expect(proof.payload['jti']).toEqual(jasmine.any(String));
    expect(proof.payload['nonce']).toBeUndefined();
    request.flush({ id: 7 });
    expect(outcome.values).toEqual([{ id: 7 }]);
  });

  it('withDpop: every request gets a fresh proof (its own jti) from the same key', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'DPoP' });
    http.get('/api/a').subscribe();
    const first = await verifyProof(await nextRequest(backend, '/api/a'));
    http.get('/api/a').subscribe();
    const second = await verifyProof(await nextRequest(backend, '/api/a'));
    expect(second.payload['jti']).not.toBe(first.payload['jti']);
    expect(await thumbprint(second)).toBe(await thumbprint(first));
    expect(second.payload['htu']).toBe(`${location.origin}/api/a`);
  });

  it('withDpop: a token the server issued as Bearer goes as Bearer, still with a proof', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'Bearer' });
    http.get('/api/me').subscribe();
    const request = await nextRequest(backend, '/api/me');
    expect(authOf(request)).toBe('Bearer T1');
    expect((await verifyProof(request)).payload['ath']).toBe(await sha256('T1'));
  });

  it('withDpop: origins that are not allowed, skipToken() and anonymous requests get no proof', () => {
    const { http, backend, tokens } = setupDpop();
    http.get('/api/public').subscribe();
    expect(backend.expectOne('/api/public').request.headers.has('DPoP')).toBeFalse();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'DPoP' });
    http.get('https://evil.example/steal').subscribe();
    http.get('/api/config', { context: skipToken() }).subscribe();
    for (const url of ['https://evil.example/steal', '/api/config']) {
      const request = backend.expectOne(url);
      expect(request.request.headers.has('DPoP')).withContext(url).toBeFalse();
      expect(authOf(request)).withContext(url).toBeNull();
    }
  });

  it('dpopProof(): the login call carries a proof without ath and no token; its DPoP tokens are used as such', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'OLD', tokenType: 'DPoP' });
    http
      .post<{ accessToken: string; tokenType: string }>(
        '/api/auth/login',
        {},
        { context: dpopProof() },
      )
      .subscribe((body) => tokens.setTokens(body));
    const login = await nextRequest(backend, '/api/auth/login');
    expect(authOf(login)).toBeNull();
    const proof = await verifyProof(login);
    expect(proof.payload['ath']).toBeUndefined();
    expect(proof.payload['htm']).toBe('POST');
    login.flush({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });

    http.get('/api/me').subscribe();
    const me = await nextRequest(backend, '/api/me');
    expect(authOf(me)).toBe('DPoP T1');
    expect(await thumbprint(await verifyProof(me))).toBe(await thumbprint(proof));
  });

  it('dpopProof() without withDpop() goes out like skipToken(): no proof, no token', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1' });
    http.post('/api/auth/login', {}, { context: dpopProof() }).subscribe();
    const login = backend.expectOne('/api/auth/login');
    expect(login.request.headers.has('DPoP')).toBeFalse();
    expect(authOf(login)).toBeNull();
  });

  it('withDpop: the refresh call carries a proof of the same key, and the refreshed token type is kept', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const outcome = record(http.get('/api/me'));
    const first = await nextRequest(backend, '/api/me');
    const key = await thumbprint(await verifyProof(first));
    first.flush({ error: 'invalid_token' }, { status: 401, statusText: 'Unauthorized' });

    const refresh = await nextRequest(backend, REFRESH_URL);
    expect(authOf(refresh)).toBeNull();
    const proof = await verifyProof(refresh);
    expect(proof.payload['htu']).toBe(`${location.origin}${REFRESH_URL}`);
    expect(proof.payload['ath']).toBeUndefined();
    expect(await thumbprint(proof)).toBe(key);
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' }); // no type: the previous one stays

    const retry = await nextRequest(backend, '/api/me');
    expect(authOf(retry)).toBe('DPoP T2');
    expect((await verifyProof(retry)).payload['ath']).toBe(await sha256('T2'));
    retry.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
  });

  it('withDpop + tokenEndpoint: the refresh grant carries a proof and token_type DPoP is used', async () => {
    const { http, backend, tokens } = setupDpop({
      tokenEndpoint: { url: TOKEN_URL, clientId: 'spa' },
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    tokens.refresh().subscribe();
    const refresh = await nextRequest(backend, TOKEN_URL);
    expect((await verifyProof(refresh)).payload['htu']).toBe(TOKEN_URL);
    refresh.flush({ access_token: 'T2', refresh_token: 'R2', token_type: 'DPoP', expires_in: 60 });
    http.get(`${API}/me`).subscribe();
    expect(authOf(await nextRequest(backend, `${API}/me`))).toBe('DPoP T2');
  });

  it('withDpop: a resource 401 use_dpop_nonce is repeated once with its nonce, without a refresh', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const outcome = record(http.get('/api/me'));
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
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const outcome = record(http.get('/api/me'));
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-1');
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-2');
    await until(() => outcome.error !== undefined, 'the error');
    expect(isHttpError(outcome.error, 401)).toBeTrue();
    expect(backend.match(() => true)).toEqual([]);
    expect(tokens.accessToken()).toBe('T1');
    expect(tokens.status()).toBe('authenticated');
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
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    const outcome = record(http.get('/api/me'));
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

  it('withDpop: clear() replaces the key, so proofs after logout come from another key', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'DPoP' });
    http.get('/api/me').subscribe();
    const before = await thumbprint(await verifyProof(await nextRequest(backend, '/api/me')));
    tokens.clear();
    http.post('/api/auth/login', {}, { context: dpopProof() }).subscribe();
    const after = await thumbprint(
      await verifyProof(await nextRequest(backend, '/api/auth/login')),
    );
    expect(after).not.toBe(before);
  });

  it('withDpop: the token type is stored with the tokens, so a reload sends DPoP again', async () => {
    const first = setupDpop({ storage: 'session' });
    first.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
    TestBed.resetTestingModule();
    const { http, backend } = setupDpop({ storage: 'session' });
    http.get('/api/me').subscribe();
    expect(authOf(await nextRequest(backend, '/api/me'))).toBe('DPoP T1');
    sessionStorage.clear();
  });
});

/** The one request to `url` (sent after its proof is signed, so asynchronously). */
async function nextRequest(backend: HttpTestingController, url: string): Promise<TestRequest> {
  const [request] = await nextRequests([backend], url);
  return request;
}

/** Verifies the request's DPoP proof with the public key it carries, and returns it. */
async function verifyProof(request: TestRequest) {
  const proof = request.request.headers.get('DPoP');
  if (!proof) throw new Error(`no DPoP proof on ${request.request.url}`);
  const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt' });
  return { header: decodeProtectedHeader(proof), payload };
}

async function thumbprint(proof: Awaited<ReturnType<typeof verifyProof>>): Promise<string> {
  return calculateJwkThumbprint(proof.header.jwk!);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest));
}

function nonceChallenge(request: TestRequest, nonce: string): void {
  request.flush(
    { error: 'use_dpop_nonce' },
    {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce"', 'DPoP-Nonce': nonce },
    },
  );
}
