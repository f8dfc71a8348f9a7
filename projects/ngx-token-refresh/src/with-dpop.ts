import { DpopClient } from './dpop-client';
import { DPOP_TRANSPORT } from './dpop-transport';
import { TokenRefreshFeature } from './token-refresh-feature';

/**
 * Sender-constrained tokens (DPoP, RFC 9449) for `provideTokenRefresh`. The page gets an ES256
 * key pair whose private key cannot be exported, kept in IndexedDB per `storageKey` (a reload
 * keeps it, the origin's tabs share it; in memory where IndexedDB is missing) and replaced by
 * `clear()`. Every request that carries the token, the refresh call and `dpopProof()` requests
 * carry a fresh proof (`ath` binds it to the token); a token the server issued with
 * `token_type` `DPoP` goes as `Authorization: DPoP <token>`. Nonces the server asks for
 * (`DPoP-Nonce`) are kept per origin, and a nonce challenge gets the request repeated once. The
 * login call uses `dpopProof()` so its tokens are bound to the key.
 *
 * @usageNotes
 * ```ts
 * import { provideTokenRefresh, withDpop } from 'ngx-token-refresh';
 *
 * export const appConfig: ApplicationConfig = {
 *   providers: [
 *     provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
 *     provideTokenRefresh({ refreshUrl: '/api/auth/refresh', storage: 'session' }, withDpop()),
 *   ],
 * };
 * ```
 */
export function withDpop(): TokenRefreshFeature {
  return { ɵkind: 'dpop', ɵproviders: [{ provide: DPOP_TRANSPORT, useClass: DpopClient }] };
}
