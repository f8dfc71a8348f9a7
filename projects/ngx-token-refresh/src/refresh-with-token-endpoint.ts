import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable } from 'rxjs';
import { dpopProof } from './dpop-proof-context';
import { TokenEndpointOptions } from './token-endpoint-options';

/**
 * The `refresh` implementation behind the `tokenEndpoint` option: POSTs the RFC 6749 refresh
 * grant as `application/x-www-form-urlencoded` (`params`, then `grant_type=refresh_token`,
 * `refresh_token`, `client_id` and `scope`, which replace `params` of the same name), past the
 * interceptor. The refresher reads the answer's
 * `access_token`, `refresh_token` and `expires_in`; an error answer `400 invalid_grant` (or a
 * 401) ends the session, any other failure is transient.
 */
export function refreshWithTokenEndpoint({ url, clientId, scope, params }: TokenEndpointOptions) {
  return (refreshToken: string | null): Observable<unknown> => {
    const form = new URLSearchParams(params);
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', refreshToken ?? '');
    form.set('client_id', clientId);
    if (scope) form.set('scope', scope); // '' asks for no scope change, like leaving it out
    // As a string with its type: HttpClient would label a URLSearchParams body as JSON.
    return inject(HttpClient).post(url, form.toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      context: dpopProof(),
    });
  };
}
