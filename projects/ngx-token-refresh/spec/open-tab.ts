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
import { REFRESH_URL } from './spec-helpers';

/** A second "tab": its own injector, HttpClient, testing backend and TokenService. */
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
  return {
    injector,
    http: injector.get(HttpClient),
    backend: injector.get(HttpTestingController),
    tokens: injector.get(TokenService),
  };
}
