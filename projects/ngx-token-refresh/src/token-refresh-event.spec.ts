import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { throwError } from 'rxjs';
import {
  REFRESH_URL,
  flushRefresh,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import { InvalidRefreshResponseError, SessionExpiredError, TokenRefreshEvent } from './public-api';

describe('TokenService.events', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reports a 401 retried once after a refresh, with method and URL without query', () => {
    const { http, backend, tokens } = setup();
    const events = collect(tokens.events);
    tokens.setTokens({ accessToken: 'OLD', refreshToken: 'R1' });
    http.post('/api/orders?draft=1#top', { item: 1 }).subscribe();
    unauthorized(backend.expectOne('/api/orders?draft=1#top'));
    const fresh = jwtExpiringIn(600);
    flushRefresh(backend, { accessToken: fresh, refreshToken: 'R2' });
    backend.expectOne('/api/orders?draft=1#top').flush({ ok: true });

    expect(events).toEqual([
      { type: 'refreshed', expiresAt: tokens.expiresAt() },
      { type: 'request-retried', method: 'POST', url: '/api/orders' },
    ]);
    expect(JSON.stringify(events)).not.toContain(fresh);
  });

  it('reports a transient refresh failure with its HTTP status, or null without one', () => {
    const { backend, tokens } = setup();
    const events = collect(tokens.events);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    record(tokens.refresh());
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    record(tokens.refresh());
    backend.expectOne(REFRESH_URL).error(new ProgressEvent('error'));
    record(tokens.refresh());
    backend.expectOne(REFRESH_URL).flush({ unexpected: true });

    expect(events).toEqual([
      { type: 'refresh-failed', status: 503 },
      { type: 'refresh-failed', status: 0 },
      { type: 'refresh-failed', status: null },
    ]);
    expect(tokens.status()).toBe('authenticated');
  });

  it('reports the end of the session with its reason: rejected refresh, rejected retry, logout', () => {
    const { http, backend, tokens } = setup();
    const events = collect(tokens.events);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    record(tokens.refresh());
    backend.expectOne(REFRESH_URL).flush({ error: 'invalid_grant' }, badRequest);

    tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    http.get('/api/a').subscribe({ error: () => undefined });
    unauthorized(backend.expectOne('/api/a'));
    flushRefresh(backend, { accessToken: 'T3' });
    unauthorized(backend.expectOne('/api/a'));

    tokens.setTokens({ accessToken: 'T4', refreshToken: 'R4' });
    tokens.clear();
    tokens.clear(); // no session left: nothing more to report

    expect(events.filter((event) => event.type === 'session-ended')).toEqual([
      { type: 'session-ended', reason: 'refresh-rejected' },
      { type: 'session-ended', reason: 'retry-rejected' },
      { type: 'session-ended', reason: 'logout' },
    ]);
    for (const token of ['T1', 'T2', 'T3', 'T4', 'R1', 'R2', 'R4']) {
      expect(JSON.stringify(events)).not.toContain(`"${token}"`);
    }
  });

  it('reports a refresh function that fails without an HTTP answer as status null', () => {
    const { tokens } = setup({
      refresh: () => throwError(() => new InvalidRefreshResponseError('no body')),
    });
    const events = collect(tokens.events);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    record(tokens.refresh());
    expect(events).toEqual([{ type: 'refresh-failed', status: null }]);
  });

  it('reports a rejected refresh only as the end of the session, not also as a failed refresh', () => {
    const { backend, tokens } = setup();
    const events = collect(tokens.events);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    record(tokens.refresh());
    unauthorized(backend.expectOne(REFRESH_URL));
    expect(events).toEqual([{ type: 'session-ended', reason: 'refresh-rejected' }]);
  });

  it('reports nothing when refresh() finds no session to refresh', () => {
    const { backend, tokens } = setup();
    const events = collect(tokens.events);
    const outcome = record(tokens.refresh());
    backend.expectNone(REFRESH_URL);
    expect((outcome.error as SessionExpiredError).reason).toBe('no-refresh-token');
    expect(tokens.status()).toBe('anonymous');
    expect(events).toEqual([]);
  });

  const hiddenParts = [
    ['a query that holds a line break', '/api/search?q=a\nsecret=1'],
    ['a fragment and no query', '/api/search#state=secret'],
  ];
  for (const [name, url] of hiddenParts) {
    it(`reports the URL of a retried request without its query or fragment: ${name}`, () => {
      const { http, backend, tokens } = setup();
      const events = collect(tokens.events);
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      http.get(url).subscribe();
      unauthorized(backend.expectOne(url));
      flushRefresh(backend, { accessToken: 'T2' });
      backend.expectOne(url).flush('ok');
      expect(events).toContain({ type: 'request-retried', method: 'GET', url: '/api/search' });
    });
  }
});

const badRequest = { status: 400, statusText: 'Bad Request' };

function collect(events: import('rxjs').Observable<TokenRefreshEvent>): TokenRefreshEvent[] {
  const seen: TokenRefreshEvent[] = [];
  events.subscribe((event) => seen.push(event));
  return seen;
}
