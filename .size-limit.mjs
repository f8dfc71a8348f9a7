// The size budget, checked by `npm test`'s `release` suite (size-limit with
// @size-limit/preset-small-lib) on the built package, dist/ngx-token-refresh: what an app's
// production bundle gains from ngx-token-refresh, minified and gzipped.
import { readFileSync } from 'node:fs';
import { JavaScriptTransformer } from '@angular/build/private';

// Angular, rxjs and @auth0/angular-jwt are the app's own (the library's peer dependencies): left
// out, so the figure is our code plus our own dependencies (dpop, tslib).
const library = new URL('projects/ngx-token-refresh/package.json', import.meta.url);
const peers = Object.keys(JSON.parse(readFileSync(library, 'utf8')).peerDependencies);

/**
 * The Angular CLI's transform of package code in a production build, on the library's FESM files:
 * links the partially compiled declarations and marks classes pure, so that unused injectables
 * (DPoP's without `withDpop()`) drop out as they do in an app. (On dpop, plain functions, it
 * changes no byte.) From `@angular/build/private`, without semver: if an upgrade breaks it, the
 * size test fails with the error.
 */
const angularCli = {
  name: 'angular-cli-javascript-transform',
  setup(build) {
    const options = { sourcemap: false, advancedOptimizations: true, jit: false };
    const transformer = new JavaScriptTransformer(options, 1);
    build.onLoad({ filter: /[\\/]fesm2022[\\/][^\\/]+\.mjs$/ }, async ({ path }) => {
      const resolveDir = process.cwd();
      const { sideEffects } = await build.resolve(path, { kind: 'import-statement', resolveDir });
      return { contents: await transformer.transformFile(path, false, sideEffects), loader: 'js' };
    });
    build.onEnd(() => transformer.close());
  },
};

/** What an app that imports `imports` from the main entry point bundles of it. */
const entry = (name, imports, limit) => ({
  name,
  path: 'dist/ngx-token-refresh/fesm2022/ngx-token-refresh.mjs',
  import: `{ ${imports.join(', ')} }`,
  ignore: peers,
  gzip: true,
  // KiB: the KB of docs/benchmarks.md and of the issues' targets are 1,024 bytes.
  limit,
  // As in the Angular CLI's production build: dev-mode checks compile away.
  modifyEsbuildConfig: (config) => ({
    ...config,
    define: { ngDevMode: 'false', ngJitMode: 'false' },
    pure: ['forwardRef'],
    plugins: [angularCli],
  }),
});

/** The README quick start's imports (app config, login page, routes). */
const quickStart = [
  'provideTokenRefresh',
  'tokenRefreshInterceptor',
  'TokenService',
  'skipToken',
  'sessionGuard',
];

export default [
  // The core v2 issue's target, 4.0 KiB, is not met yet: 7,180 B (7.01 KiB) measured. The last
  // raises: +76 B for three fixes (a logout that sticks in cookie mode, server renders kept apart,
  // another tab's logout winning over a refresh answer that arrives before its news), then +91 B
  // for refreshed tokens read on the page's clock when it is off the server's, +12 B for a
  // sign-in in another tab winning over a refresh answer as a logout does (-6 B since, from the
  // interceptor's DPoP check moved into its rejection test), +31 B for a logout that wins over
  // tokens another tab numbered alike, +25 B for a sign-in that wins over such a refresh, +11 B
  // for a 403 on the retry that keeps the session, -1 B for `refresh` results told by shape,
  // +2 B for an empty refresh token at sign-in taken as none, -3 B for an empty scope sent as none,
  // +23 B for a failed storage write that removes the older session the storage held, +26 B for
  // stored data that is not a session removed with the storage kept, -1 B from the dev-only check
  // of allowedOrigins patterns (its branch compiles away, a byte shorter), +10 B for JSONP calls
  // passed through untouched, +60 B for the token read when a request is subscribed (an
  // interceptor before ours that retries) and keepalive requests that do not wait for a refresh,
  // +23 B for a custom headerName kept out of the HTTP transfer cache, +8 B for a guard that joins
  // the open tabs' session before a cookie refresh, +35 B for a guard that lets the login page
  // through (a guarded parent route looped).
  entry('README quick start', quickStart, '7.1 KiB'),
  // The README's DPoP recipe: withDpop() and, for the login call, dpopProof(). 9,425 B measured
  // (+30 B for a refused proof, 401 invalid_dpop_proof, passed on without a refresh or logout;
  // +52 B for the logout and the sign-in above; +11 B, -1 B and +2 B for the three above; the
  // empty scope changes no byte here; +21 B for the failed write, +29 B for unreadable data; the
  // pattern check changes no byte here, +12 B for JSONP, +53 B and +22 B for the three above,
  // +7 B for the guard, +33 B for the login page).
  entry('DPoP feature on top', [...quickStart, 'withDpop', 'dpopProof'], '9.3 KiB'),
];
