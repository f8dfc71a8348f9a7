import { HttpContext, HttpContextToken } from '@angular/common/http';
import { skipToken } from './skip-token';

/** Private: the request skips the token but carries a DPoP proof (when `withDpop()` is on). */
export const DPOP_PROOF = new HttpContextToken<boolean>(() => false);

/**
 * Returns an `HttpContext` for a request that must carry a DPoP proof but no token: the login
 * or authorization-code exchange whose tokens the server binds to the page's key. With
 * `withDpop()` the interceptor signs it (repeating it once if the server asks for a nonce);
 * without it the request goes out as with `skipToken()`. The built-in refresh calls use it.
 *
 * @usageNotes
 * ```ts
 * import { TokenService, dpopProof } from 'ngx-token-refresh';
 *
 * http.post<LoginResponse>('/api/auth/login', credentials, { context: dpopProof() })
 *   .subscribe((body) => inject(TokenService).setTokens(body)); // body.tokenType: 'DPoP'
 * ```
 */
export function dpopProof(context: HttpContext = new HttpContext()): HttpContext {
  return skipToken(context).set(DPOP_PROOF, true);
}
