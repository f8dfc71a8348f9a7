import { Injectable } from '@angular/core';

/** The tokens an app keeps after login, as the alternatives' documented setups read them. */
export interface Tokens {
  accessToken: string | null;
  refreshToken: string | null;
}

/**
 * The in-memory token store every alternative reads from (tutorials and READMEs use
 * `localStorage`/`sessionStorage`; memory keeps Web Storage cost out of the comparison, and it
 * is the library's default too).
 */
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
