import { HttpBackend, HttpClient, HttpErrorResponse, HttpXhrBackend } from '@angular/common/http';
import { Component, Injector, inject } from '@angular/core';
import { CanActivateFn, NavigationEnd, Router, provideRouter } from '@angular/router';
import { sessionGuard } from 'ngx-token-refresh';
import { filter, firstValueFrom } from 'rxjs';
import { RESOURCE_URL } from './api-urls';
import { TokenStore } from './shared';

@Component({ template: '' })
class Page {}

/** The bare app's guard: the in-memory token store, read synchronously. */
const storeGuard: CanActivateFn = () =>
  inject(TokenStore).accessToken !== null || inject(Router).parseUrl('/login');

/** When the first request reached the network (`HttpXhrBackend`), past every interceptor. */
let leftAt = NaN;

/** The routes (`/account` behind the option's guard, `/login`) and a backend noting `leftAt`. */
export function startupProviders(variantId: string) {
  const guard = variantId.startsWith('library') ? sessionGuard : storeGuard;
  const stamping = (xhr: HttpXhrBackend): HttpBackend => ({
    handle: (req) => {
      if (Number.isNaN(leftAt)) leftAt = performance.now();
      return xhr.handle(req);
    },
  });
  return [
    provideRouter([
      { path: 'account', component: Page, canActivate: [guard] },
      { path: 'login', component: Page },
    ]),
    { provide: HttpBackend, useFactory: stamping, deps: [HttpXhrBackend] },
  ];
}

/**
 * What an app does as soon as it exists, without a session: a first navigation, to a guarded
 * route, and an anonymous request: when called and when done (`NavigationEnd`, or the request
 * reaching the network), in ms since navigation start, and the outcome (path or HTTP status).
 */
export async function runStartup(injector: Injector) {
  const router = injector.get(Router); // an app creates both at bootstrap
  const http = injector.get(HttpClient);
  const navigation = firstValueFrom(router.events.pipe(filter((e) => e instanceof NavigationEnd)));
  const navigatedFrom = performance.now();
  void router.navigateByUrl('/account');
  const requestedFrom = performance.now();
  const status = new Promise<number>((resolve) =>
    http.get(RESOURCE_URL).subscribe({
      next: () => resolve(200),
      error: (error: unknown) => resolve(error instanceof HttpErrorResponse ? error.status : -1),
    }),
  );
  const outcome = (await navigation).urlAfterRedirects.split('?')[0];
  const guard = { startedAt: navigatedFrom, doneAt: performance.now(), outcome };
  const request = { startedAt: requestedFrom, doneAt: leftAt, outcome: String(await status) };
  return { guard, request };
}
