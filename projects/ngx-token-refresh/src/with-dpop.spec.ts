import { TestBed } from '@angular/core/testing';
import {
  API,
  TOKEN_URL,
  getMeSignedIn,
  nextRequest,
  sha256,
  thumbprint,
  useDpop,
  verifyProof,
} from '../spec/dpop-helpers';
import { REFRESH_URL, authOf, record, setup } from '../spec/spec-helpers';
import { dpopProof, skipToken } from './public-api';

// Nonces: with-dpop-nonce.spec.ts.
describe('withDpop(): DPoP-bound tokens (RFC 9449)', () => {
  const setupDpop = useDpop();

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

  it('withDpop: a token_type in any case (`dpop`) goes as `Authorization: DPoP`', async () => {
    const { http, backend, tokens } = setupDpop();
    tokens.setTokens({ accessToken: 'T1', tokenType: 'dpop' });
    http.get('/api/me').subscribe();
    expect(authOf(await nextRequest(backend, '/api/me'))).toBe('DPoP T1');
  });

  it('withDpop: a Bearer token goes under the configured headerName and authScheme, beside its proof', async () => {
    const { http, backend, tokens } = setupDpop({
      headerName: 'X-Access-Token',
      authScheme: 'Token',
    });
    tokens.setTokens({ accessToken: 'T1', tokenType: 'Bearer' });
    http.get('/api/me').subscribe();
    const request = await nextRequest(backend, '/api/me');
    expect(request.request.headers.get('X-Access-Token')).toBe('Token T1');
    expect(authOf(request)).toBeNull();
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
    const { backend, outcome } = getMeSignedIn(setupDpop);
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
