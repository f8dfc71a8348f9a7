import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable } from 'rxjs';
import { dpopProof } from './dpop-proof-context';
import { TokenPair } from './token-pair';

/**
 * The `refresh` implementation behind the `refreshUrl` option: POSTs `{ refreshToken }` as JSON
 * (or `{}` with credentials when the refresh token is an HttpOnly cookie), past the interceptor.
 * The service reads the response with `readRefreshResponse`.
 */
export function refreshWithUrl(url: string, withCookie: boolean) {
  return (refreshToken: string | null): Observable<TokenPair> =>
    inject(HttpClient).post<TokenPair>(url, withCookie ? {} : { refreshToken }, {
      context: dpopProof(),
      withCredentials: withCookie,
    });
}
