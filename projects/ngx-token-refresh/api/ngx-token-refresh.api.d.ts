// API report for ngx-token-refresh: do not edit by hand.
import * as i0 from '@angular/core';
import { EnvironmentProviders, Signal } from '@angular/core';
import { HttpErrorResponse, HttpContextToken, HttpContext, HttpInterceptorFn } from '@angular/common/http';
import { Observable } from 'rxjs';
import { CanActivateFn, CanMatchFn } from '@angular/router';
declare class InvalidRefreshResponseError extends Error {
    readonly name = "InvalidRefreshResponseError";
    constructor(problem: string);
}
interface TokenPair {
    accessToken: string;
    refreshToken?: string | null;
    expiresIn?: number;
}
interface StoredTokens {
    accessToken: string;
    refreshToken: string | null;
    expiresAt: number | null;
    revision?: number;
}
interface TokenStorage {
    read(): StoredTokens | null;
    write(tokens: StoredTokens): void;
    remove(): void;
}
interface TokenRefreshOptions {
    refreshUrl?: string;
    refresh?: (refreshToken: string | null) => Observable<TokenPair> | Promise<TokenPair>;
    allowedOrigins?: (string | RegExp)[];
    loginUrl?: string;
    leewaySeconds?: number;
    storage?: 'memory' | 'session' | 'local' | TokenStorage;
    storageKey?: string;
    shouldRefresh?: (error: HttpErrorResponse) => boolean;
    headerName?: string;
    authScheme?: string;
    refreshTokenInCookie?: boolean;
    crossTab?: boolean;
    refreshTimeoutMs?: number;
}
declare function provideTokenRefresh(options: TokenRefreshOptions): EnvironmentProviders;
declare class RefreshLockTimeoutError extends Error {
    readonly name = "RefreshLockTimeoutError";
    constructor(timeoutMs: number);
}
type SessionEndReason = 'refresh-rejected' | 'no-refresh-token' | 'retry-rejected' | 'logout';
declare class SessionExpiredError extends Error {
    readonly reason: SessionEndReason;
    readonly name = "SessionExpiredError";
    constructor(reason: SessionEndReason, options?: {
        cause?: unknown;
    });
}
declare const sessionGuard: CanActivateFn;
declare const sessionMatchGuard: CanMatchFn;
declare const SKIP_TOKEN: HttpContextToken<boolean>;
declare function skipToken(context?: HttpContext): HttpContext;
declare class TokenRefreshConfigError extends Error {
    readonly name = "TokenRefreshConfigError";
    constructor(message: string);
}
declare const tokenRefreshInterceptor: HttpInterceptorFn;
type SessionStatus = 'anonymous' | 'authenticated' | 'expired';
declare class TokenService {
    readonly accessToken: Signal<string | null>;
    readonly expiresAt: Signal<number | null>;
    readonly isRefreshing: Signal<boolean>;
    readonly status: Signal<SessionStatus>;
    constructor();
    setTokens(tokens: TokenPair): void;
    clear(): TokenPair | null;
    refresh(): Observable<string>;
    validAccessToken(): Observable<string | null>;
    refreshAfterRejection(rejectedToken: string | null): Observable<string>;
    expire(cause?: unknown): SessionExpiredError;
    static ɵfac: i0.ɵɵFactoryDeclaration<TokenService, never>;
    static ɵprov: i0.ɵɵInjectableDeclaration<TokenService>;
}
export { InvalidRefreshResponseError, RefreshLockTimeoutError, SKIP_TOKEN, SessionExpiredError, TokenRefreshConfigError, TokenService, provideTokenRefresh, sessionGuard, sessionMatchGuard, skipToken, tokenRefreshInterceptor };
export type { SessionEndReason, SessionStatus, StoredTokens, TokenPair, TokenRefreshOptions, TokenStorage };
