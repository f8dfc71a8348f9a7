import { HttpErrorResponse } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { OriginRule, parseAllowedOrigins } from './allowed-origin';
import { refreshWithUrl } from './refresh-with-url';
import { TokenRefreshConfigError } from './token-refresh-config-error';
import { TokenRefreshOptions } from './token-refresh-options';
import { TokenStorage } from './token-storage';

/** The options after validation, with every default filled in. */
export interface TokenRefreshConfig {
  readonly refresh: NonNullable<TokenRefreshOptions['refresh']>;
  readonly allowedOrigins: readonly OriginRule[];
  readonly loginUrl: string;
  readonly leewayMs: number;
  readonly storage: 'memory' | 'session' | 'local' | TokenStorage;
  readonly storageKey: string;
  readonly shouldRefresh: (error: HttpErrorResponse) => boolean;
  readonly headerName: string;
  readonly authScheme: string;
  readonly refreshTokenInCookie: boolean;
  readonly refreshTimeoutMs: number;
  readonly crossTab: boolean;
}

/** The validated configuration, provided by `provideTokenRefresh`. */
export const TOKEN_REFRESH_CONFIG = new InjectionToken<TokenRefreshConfig>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'TOKEN_REFRESH_CONFIG' : '',
);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Validates the options and fills in the defaults. Throws `TokenRefreshConfigError` naming the
 * first option that is missing, malformed or contradicts another.
 */
export function resolveTokenRefreshConfig(options: TokenRefreshOptions): TokenRefreshConfig {
  if (typeof options !== 'object' || options === null) {
    fail('provideTokenRefresh() needs an options object such as { refreshUrl: "/api/refresh" }.');
  }
  const { refreshUrl, refresh, storage = 'memory' } = options;
  if ((refreshUrl === undefined) === (refresh === undefined)) {
    fail(
      `give exactly one of \`refreshUrl\` and \`refresh\`, got ${refresh ? 'both' : 'neither'}.`,
    );
  }
  if (refreshUrl !== undefined && (typeof refreshUrl !== 'string' || refreshUrl.trim() === '')) {
    fail('`refreshUrl` must be a non-empty URL string such as "/api/auth/refresh".');
  }
  if (refresh !== undefined && typeof refresh !== 'function') {
    fail('`refresh` must be a function (refreshToken) => Observable<TokenPair> | Promise.');
  }
  if (!['memory', 'session', 'local'].includes(storage as string) && !isTokenStorage(storage)) {
    fail("`storage` must be 'memory', 'session', 'local' or a TokenStorage (read/write/remove).");
  }
  const refreshTokenInCookie = option(options, 'refreshTokenInCookie', false, 'a boolean', isBool);
  return {
    refresh: refresh ?? refreshWithUrl(refreshUrl!, refreshTokenInCookie),
    allowedOrigins: parseAllowedOrigins(
      option(options, 'allowedOrigins', [], 'an array of origins', Array.isArray),
    ),
    loginUrl: option(options, 'loginUrl', '/login', 'a non-empty URL string', isText),
    leewayMs: option(options, 'leewaySeconds', 30, 'a finite number >= 0', isCount) * 1000,
    storage,
    storageKey: option(options, 'storageKey', 'ngx-token-refresh', 'a non-empty string', isText),
    shouldRefresh: option(options, 'shouldRefresh', isUnauthorized, 'a function', isFunction),
    headerName: option(options, 'headerName', 'Authorization', 'an HTTP header name', (v) =>
      HEADER_NAME.test(String(v)),
    ),
    authScheme: withSeparator(
      option(options, 'authScheme', 'Bearer ', 'a string', (v) => typeof v === 'string'),
    ),
    refreshTokenInCookie,
    refreshTimeoutMs: option(options, 'refreshTimeoutMs', 30_000, 'a number > 0', isPositive),
    crossTab: option(options, 'crossTab', true, 'a boolean', isBool),
  };
}

function option<K extends keyof TokenRefreshOptions, T>(
  options: TokenRefreshOptions,
  key: K,
  fallback: T,
  expected: string,
  isValid: (value: unknown) => boolean,
): T {
  const value = options[key];
  if (value === undefined) return fallback;
  if (!isValid(value)) fail(`\`${key}\` must be ${expected}, got ${JSON.stringify(value)}.`);
  return value as T;
}

/** A bare scheme name (`'Bearer'`, `'Token'`) gets the space that separates it from the token. */
function withSeparator(scheme: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(scheme) ? `${scheme} ` : scheme;
}

function fail(message: string): never {
  throw new TokenRefreshConfigError(message);
}

const isBool = (v: unknown) => typeof v === 'boolean';
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isFunction = (v: unknown) => typeof v === 'function';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isUnauthorized = (error: HttpErrorResponse) => error.status === 401;

function isTokenStorage(value: unknown): value is TokenStorage {
  const storage = value as Partial<TokenStorage> | null;
  return (
    typeof storage === 'object' &&
    storage !== null &&
    typeof storage.read === 'function' &&
    typeof storage.write === 'function' &&
    typeof storage.remove === 'function'
  );
}
