import { HttpClient } from '@angular/common/http';
import { Injector } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { axiosSender, httpClientSender } from '../bench-client';
import { createAuthRefreshAxios, createTokenAxios } from '../patterns/axios-clients';
import { TokenStore } from '../token-store';
import { bareProviders } from './bare';
import { floorBearerProviders } from './floor-bearer';
import { jwtProviders } from './jwt';
import { libraryProviders, singleTabLibraryProviders } from './library';
import { naiveProviders } from './naive';
import { ngxAuthProviders } from './ngx-auth';
import { queuedProviders } from './queued';
import { SessionTokens, Variant } from './variant';

const viaHttpClient = (injector: Injector) => httpClientSender(injector.get(HttpClient));
const intoStore = (injector: Injector, tokens: SessionTokens) =>
  injector.get(TokenStore).set(tokens);
const intoTokenService = (injector: Injector, tokens: SessionTokens) =>
  injector.get(TokenService).setTokens(tokens);

/** Every option the runtime bench app can start, by the id in `?variant=`. */
export const VARIANTS: Record<string, Variant> = {
  bare: { providers: bareProviders, client: viaHttpClient, setSession: intoStore },
  'floor-bearer': { providers: floorBearerProviders, client: viaHttpClient, setSession: intoStore },
  library: { providers: libraryProviders, client: viaHttpClient, setSession: intoTokenService },
  'library-single-tab': {
    providers: singleTabLibraryProviders,
    client: viaHttpClient,
    setSession: intoTokenService,
  },
  naive: { providers: naiveProviders, client: viaHttpClient, setSession: intoStore },
  queued: { providers: queuedProviders, client: viaHttpClient, setSession: intoStore },
  'ngx-auth': { providers: ngxAuthProviders, client: viaHttpClient, setSession: intoStore },
  jwt: { providers: jwtProviders(false), client: viaHttpClient, setSession: intoStore },
  'jwt-skip-expired': {
    providers: jwtProviders(true),
    client: viaHttpClient,
    setSession: intoStore,
  },
  axios: {
    providers: [],
    client: (injector, adapter) =>
      axiosSender(createTokenAxios(injector.get(TokenStore), adapter ?? undefined)),
    setSession: intoStore,
  },
  'axios-auth-refresh': {
    providers: [],
    client: (injector, adapter) =>
      axiosSender(createAuthRefreshAxios(injector.get(TokenStore), adapter ?? undefined)),
    setSession: intoStore,
  },
};
