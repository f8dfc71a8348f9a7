import { HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  REFRESH_URL,
  flushRefresh,
  isHttpError,
  isOpen,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';

// README, "Tokens for WebSocket, EventSource and fetch": validAccessToken() waits for a refresh in
// flight and refreshes a token about to expire, just as a request would; null without a session.
describe('TokenService.validAccessToken()', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('validAccessToken() emits null without a session, and sends nothing', () => {
    const { tokens } = setup({ leewaySeconds: 30 });
    const outcome = record(tokens.validAccessToken());
    expect(outcome.values).toEqual([null]);
    expect(outcome.completed).toBeTrue();
  });

  it('validAccessToken() emits a valid token as it is, without refreshing', () => {
    const { tokens } = setup({ leewaySeconds: 30 });
    const token = jwtExpiringIn(3600);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    const outcome = record(tokens.validAccessToken());
    expect(outcome.values).toEqual([token]);
    expect(outcome.completed).toBeTrue();
  });

  it('validAccessToken() refreshes a token within leewaySeconds of exp once, then emits the new one', () => {
    const { backend, tokens } = setup({ leewaySeconds: 30 });
    tokens.setTokens({ accessToken: jwtExpiringIn(20, 'old'), refreshToken: 'R1' });
    const fresh = jwtExpiringIn(3600, 'fresh');
    const outcome = record(tokens.validAccessToken());
    expect(isOpen(outcome)).withContext('waits for the refresh').toBeTrue();
    const refresh = flushRefresh(backend, { accessToken: fresh, refreshToken: 'R2' });
    expect(refresh.request.body).toEqual({ refreshToken: 'R1' });
    expect(outcome.values).toEqual([fresh]);
    expect(outcome.completed).toBeTrue();
    expect(tokens.accessToken()).toBe(fresh);
  });

  it('validAccessToken() joins a refresh already in flight: one refresh call, the new token', () => {
    const { backend, tokens } = setup({ leewaySeconds: 30 });
    tokens.setTokens({ accessToken: jwtExpiringIn(3600, 'valid'), refreshToken: 'R1' });
    const started = record(tokens.refresh());
    const joined = [record(tokens.validAccessToken()), record(tokens.validAccessToken())];
    expect(joined.map(isOpen)).withContext('wait for the refresh in flight').toEqual([true, true]);
    flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
    expect(started.values).toEqual(['T2']);
    expect(joined.map((outcome) => outcome.values)).toEqual([['T2'], ['T2']]);
    backend.expectNone(REFRESH_URL);
  });

  it('validAccessToken() emits the old token, not yet expired, when its refresh fails with a 500', () => {
    const { backend, tokens } = setup({ leewaySeconds: 30 });
    const token = jwtExpiringIn(20);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    const outcome = record(tokens.validAccessToken());
    backend.expectOne(REFRESH_URL).flush('boom', { status: 500, statusText: 'Server Error' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.values).toEqual([token]);
    expect(outcome.completed).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
  });

  it('validAccessToken() fails with the refresh error when the token has expired already', () => {
    const { backend, tokens } = setup({ leewaySeconds: 30 });
    tokens.setTokens({ accessToken: jwtExpiringIn(-5), refreshToken: 'R1' });
    const outcome = record(tokens.validAccessToken());
    backend.expectOne(REFRESH_URL).flush('boom', { status: 500, statusText: 'Server Error' });
    expect(outcome.values).toEqual([]);
    expect(isHttpError(outcome.error, 500)).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
  });

  it('validAccessToken() fails with the refresh error when the server rejected the token (a 401)', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    const token = jwtExpiringIn(3600);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    const request = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    const outcome = record(tokens.validAccessToken());
    backend.expectOne(REFRESH_URL).flush('boom', { status: 500, statusText: 'Server Error' });
    expect(outcome.values).toEqual([]);
    expect(isHttpError(outcome.error, 500)).toBeTrue();
    expect((request.error as HttpErrorResponse).status).toBe(500);
  });
});
