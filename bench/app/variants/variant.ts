import { EnvironmentProviders, Injector, Provider } from '@angular/core';
import { AxiosAdapter } from 'axios';
import { BenchClient } from '../bench-client';

/** The tokens a login or a refresh returns. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
}

/** One option under test, as the runtime bench app starts it. */
export interface Variant {
  readonly providers: (Provider | EnvironmentProviders)[];
  /** What the measures send requests with (`adapter`: the in-process network, for axios). */
  client(injector: Injector, adapter: AxiosAdapter | null): BenchClient;
  /** Starts a session with these tokens, the way the app would after login. */
  setSession(injector: Injector, tokens: SessionTokens): void;
}
