import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of } from 'rxjs';
import { skipToken } from 'ngx-token-refresh';
import { API } from './api-urls';

/** What POST /api/auth/login answers. */
export interface LoginResponse {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly tokenType: string;
}

/** The demo server's login and logout calls; neither carries the access token. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly _http = inject(HttpClient);

  login(username: string, password: string): Observable<LoginResponse> {
    return this._http.post<LoginResponse>(
      API.login,
      { username, password },
      { context: skipToken() },
    );
  }

  /**
   * Best-effort server-side logout; never fails. The app cannot read the refresh token from
   * TokenService, so this relies on the server's HttpOnly `rt` cookie (same origin) to revoke it.
   */
  logout(): Observable<void> {
    return this._http.post(API.logout, {}, { context: skipToken() }).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
    );
  }
}
