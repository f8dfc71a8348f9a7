import { HttpErrorResponse } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';
import { OriginRule, parseAllowedOrigins } from './allowed-origin';
import { refreshWithTokenEndpoint } from './refresh-with-token-endpoint';
import { refreshWithUrl } from './refresh-with-url';
import { TokenRefreshConfigError } from './token-refresh-config-error';
import { TokenRefreshOptions } from './token-refresh-options';
import { TokenStorage } from './token-storage';
import { validateOptions } from './validate-options';

/** The options after validation, with every default filled in. */
export interface TokenRefreshConfig {
  /** The refresh call; its answer is read by `readRefreshResponse`. */
  readonly refresh: (refreshToken: string | null) => Observable<unknown> | Promise<unknown>;
  readonly allowedOrigins: readonly OriginRule[];
  readonly loginUrl: string;
  readonly leewayMs: number;
  readonly storage: 'memory' | 'session' | 'local' | TokenStorage;
  readonly storageKey: string;
  readonly shouldRefresh: (error: HttpErrorResponse) => boolean;
  readonly headerName: string;
  /**
   * Whether requests with the token must be kept out of Angular's HTTP transfer cache by hand:
   * it leaves out those with an `Authorization` header itself, not a custom `headerName`.
   */
  readonly uncached: boolean;
  readonly authScheme: string;
  readonly refreshTokenInCookie: boolean;
  readonly refreshTimeoutMs: number;
  readonly crossTab: boolean;
}

/** The validated configuration, provided by `provideTokenRefresh`. */
export const TOKEN_REFRESH_CONFIG = new InjectionToken<TokenRefreshConfig>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'TOKEN_REFRESH_CONFIG' : '',
);

/**
 * Fills in the defaults; in dev mode it first validates the options (`validateOptions`, which
 * production builds drop together with its messages).
 */
export function resolveTokenRefreshConfig(options: TokenRefreshOptions): TokenRefreshConfig {
  if (typeof ngDevMode === 'undefined' || ngDevMode) validateOptions(options);
  else if (typeof options !== 'object' || options === null) {
    throw new TokenRefreshConfigError('options');
  } else if (!options.refresh && !options.refreshUrl && !options.tokenEndpoint) {
    throw new TokenRefreshConfigError('refreshUrl');
  }
  const {
    refreshUrl,
    tokenEndpoint,
    refreshTokenInCookie = false,
    authScheme = 'Bearer ',
    headerName = 'Authorization',
  } = options;
  return {
    refresh:
      options.refresh ??
      (tokenEndpoint
        ? refreshWithTokenEndpoint(tokenEndpoint)
        : refreshWithUrl(refreshUrl!, refreshTokenInCookie)),
    allowedOrigins: parseAllowedOrigins(options.allowedOrigins ?? []),
    loginUrl: options.loginUrl ?? '/login',
    leewayMs: (options.leewaySeconds ?? 30) * 1000,
    storage: options.storage ?? 'memory',
    storageKey: options.storageKey ?? 'ngx-token-refresh',
    shouldRefresh: options.shouldRefresh ?? isUnauthorized,
    headerName,
    uncached: !/^(proxy-)?authorization$/i.test(headerName),
    // A bare scheme name (`'Bearer'`, `'Token'`) gets the space that separates it from the token.
    authScheme: /^[A-Za-z][A-Za-z0-9_-]*$/.test(authScheme) ? `${authScheme} ` : authScheme,
    refreshTokenInCookie,
    refreshTimeoutMs: options.refreshTimeoutMs ?? 30_000,
    crossTab: options.crossTab ?? true,
  };
}

const isUnauthorized = (error: HttpErrorResponse) => error.status === 401;
