// Helpers shared by the library's specs: a TestBed setup with the real providers, test JWTs,
// and a recorder for what a caller of HttpClient receives.
import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subscription } from 'rxjs';
import {
  TokenRefreshFeature,
  TokenRefreshOptions,
  TokenService,
  provideTokenRefresh,
  tokenRefreshInterceptor,
  ɵprovideSingleTabSync,
} from '../src/public-api';
import { createTestJwt } from '../testing/src/create-test-jwt';

export const REFRESH_URL = '/auth/refresh';

/** Configures TestBed with the real interceptor and service and a testing backend. */
export function setup(
  options: Partial<TokenRefreshOptions> = {},
  providers: (Provider | EnvironmentProviders)[] = [],
  features: TokenRefreshFeature[] = [],
) {
  const refreshOption = options.refresh || options.tokenEndpoint ? {} : { refreshUrl: REFRESH_URL };
  // The default configuration (crossTab on) with this tab's sync swapped for a single tab's,
  // whose refresh is synchronous, unless a spec asks for cross-tab mode explicitly.
  const singleTab = options.crossTab === true ? [] : [ɵprovideSingleTabSync()];
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
      provideHttpClientTesting(),
      provideTokenRefresh({ ...refreshOption, ...options } as TokenRefreshOptions, ...features),
      ...singleTab,
      ...providers,
    ],
  });
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    tokens: TestBed.inject(TokenService),
  };
}

/**
 * A signed-looking JWT (the signature is not checked client-side) with exactly the given claims.
 * Deliberately not built on `createTestJwt`: the leak specs call it 10,000 times, and the heavier
 * encoding of `createTestJwt` made their 256 KB heap bound fail now and then.
 */
export function createJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}

/** A JWT whose `exp` lies `seconds` from now (negative: already expired), without `iat`. */
export function jwtExpiringIn(seconds: number, name = 'token'): string {
  return createTestJwt({ expiresIn: seconds, claims: { sub: name, iat: undefined } });
}

/** What one subscriber of an observable saw. */
export interface Outcome<T> {
  values: T[];
  error: unknown;
  completed: boolean;
  subscription: Subscription;
}

/** Whether the subscriber is still waiting: neither completed nor failed. */
export function isOpen(outcome: Outcome<unknown>): boolean {
  return !outcome.completed && outcome.error === undefined;
}

export function record<T>(source: Observable<T>): Outcome<T> {
  const outcome = { values: [], error: undefined, completed: false } as unknown as Outcome<T>;
  outcome.subscription = source.subscribe({
    next: (value) => outcome.values.push(value),
    error: (error) => (outcome.error = error),
    complete: () => (outcome.completed = true),
  });
  return outcome;
}

/** The Authorization header a request carried, or null. */
export function authOf(request: TestRequest): string | null {
  return request.request.headers.get('Authorization');
}

/**
 * Sends a GET to each URL; each must reach `backend` with the given Authorization header (`null`:
 * none) and complete with its answer. Then no request may be left outstanding.
 */
export function expectAuthorization(
  http: HttpClient,
  backend: HttpTestingController,
  expected: Record<string, string | null>,
): void {
  for (const [url, auth] of Object.entries(expected)) {
    const outcome = record(http.get(url));
    const request = backend.expectOne(url);
    expect(authOf(request)).withContext(url).toBe(auth);
    request.flush({ url });
    expect(outcome.values).withContext(url).toEqual([{ url }]);
    expect(outcome.completed).withContext(url).toBeTrue();
  }
  backend.verify();
}

/** Answers the one pending refresh call with new tokens. */
export function flushRefresh(
  backend: HttpTestingController,
  body: Record<string, unknown>,
): TestRequest {
  const request = backend.expectOne(REFRESH_URL);
  request.flush(body);
  return request;
}

/** Simulates a page reload: a fresh injector, as a new page would have. */
export function reload(options: Parameters<typeof setup>[0]) {
  TestBed.resetTestingModule();
  return setup(options);
}

/** Gets `url` and expects it to wait for a refresh, then to go out with the refreshed token. */
export function expectSentAfterRefresh(
  http: HttpClient,
  backend: HttpTestingController,
  url = '/api/a',
): void {
  const outcome = record(http.get(url));
  backend.expectNone(url);
  flushRefresh(backend, { accessToken: 'T2' });
  const request = backend.expectOne(url);
  expect(authOf(request)).toBe('Bearer T2');
  request.flush('ok');
  expect(outcome.values).toEqual(['ok']);
}

export function unauthorized(request: TestRequest, headers: Record<string, string> = {}): void {
  request.flush({ error: 'invalid_token' }, { status: 401, statusText: 'Unauthorized', headers });
}

export function isHttpError(error: unknown, status: number): boolean {
  return error instanceof HttpErrorResponse && error.status === status;
}

/** A key no other spec uses (storage keys, lock and channel names): `prefix-<random>`. */
export function uniqueKey(prefix = 'spec'): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}`;
}

/** Waits (`ms`, 2 s unless told) until `condition` holds; fails the spec if it never does. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what = 'the condition',
  ms = 2000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) return fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits for the one request to `url` that any of `backends` receives (asynchronously). */
export async function nextRequests(
  backends: HttpTestingController[],
  url: string,
): Promise<TestRequest[]> {
  const found: TestRequest[] = [];
  // match() takes what it finds off the backend's list, so collect across calls.
  await until(() => found.push(...backends.flatMap((b) => b.match(url))) > 0, url);
  expect(found.length).withContext(`requests to ${url}`).toBe(1);
  return found;
}

/** A JWT whose payload segment is exactly `payload` (any text, JSON or not), base64url-encoded. */
export function jwtWithPayload(payload: string): string {
  const encode = (text: string) =>
    btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode('{"alg":"HS256","typ":"JWT"}')}.${encode(payload)}.c2lnbmF0dXJl`;
}

/** Runs `body` with jasmine's mock clock installed at a fixed date, and uninstalls it after. */
export function withMockClock<T>(body: (clock: jasmine.Clock) => T): T {
  const clock = jasmine.clock();
  clock.install();
  try {
    clock.mockDate(new Date(Date.UTC(2030, 0, 1)));
    return body(clock);
  } finally {
    clock.uninstall();
  }
}
