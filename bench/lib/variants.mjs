// The options under test as the harness names them (ids match bench/app/variants/registry.ts).

export const LABELS = {
  library: 'ngx-token-refresh',
  'library-single-tab': 'ngx-token-refresh, crossTab: false',
  naive: 'hand-written (a): no lock',
  queued: 'hand-written (b): flag + BehaviorSubject',
  'ngx-auth': 'ngx-auth 6',
  'axios-auth-refresh': 'axios-auth-refresh 5',
  jwt: '@auth0/angular-jwt JwtInterceptor',
  'jwt-skip-expired': 'JwtInterceptor, skipWhenExpired',
  bare: 'bare HttpClient',
  'floor-bearer': 'hand-written bearer interceptor (floor)',
  axios: 'axios + token interceptor',
  floor: 'physical floor',
};

/**
 * Options that refresh: the amplification, latency and memory measures. `library-single-tab`
 * is a diagnostic (the library without its cross-tab lock), not an alternative.
 */
export const REFRESHING = [
  'library',
  'library-single-tab',
  'naive',
  'queued',
  'ngx-auth',
  'axios-auth-refresh',
];

/**
 * The steady-state measure: every option, and the references (bare HttpClient, the minimal
 * bearer interceptor, axios).
 */
export const STEADY = [
  'bare',
  'floor-bearer',
  'library',
  'jwt',
  'jwt-skip-expired',
  'naive',
  'queued',
  'ngx-auth',
  'axios',
  'axios-auth-refresh',
];

/** Which steady-state variant each one is compared with (axios-auth-refresh: plain axios). */
export const STEADY_BASE = { axios: 'axios', 'axios-auth-refresh': 'axios' };

/** The start-up delay measure: the library against the bare app (a guard on its own store). */
export const STARTUP = ['bare', 'library'];
