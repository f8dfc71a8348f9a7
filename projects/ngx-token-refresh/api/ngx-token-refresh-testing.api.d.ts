// API report for ngx-token-refresh-testing: do not edit by hand.
import * as i0 from '@angular/core';
import { EnvironmentProviders } from '@angular/core';
import { TokenRefreshOptions, TokenPair } from 'ngx-token-refresh';
import { Observable } from 'rxjs';
interface TestJwtOptions {
    expiresIn?: number;
    claims?: Record<string, unknown>;
}
declare function createTestJwt(options?: TestJwtOptions): string;
declare function provideTokenRefreshTesting(options?: Omit<TokenRefreshOptions, 'refresh' | 'refreshUrl' | 'tokenEndpoint' | 'storage'>): EnvironmentProviders;
interface HeldRefresh {
    succeed(tokens?: Partial<TokenPair>): void;
    fail(error?: 'rejected' | 'network-error' | Error): void;
}
declare class TokenRefreshTestingController {
    get refreshCount(): number;
    get refreshTokensSent(): readonly (string | null)[];
    signIn(options?: {
        expiresIn?: number;
    } & Partial<TokenPair>): void;
    succeedNextRefresh(tokens?: Partial<TokenPair>): void;
    failNextRefresh(error?: 'rejected' | 'network-error' | Error): void;
    holdNextRefresh(): HeldRefresh;
    static ɵfac: i0.ɵɵFactoryDeclaration<TokenRefreshTestingController, never>;
    static ɵprov: i0.ɵɵInjectableDeclaration<TokenRefreshTestingController>;
}
export { TokenRefreshTestingController, createTestJwt, provideTokenRefreshTesting };
export type { HeldRefresh, TestJwtOptions };
