// A second "tab" for the cross-tab specs: TestBed's injector is the first.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  TokenRefreshFeature,
  TokenRefreshOptions,
  TokenService,
  provideTokenRefresh,
  tokenRefreshInterceptor,
} from '../src/public-api';
import { REFRESH_URL, setup } from './spec-helpers';

/** The tabs `openTab()` opened that `closeTabs()` has not closed yet. */
const opened: EnvironmentInjector[] = [];

/**
 * A second "tab": its own injector, HttpClient, testing backend and TokenService, destroyed by
 * `closeTabs()`.
 */
export function openTab(
  options: Partial<TokenRefreshOptions>,
  features: TokenRefreshFeature[] = [],
) {
  const injector = createEnvironmentInjector(
    [
      provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
      provideHttpClientTesting(),
      provideTokenRefresh(
        { refreshUrl: REFRESH_URL, ...options } as TokenRefreshOptions,
        ...features,
      ),
    ],
    TestBed.inject(EnvironmentInjector),
  );
  opened.push(injector);
  return {
    injector,
    http: injector.get(HttpClient),
    backend: injector.get(HttpTestingController),
    tokens: injector.get(TokenService),
  };
}

/** Tab A is TestBed's (`setup`); tab B is `openTab()`'s, on the same options and features. */
export function twoTabs(
  options: Partial<TokenRefreshOptions>,
  features: TokenRefreshFeature[] = [],
) {
  return { a: setup(options, [], features), b: openTab(options, features) };
}

/** After a spec: destroys the tabs `openTab()` opened and removes `options`' revision marks. */
export function closeTabs(options: Partial<TokenRefreshOptions>): void {
  opened.splice(0).forEach((tab) => tab.destroy());
  localStorage.removeItem(`ngx-token-refresh:${options.storageKey}`);
  localStorage.removeItem(`ngx-token-refresh:${options.storageKey}:session`);
}
