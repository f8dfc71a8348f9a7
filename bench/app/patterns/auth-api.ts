import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, tap } from 'rxjs';
import { REFRESH_URL } from '../api-urls';
import { TokenResponse, TokenStore } from '../shared';

/**
 * The `AuthService.refreshToken()` of the tutorials: POSTs the stored refresh token and stores
 * the tokens it gets back (the server rotates the refresh token on every use).
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly _http = inject(HttpClient);
  private readonly _store = inject(TokenStore);

  refresh(): Observable<TokenResponse> {
    const body = { refreshToken: this._store.refreshToken };
    return this._http
      .post<TokenResponse>(REFRESH_URL, body)
      .pipe(tap((tokens) => this._store.set(tokens)));
  }
}
