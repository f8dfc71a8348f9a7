// The options under test: one label and one chart color per id (the ids of bench/app/variants.ts;
// `floor` is the physical floor of the bursts, `baseline` the bundle app without auth).
export const OPTIONS = {
  library: ['ngx-token-refresh', '#1b7f3b'],
  'library-single-tab': ['ngx-token-refresh, crossTab: false', '#8fcf9f'],
  'library-dpop': ['ngx-token-refresh + withDpop()', '#17becf'],
  naive: ['hand-written (a): no lock', '#d62728'],
  queued: ['hand-written (b): flag + BehaviorSubject', '#ff7f0e'],
  'ngx-auth': ['ngx-auth 6', '#9467bd'],
  'axios-auth-refresh': ['axios-auth-refresh 5', '#1f77b4'],
  jwt: ['@auth0/angular-jwt JwtInterceptor', '#8c564b'],
  'jwt-skip-expired': ['JwtInterceptor, skipWhenExpired', '#c49c94'],
  'floor-bearer': ['hand-written bearer interceptor (floor)', '#4d4d4d'],
  bare: ['bare HttpClient', '#7f7f7f'],
  axios: ['axios + token interceptor', '#aec7e8'],
  floor: ['physical floor: refresh, then the requests', '#333333'],
  baseline: ['baseline: HttpClient, no auth', '#7f7f7f'],
};
export const label = (id) => OPTIONS[id]?.[0] ?? id;
/** The options the results table and the chart show (`baseline` is the bundle measure's zero). */
export const SHOWN = Object.keys(OPTIONS).filter((id) => id !== 'baseline');

/**
 * The options that refresh (bursts, refresh cycles); `library-single-tab` is a diagnostic,
 * `library-dpop` the price of `withDpop()` (a proof on every request, the refresh call's too).
 */
export const REFRESHING =
  'library library-single-tab library-dpop naive queued ngx-auth axios-auth-refresh'.split(' ');
/** The steady-state measure: every option, and the references. */
export const STEADY = `bare floor-bearer library library-dpop jwt jwt-skip-expired naive queued
  ngx-auth axios axios-auth-refresh`.split(/\s+/);
/** The steady-state reference: bare HttpClient, or plain axios with a token interceptor. */
export const steadyBase = (id) => (id.startsWith('axios') ? 'axios' : 'bare');
/** The start-up delay measure: the library against the bare app (a guard on its own store). */
export const STARTUP = ['bare', 'library'];

/**
 * The bundle apps: bench/app/bundle-app.ts bootstrapped with one option's providers, as
 * [imports, providers, statement]; the library set up as its README quick start.
 */
const from = (name, file) => [`import { ${name} } from '../patterns/${file}';`, name];
const http = "import { provideHttpClient } from '@angular/common/http';";
/** A hand-written functional interceptor: HttpClient `withInterceptors([name])`. */
const intercepted = (name, file) => [
  `import { provideHttpClient, withInterceptors } from '@angular/common/http';\n${from(name, file)[0]}`,
  `[provideHttpClient(withInterceptors([${name}]))]`,
];
const [quickStart] = from('quickStartLibraryProviders', 'library');
const dpop = "import { withDpop } from 'ngx-token-refresh';";
const axiosApp = (factory) => [
  `${http}\nimport { TokenStore } from '../shared';\n${from(factory, 'axios')[0]}`,
  '[provideHttpClient()]',
  `${factory}(new TokenStore()).get('/api/items/1');`,
];
export const BUNDLES = {
  baseline: [http, '[provideHttpClient()]'],
  'floor-bearer': intercepted('bearerInterceptor', 'floor-bearer'),
  library: [quickStart, 'quickStartLibraryProviders()'],
  'library-dpop': [`${quickStart}\n${dpop}`, 'quickStartLibraryProviders(withDpop())'],
  naive: intercepted('naiveRefreshInterceptor', 'naive'),
  queued: intercepted('queuedRefreshInterceptor', 'queued'),
  'ngx-auth': from('ngxAuthProviders', 'ngx-auth'),
  jwt: [from('jwtProviders', 'jwt')[0], 'jwtProviders()'],
  axios: axiosApp('createTokenAxios'),
  'axios-auth-refresh': axiosApp('createAuthRefreshAxios'),
};
