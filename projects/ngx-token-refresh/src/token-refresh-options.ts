import { HttpErrorResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { TokenEndpointOptions } from './token-endpoint-options';
import { TokenPair } from './token-pair';
import { TokenStorage } from './token-storage';

/**
 * Options for `provideTokenRefresh`. Give exactly one of `refreshUrl`, `tokenEndpoint` and
 * `refresh`.
 *
 * @usageNotes
 * ```ts
 * import { TokenRefreshOptions } from 'ngx-token-refresh';
 *
 * const options: TokenRefreshOptions = {
 *   refreshUrl: '/api/auth/refresh',
 *   allowedOrigins: ['https://api.example.com'],
 *   storage: 'session',
 * };
 * ```
 */
export interface TokenRefreshOptions {
  /**
   * The refresh endpoint. The library POSTs JSON `{ "refreshToken": "..." }` there (or `{}` with
   * credentials when `refreshTokenInCookie` is set) and reads `accessToken` or `access_token`,
   * optionally `refreshToken` or `refresh_token` (rotation) and `expiresIn` or `expires_in`.
   */
  refreshUrl?: string;
  /**
   * Instead of `refreshUrl`, an OAuth 2 token endpoint (Keycloak, Auth0, Okta, Entra ID, Cognito,
   * any RFC 6749 server): the refresh is the `refresh_token` grant as a form, and the answer's
   * `access_token`, `refresh_token` and `expires_in` are read. `400 invalid_grant` ends the
   * session.
   */
  tokenEndpoint?: TokenEndpointOptions;
  /**
   * Instead of `refreshUrl`, for any other endpoint shape: exchanges the refresh token for new
   * tokens. Runs in an injection context, so `inject(HttpClient)` works inside; send its
   * request with `skipToken()`. Throw or fail with an `HttpErrorResponse` 401 (or 400
   * `invalid_grant`), or a `SessionExpiredError`, to end the session; any other error is
   * transient.
   */
  refresh?: (refreshToken: string | null) => Observable<TokenPair> | Promise<TokenPair>;
  /**
   * Origins that may receive the token besides the page's own (relative and same-origin URLs
   * always get it): exact origins such as `'https://api.example.com'`, or patterns tested on the
   * origin (anchor them: `/^https:\/\/[a-z]+\.example\.com$/`).
   * @default []
   */
  allowedOrigins?: (string | RegExp)[];
  /**
   * Where `sessionGuard` sends users without a session; it adds a `returnUrl` query parameter.
   * @default '/login'
   */
  loginUrl?: string;
  /**
   * A JWT access token this close to its `exp` is refreshed before the request goes out. For
   * tokens whose lifetime is known (`exp - iat`, or `expiresIn`) it is capped at half that
   * lifetime, so a token that lives 20 s is used for 10 s instead of refreshed before every
   * request. A refreshed JWT whose `iat` lies outside the refresh call's round trip shows this
   * page's clock is off the server's: its `exp` is moved onto the page's clock.
   * @default 30
   */
  leewaySeconds?: number;
  /**
   * Where tokens live: this page's memory, `sessionStorage`, `localStorage`, or your own
   * `TokenStorage`. Web storage that fails falls back to memory with one console warning. On
   * the server every storage is memory: each render starts without a session.
   * @default 'memory'
   */
  storage?: 'memory' | 'session' | 'local' | TokenStorage;
  /**
   * The name of this app's session: the key under which `'session'` and `'local'` storage keep
   * it, and the name of its cross-tab channel and lock and of its DPoP key. Two apps on one
   * origin that must not share a session each need their own.
   * @default 'ngx-token-refresh'
   */
  storageKey?: string;
  /**
   * Whether an error response should trigger a refresh and one retry. A retry rejected again
   * ends the session (`'retry-rejected'`), unless its status is 403: that refuses the request,
   * not the token, so the caller gets it and the session stays.
   * @default (error) => error.status === 401
   */
  shouldRefresh?: (error: HttpErrorResponse) => boolean;
  /**
   * The request header that carries the token.
   * @default 'Authorization'
   */
  headerName?: string;
  /**
   * What precedes the token in the header; use `''` for a bare token. A bare scheme name such
   * as `'Bearer'` or `'Token'` gets its separating space.
   * @default 'Bearer '
   */
  authScheme?: string;
  /**
   * Whether the refresh token lives in an HttpOnly cookie that the app cannot read: the refresh
   * call is then sent with credentials and no token in its body, and a 401 refreshes even when
   * the app holds no refresh token.
   * @default false
   */
  refreshTokenInCookie?: boolean;
  /**
   * Whether all tabs of this origin share the session and one refresh at a time: the refresh
   * runs under a Web Lock, new tokens and logout reach every tab over a `BroadcastChannel`, and
   * a new tab joins the session of open tabs. Where either API is missing (server-side
   * rendering, plain-HTTP origins, old browsers) each tab works on its own.
   * @default true
   */
  crossTab?: boolean;
  /**
   * How long a refresh may take before it fails (transiently) with rxjs's `TimeoutError`: at
   * most 1e9 ms (11.6 days), since the cross-tab lock waits twice as long and browsers' timers
   * overflow beyond 2^31 - 1 ms.
   * @default 30000
   */
  refreshTimeoutMs?: number;
}
