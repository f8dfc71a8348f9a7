import { HttpRequest } from '@angular/common/http';
import { Injectable } from '@angular/core';

/** What a login or the refresh endpoint answers. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
}

/** The alternatives' token store: in memory, as the library's default (no Web Storage cost). */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  accessToken: string | null = null;
  refreshToken: string | null = null;

  set(tokens: { accessToken: string; refreshToken?: string | null }): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken ?? this.refreshToken;
  }

  clear(): void {
    this.accessToken = null;
    this.refreshToken = null;
  }
}

/** The request with `Authorization: Bearer <token>`, or unchanged without a token. */
export function withBearer<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}
