// API report for ngx-token-refresh: do not edit by hand.
import * as i0 from '@angular/core';
import { Provider, InjectionToken, EnvironmentProviders, Signal } from '@angular/core';
import { HttpErrorResponse, HttpContextToken, HttpContext, HttpInterceptorFn } from '@angular/common/http';
import { Observable } from 'rxjs';
import { CanActivateFn, CanMatchFn } from '@angular/router';
declare class InvalidRefreshResponseError extends Error {
    readonly name = "InvalidRefreshResponseError";
    constructor(problem: string);
}
interface TokenRefreshFeature {
    readonly ɵkind: string;
    readonly ɵproviders: Provider[];
}
interface TokenEndpointOptions {
    url: string;
    clientId: string;
    scope?: string;
    params?: Record<string, string>;
}
interface TokenPair {
    accessToken: string;
    refreshToken?: string | null;
    expiresIn?: number;
    tokenType?: string;
}
interface StoredTokens {
    accessToken: string;
    refreshToken: string | null;
    expiresAt: number | null;
    tokenType?: string;
}
interface TokenStorage {
    read(): StoredTokens | null;
    write(tokens: StoredTokens): void;
    remove(): void;
}
declare const TOKEN_STORAGE: InjectionToken<TokenStorage>;
interface TokenRefreshOptions {
    refreshUrl?: string;
    tokenEndpoint?: TokenEndpointOptions;
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
declare function provideTokenRefresh(options: TokenRefreshOptions, ...features: TokenRefreshFeature[]): EnvironmentProviders;
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
declare function dpopProof(context?: HttpContext): HttpContext;
declare class TokenRefreshConfigError extends Error {
    readonly name = "TokenRefreshConfigError";
    constructor(message: string);
}
declare const tokenRefreshInterceptor: HttpInterceptorFn;
type TokenRefreshEvent = {
    readonly type: 'refreshed';
    readonly expiresAt: number | null;
} | {
    readonly type: 'refresh-failed';
    readonly status: number | null;
} | {
    readonly type: 'session-ended';
    readonly reason: SessionEndReason;
} | {
    readonly type: 'request-retried';
    readonly method: string;
    readonly url: string;
};
type SessionStatus = 'anonymous' | 'authenticated' | 'expired';
declare class TokenService {
    readonly accessToken: Signal<string | null>;
    readonly expiresAt: Signal<number | null>;
    readonly isRefreshing: Signal<boolean>;
    readonly status: Signal<SessionStatus>;
    readonly events: Observable<TokenRefreshEvent>;
    setTokens(tokens: TokenPair): void;
    clear(): TokenPair | null;
    refresh(): Observable<string>;
    validAccessToken(): Observable<string | null>;
    static ɵfac: i0.ɵɵFactoryDeclaration<TokenService, never>;
    static ɵprov: i0.ɵɵInjectableDeclaration<TokenService>;
}
declare function withDpop(): TokenRefreshFeature;
declare function ɵprovideSingleTabSync(): Provider;
export { InvalidRefreshResponseError, RefreshLockTimeoutError, SKIP_TOKEN, SessionExpiredError, TOKEN_STORAGE, TokenRefreshConfigError, TokenService, dpopProof, provideTokenRefresh, sessionGuard, sessionMatchGuard, skipToken, tokenRefreshInterceptor, withDpop, ɵprovideSingleTabSync };
export type { SessionEndReason, SessionStatus, StoredTokens, TokenEndpointOptions, TokenPair, TokenRefreshEvent, TokenRefreshFeature, TokenRefreshOptions, TokenStorage };
