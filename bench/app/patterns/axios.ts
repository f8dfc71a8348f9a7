import axios, { AxiosAdapter, AxiosInstance } from 'axios';
import { createAuthRefresh } from 'axios-auth-refresh';
import { REFRESH_URL } from '../api-urls';
import { TokenResponse, TokenStore } from '../shared';

/**
 * An axios instance that attaches the stored token on every request (the request interceptor
 * of axios-auth-refresh's README, "Request interceptor"). `adapter` replaces the network for the
 * in-process measures.
 */
export function createTokenAxios(store: TokenStore, adapter?: AxiosAdapter): AxiosInstance {
  const instance = axios.create(adapter ? { adapter } : {});
  instance.interceptors.request.use((request) => {
    request.headers['Authorization'] = `Bearer ${store.accessToken}`;
    return request;
  });
  return instance;
}

/**
 * The same instance with axios-auth-refresh, set up as its README's "Usage" shows: the refresh
 * logic POSTs with a plain axios instance, stores the tokens and puts the new token on the failed
 * request; default options (one refresh at a time, the instance paused while refreshing).
 */
export function createAuthRefreshAxios(store: TokenStore, adapter?: AxiosAdapter): AxiosInstance {
  const instance = createTokenAxios(store, adapter);
  const plain = axios.create(adapter ? { adapter } : {});
  createAuthRefresh(instance, (failedRequest) =>
    plain
      .post<TokenResponse>(REFRESH_URL, { refreshToken: store.refreshToken })
      .then((response) => {
        store.set(response.data);
        failedRequest.response.config.headers['Authorization'] =
          `Bearer ${response.data.accessToken}`;
      }),
  );
  return instance;
}
