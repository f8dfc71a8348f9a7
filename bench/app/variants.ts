import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, Injector, Provider } from '@angular/core';
import { AxiosAdapter } from 'axios';
import { withDpop } from 'ngx-token-refresh';
import { createAuthRefreshAxios, createTokenAxios } from './patterns/axios';
import { bearerInterceptor } from './patterns/floor-bearer';
import { jwtProviders } from './patterns/jwt';
import { libraryProviders } from './patterns/library';
import { naiveRefreshInterceptor } from './patterns/naive';
import { ngxAuthProviders } from './patterns/ngx-auth';
import { queuedRefreshInterceptor } from './patterns/queued';
import { TokenStore } from './shared';

/** Called once per request: whether it succeeded. */
export type Done = (ok: boolean) => void;
/** An HttpClient observer (or promise callbacks) telling `done` whether the request succeeded. */
export const settle = (done: Done) => ({ next: () => done(true), error: () => done(false) });
/** Sends one GET as the option's users do; callbacks keep promises out of the timing. */
export type Send = (url: string, done: Done) => void;
/** How the measures send (`adapter`: the in-process network for axios). */
type Sender = (injector: Injector, adapter?: AxiosAdapter) => Send;

const viaHttpClient: Sender = (injector) => {
  const http = injector.get(HttpClient);
  return (url, done) => http.get(url).subscribe(settle(done));
};

const viaAxios =
  (create: typeof createTokenAxios): Sender =>
  (injector, adapter) => {
    const instance = create(injector.get(TokenStore), adapter);
    return (url, done) => {
      const { next, error } = settle(done);
      instance.get(url).then(next, error);
    };
  };

/** Each option by `?variant=` id: providers, sender, session in `TokenService` (or `TokenStore`). */
export const VARIANTS: Record<string, [(Provider | EnvironmentProviders)[], Sender, boolean?]> = {
  bare: [[provideHttpClient()], viaHttpClient],
  'floor-bearer': [[provideHttpClient(withInterceptors([bearerInterceptor]))], viaHttpClient],
  library: [libraryProviders(), viaHttpClient, true],
  // `crossTab: false` (no Web Lock, no BroadcastChannel): shows what they cost.
  'library-single-tab': [libraryProviders({ crossTab: false }), viaHttpClient, true],
  // A fresh DPoP proof (ES256, WebCrypto) on every request with the token and the refresh call.
  'library-dpop': [libraryProviders({}, withDpop()), viaHttpClient, true],
  naive: [[provideHttpClient(withInterceptors([naiveRefreshInterceptor]))], viaHttpClient],
  queued: [[provideHttpClient(withInterceptors([queuedRefreshInterceptor]))], viaHttpClient],
  'ngx-auth': [ngxAuthProviders, viaHttpClient],
  jwt: [jwtProviders(false), viaHttpClient],
  'jwt-skip-expired': [jwtProviders(true), viaHttpClient],
  axios: [[], viaAxios(createTokenAxios)],
  'axios-auth-refresh': [[], viaAxios(createAuthRefreshAxios)],
};
