import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import {
  REFRESH_URL,
  expectSentAfterRefresh,
  flushRefresh,
  isHttpError,
  jwtExpiringIn,
  record,
  reload,
  setup,
  unauthorized,
} from '../spec/spec-helpers';

describe('TokenService refresh: what the refresh receives and what the session keeps', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  it('refreshTokenInCookie: calls the refresh option with null, as there is no refresh token to send', () => {
    const refresh = jasmine.createSpy('refresh').and.returnValue(of({ accessToken: 'T2' }));
    const { tokens } = setup({ refresh, refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    expect(record(tokens.refresh()).values).toEqual(['T2']);
    expect(refresh).toHaveBeenCalledOnceWith(null);
  });

  it('keeps the token type a refresh answer brings, over the one of the sign-in', () => {
    const { backend, tokens } = setup({ storage: 'local' });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'Bearer' });
    record(tokens.refresh());
    flushRefresh(backend, { access_token: 'T2', token_type: 'DPoP' });
    expect(JSON.parse(localStorage.getItem('ngx-token-refresh')!)).toEqual({
      accessToken: 'T2',
      refreshToken: 'R1',
      expiresAt: null,
      tokenType: 'DPoP',
    });
  });

  it('refreshes a stored token within leewaySeconds of exp before the first request after a reload', () => {
    const options = { storage: 'local' as const, leewaySeconds: 30 };
    setup(options).tokens.setTokens({ accessToken: jwtExpiringIn(20), refreshToken: 'R1' });
    const { http, backend } = reload(options);
    expectSentAfterRefresh(http, backend);
  });

  it('a stale 401 during a proactive refresh leaves the current token usable after a transient failure', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    tokens.setTokens({ accessToken: 'T0', refreshToken: 'R0' });
    const slow = record(http.get('/api/slow'));
    const slowFirst = backend.expectOne('/api/slow');
    const current = jwtExpiringIn(20, 'current');
    tokens.setTokens({ accessToken: current, refreshToken: 'R1' });
    const valid = record(tokens.validAccessToken());
    unauthorized(slowFirst);
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Down' });
    expect(valid.values).toEqual([current]);
    expect(isHttpError(slow.error, 503)).toBeTrue();
  });
});
