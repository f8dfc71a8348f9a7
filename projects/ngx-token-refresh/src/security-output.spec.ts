// No token in console output or in any error a caller can receive. no-token-leak.spec.ts covers
// a storage write that throws, an HTML refresh response and a 400 invalid_grant; this covers
// every other error the library produces or passes on, and random schedules.
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import * as fc from 'fast-check';
import { Schedule } from '../spec/schedule';
import { LIFETIMES, stepArbitrary } from '../spec/schedule-steps';
import {
  REFRESH_URL,
  flushRefresh,
  createJwt,
  record,
  setup,
  unauthorized,
  uniqueKey,
  until,
  withMockClock,
} from '../spec/spec-helpers';
import {
  RefreshLockTimeoutError,
  TokenRefreshConfigError,
  TokenStorage,
  provideTokenRefresh,
} from './public-api';

/** Everything an app could print or send to an error tracker about a value. */
function exposed(value: unknown): string {
  if (!(value instanceof Error)) return `${String(value)} ${safeJson(value)}`;
  const cause = (value as { cause?: unknown }).cause;
  return [String(value), value.stack, safeJson(value), cause === undefined ? '' : exposed(cause)]
    .filter(Boolean)
    .join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** Throws if any of `secrets` (or a JWT's payload segment) appears in `texts`. */
function expectNoSecret(texts: string[], secrets: string[]): void {
  const parts = secrets.flatMap((s) => (s.split('.').length === 3 ? [s, s.split('.')[1]] : [s]));
  for (const text of texts) {
    for (const part of parts) {
      if (text.includes(part)) throw new Error(`a token appeared in: ${text.slice(0, 300)}`);
    }
  }
}

describe('security: no token in console output or error messages', () => {
  const ACCESS = createJwt({ sub: 'secret-access', exp: Date.UTC(2100, 0, 1) / 1000 });
  const REFRESH = 'secret-refresh-0f3a9c';
  const NEXT = 'secret-rotated-7be21d';
  let logged: string[];

  beforeEach(() => {
    logged = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      spyOn(console, level).and.callFake((...args: unknown[]) =>
        logged.push(args.map(exposed).join(' ')),
      );
    }
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify({ ignoreCancelled: true }));

  /** A session whose request got a 401; returns the request's outcome and the refresh call. */
  function rejected(options: Parameters<typeof setup>[0] = {}) {
    const testbed = setup(options);
    testbed.tokens.setTokens({ accessToken: ACCESS, refreshToken: REFRESH });
    const outcome = record(testbed.http.get('/api/a'));
    unauthorized(testbed.backend.expectOne('/api/a'));
    return { ...testbed, outcome };
  }

  type Ending = (t: ReturnType<typeof rejected>, clock: jasmine.Clock) => void;
  const endings: Record<string, Ending> = {
    'a refresh timeout (TimeoutError)': (_t, clock) => clock.tick(5_000),
    'a network error on the refresh call': (t) =>
      t.backend.expectOne(REFRESH_URL).error(new ProgressEvent('error')),
    'a 500 on the refresh call': (t) =>
      t.backend.expectOne(REFRESH_URL).flush('<h1>Error</h1>', { status: 500, statusText: 'X' }),
    'a refresh response that is a bare token string': (t) =>
      t.backend.expectOne(REFRESH_URL).flush(`${ACCESS} ${NEXT}`),
    'a refresh response with a non-string access token': (t) =>
      t.backend.expectOne(REFRESH_URL).flush({ accessToken: [ACCESS], refreshToken: NEXT }),
    'a 401 on the refresh call (refresh-rejected)': (t) =>
      unauthorized(t.backend.expectOne(REFRESH_URL)),
    'a 401 on the retry (retry-rejected)': (t) => {
      flushRefresh(t.backend, { accessToken: NEXT, refreshToken: `${NEXT}-r` });
      unauthorized(t.backend.expectOne('/api/a'));
    },
    'clear() during the refresh (logout)': (t) => t.tokens.clear(),
    'a refresh callback that throws': () => undefined,
  };
  for (const [name, end] of Object.entries(endings)) {
    it(`keeps tokens out of the error and the console after ${name}`, () => {
      withMockClock((clock) => {
        const throwing = name.includes('callback')
          ? {
              refresh: () => {
                throw new Error('refresh failed');
              },
            }
          : {};
        const t = rejected({ refreshTimeoutMs: 5_000, ...throwing });
        end(t, clock);
        expect(t.outcome.error).toBeDefined();
        expectNoSecret([exposed(t.outcome.error), ...logged], [ACCESS, REFRESH, NEXT]);
      });
    });
  }

  it('keeps tokens out of the no-refresh-token error and the setTokens() TypeError', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: ACCESS });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    let typeError: unknown;
    try {
      tokens.setTokens({ accessToken: 42 as never, refreshToken: REFRESH });
    } catch (error) {
      typeError = error;
    }
    expect(typeError).toBeInstanceOf(TypeError);
    expectNoSecret([exposed(outcome.error), exposed(typeError), ...logged], [ACCESS, REFRESH]);
  });

  it('keeps tokens out of RefreshLockTimeoutError and TokenRefreshConfigError', async () => {
    const storageKey = uniqueKey('output');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    void navigator.locks.request(`ngx-token-refresh:${storageKey}`, () => held); // another tab
    const { tokens } = setup({ crossTab: true, storageKey, refreshTimeoutMs: 50 });
    tokens.setTokens({ accessToken: ACCESS, refreshToken: REFRESH });
    const lockWait = record(tokens.refresh());
    await until(() => lockWait.error !== undefined, 'the lock wait to time out');
    release();
    localStorage.removeItem(`ngx-token-refresh:${storageKey}`);
    localStorage.removeItem(`ngx-token-refresh:${storageKey}:session`);
    expect(lockWait.error).toBeInstanceOf(RefreshLockTimeoutError);
    let configError: unknown;
    try {
      provideTokenRefresh({ refreshUrl: '/r', refreshTimeoutMs: -1, headerName: 'a b' });
    } catch (error) {
      configError = error;
    }
    expect(configError).toBeInstanceOf(TokenRefreshConfigError);
    expectNoSecret([exposed(lockWait.error), exposed(configError), ...logged], [ACCESS, REFRESH]);
  });

  it('keeps tokens out of storage warnings, whatever the failing storage says', () => {
    const say = (what: string) => {
      throw new Error(`cannot ${what} ${ACCESS} / ${REFRESH}`);
    };
    const storages: TokenStorage[] = [
      { read: () => say('read'), write: () => undefined, remove: () => undefined },
      { read: () => null, write: () => undefined, remove: () => say('remove') },
    ];
    for (const storage of storages) {
      TestBed.resetTestingModule();
      const { tokens } = setup({ storage });
      tokens.setTokens({ accessToken: ACCESS, refreshToken: REFRESH });
      tokens.clear();
    }
    localStorage.setItem(
      'ngx-token-refresh',
      JSON.stringify({ accessToken: ACCESS, refreshToken: 5 }),
    );
    try {
      TestBed.resetTestingModule();
      setup({ storage: 'local' });
    } finally {
      localStorage.removeItem('ngx-token-refresh');
    }
    expect(logged.length).toBe(3);
    expectNoSecret(logged, [ACCESS, REFRESH]);
  });

  it('keeps every token out of console output and errors across random schedules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LIFETIMES),
        fc.array(stepArbitrary, { maxLength: 40 }),
        (lifetime, steps) => {
          logged.length = 0;
          const failing: TokenStorage = {
            read: () => null,
            write: (stored) => {
              throw new Error(`quota exceeded while writing ${JSON.stringify(stored)}`);
            },
            remove: () => undefined,
          };
          const schedule = new Schedule({ leaksOnly: true, storage: failing });
          try {
            schedule.run({ kind: 'login', lifetime, withRefreshToken: true });
            steps.forEach((step) => schedule.run(step));
            schedule.drain();
          } finally {
            schedule.dispose();
          }
          const errors = schedule.calls.map((call) => call.outcome.error).filter(Boolean);
          expectNoSecret([...errors.map(exposed), ...logged], schedule.ledger.issued());
          return logged.length === 1;
        },
      ),
      { numRuns: 200, seed: 20_260_109 },
    );
  });
});
