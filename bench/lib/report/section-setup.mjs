// How each option is set up, with the files that do it.
export function setupSection() {
  return `## How each option is set up

All Angular options run in the same bench app (\`bench/app/\`, one option per page load,
\`?variant=\`), built for production with the Angular CLI; the bundle apps use the same provider
files. Every option except the library keeps its tokens in one in-memory store
(\`bench/app/token-store.ts\`): the READMEs and tutorials read \`localStorage\`/\`sessionStorage\`
instead, which would add the cost of Web Storage to theirs; memory is also the library's default.

- **ngx-token-refresh** (\`bench/app/variants/library.ts\`):
  \`provideHttpClient(withInterceptors([tokenRefreshInterceptor]))\` and
  \`provideTokenRefresh({ refreshUrl: '/api/auth/refresh' })\`, everything else default (memory
  storage, \`crossTab: true\`, 30 s leeway capped at half the token lifetime). The session starts
  with \`TokenService.setTokens()\`. The diagnostic row sets \`crossTab: false\`. The bundle app is
  set up as the README's quick start instead (\`allowedOrigins\` and \`storage: 'session'\` added).
- **Hand-written bearer interceptor, the floor** (\`bench/app/patterns/bearer.interceptor.ts\`):
  a functional interceptor that reads the token from the in-memory store and does one
  \`req.clone({ setHeaders: { Authorization: 'Bearer ' + token } })\`; no origin check, no refresh.
  It is the least a token interceptor does (steady-state and bundle measures).
- **Hand-written (a), no lock** (\`bench/app/patterns/naive-refresh.interceptor.ts\`): on a 401,
  refresh, store, retry once; sign out when the refresh fails. As taught by, e.g.,
  [bennettnotes.com](https://www.bennettnotes.com/implementing-token-interceptor-and-retry-in-angular-4/)
  and [intertech.com](https://www.intertech.com/angular-4-tutorial-handling-refresh-token-with-new-httpinterceptor/).
- **Hand-written (b), \`isRefreshing\` + \`BehaviorSubject\`**
  (\`bench/app/patterns/queued-refresh.interceptor.ts\`): the first 401 refreshes, later ones wait
  for the next non-null token in the subject. As taught by, e.g.,
  [bezkoder.com](https://www.bezkoder.com/angular-12-refresh-token/) and
  [stacklesson.com](https://www.stacklesson.com/?p=20751). Both patterns are written from the
  descriptions, as functional interceptors, without copying code.
- **ngx-auth 6** (\`bench/app/patterns/ngx-auth.service.ts\`, \`ngx-auth.module.ts\`): the
  \`AuthService\` and \`AuthenticationModule\` of its README, provided with
  \`importProvidersFrom(AuthenticationModule)\` and \`provideHttpClient(withInterceptorsFromDi())\`.
- **@auth0/angular-jwt 5 \`JwtInterceptor\`** (\`bench/app/variants/jwt.ts\`): the README's
  standalone setup (\`importProvidersFrom(JwtModule.forRoot(...))\`, \`withInterceptorsFromDi()\`),
  a \`tokenGetter\` via \`jwtOptionsProvider\`, \`allowedDomains\` and one \`disallowedRoutes\`
  entry; a second row with \`skipWhenExpired: true\`. It attaches tokens and never refreshes, so
  it appears in the steady-state and bundle measures only.
- **axios-auth-refresh 5** (\`bench/app/patterns/axios-clients.ts\`): the README's
  \`createAuthRefresh(instance, refreshAuthLogic)\` with default options and its token request
  interceptor; the refresh logic posts with a plain axios instance, stores the tokens and sets the
  new token on the failed request. It runs in the same page (axios's XHR adapter), on the same
  server.`;
}
