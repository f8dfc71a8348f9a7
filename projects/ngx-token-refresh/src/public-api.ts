/*
 * Public API Surface of ngx-token-refresh: every export is named here, so a change to the
 * public surface is a visible one-line diff.
 */
export { InvalidRefreshResponseError } from './invalid-refresh-response-error';
export { provideTokenRefresh } from './provide-token-refresh';
export { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
export { type SessionEndReason, SessionExpiredError } from './session-expired-error';
export { sessionGuard, sessionMatchGuard } from './session-guard';
export { SKIP_TOKEN, skipToken } from './skip-token';
export { dpopProof } from './dpop-proof-context';
export type { StoredTokens } from './stored-tokens';
export type { TokenPair } from './token-pair';
export type { TokenEndpointOptions } from './token-endpoint-options';
export { TokenRefreshConfigError } from './token-refresh-config-error';
export { tokenRefreshInterceptor } from './token-refresh-interceptor';
export type { TokenRefreshFeature } from './token-refresh-feature';
export type { TokenRefreshOptions } from './token-refresh-options';
export type { TokenRefreshEvent } from './token-refresh-event';
export type { SessionStatus } from './session-store';
export { TokenService } from './token-service';
export { TOKEN_STORAGE, type TokenStorage } from './token-storage';
export { withDpop } from './with-dpop';
// Private API for ngx-token-refresh/testing; not covered by semver.
export { ɵprovideSingleTabSync } from './tab-sync';
