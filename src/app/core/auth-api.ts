import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of } from 'rxjs';
import { dpopProof, skipToken } from 'ngx-token-refresh';
import { API } from './api-urls';

/** What POST /api/auth/login answers. */
export interface LoginResponse {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly tokenType: string;
}

/**
 * The demo server's login and logout calls; neither carries the access token. The login carries
 * a DPoP proof when `withDpop()` is on (`dpopProof()`), so the server binds its tokens to the key.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly _http = inject(HttpClient);

  login(username: string, password: string): Observable<LoginResponse> {
    return this._http.post<LoginResponse>(
      API.login,
      { username, password },
      { context: dpopProof() },
    );
  }

  /** Best-effort server-side logout: revokes the refresh token's family; never fails. */
  logout(refreshToken: string | null | undefined): Observable<void> {
    return this._http.post(API.logout, { refreshToken }, { context: skipToken() }).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
    );
  }
}
