import { HttpBackend, HttpErrorResponse, HttpEventType, HttpResponse } from '@angular/common/http';
import { AxiosAdapter, AxiosError, AxiosResponse } from 'axios';
import { Observable } from 'rxjs';
import { REFRESH_URL } from './api-urls';
import { TokenResponse } from './shared';

/** An unsigned JWT (`alg` says HS256, the signature is a placeholder): decodable, not verifiable. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/**
 * The demo auth server as a model in the page: JWT access tokens, refresh-token rotation; with
 * `enforce`, 401 without the current token (else 200, counted). No history: it cannot grow. DPoP
 * proofs are counted, never verified (the bench measures the client's cost).
 */
export class FakeAuthServer {
  readonly counters = { requests: 0, authorized: 0, unauthorized: 0, refreshCalls: 0, proofs: 0 };
  private _bearer = '';
  private _refreshToken = '';
  private _generation = 0;
  constructor(private readonly _enforce: boolean) {}
  expireAccess(): void {
    this._bearer = '';
  }
  answer(method: string, url: string, authorization: unknown, body: unknown) {
    if (method === 'POST' && url.endsWith(REFRESH_URL)) {
      this.counters.refreshCalls++;
      const presented = (body as { refreshToken?: unknown } | null)?.refreshToken;
      if (presented !== this._refreshToken)
        return { status: 400, body: { error: 'invalid_grant' } };
      return { status: 200, body: this.login() };
    }
    this.counters.requests++;
    const authorized = this._bearer !== '' && authorization === this._bearer;
    if (authorized) this.counters.authorized++;
    if (authorized || !this._enforce) return { status: 200, body: { id: 1, name: 'Alpha' } };
    this.counters.unauthorized++;
    return { status: 401, body: { error: 'invalid_token' } };
  }
  login(): TokenResponse {
    const now = Date.now() / 1000;
    const gen = ++this._generation;
    const accessToken = fakeJwt({ sub: 'demo', gen, iat: now, exp: now + 3600 });
    this._bearer = `Bearer ${accessToken}`;
    this._refreshToken = `rt-${gen}-${Math.random().toString(36).slice(2)}`;
    return { accessToken, refreshToken: this._refreshToken, expiresIn: 3600 };
  }
}

/**
 * The in-process server behind an `HttpBackend` and an axios adapter: `'sync'` answers at once
 * (steady state: only the interceptors' CPU time), `'async'` enforces tokens, in a microtask.
 */
export function createInProcess(mode: 'sync' | 'async') {
  const server = new FakeAuthServer(mode === 'async');
  const backend: HttpBackend = {
    handle: (req) =>
      new Observable((observer) => {
        let live = true;
        const respond = () => {
          if (!live) return;
          const auth = req.headers.get('Authorization');
          if (req.headers.has('DPoP')) server.counters.proofs++;
          const { status, body } = server.answer(req.method, req.url, auth, req.body);
          if (status !== 200) {
            return observer.error(new HttpErrorResponse({ status, error: body, url: req.url }));
          }
          observer.next(new HttpResponse({ status, body, url: req.url }));
          observer.complete();
        };
        observer.next({ type: HttpEventType.Sent });
        if (mode === 'async') queueMicrotask(respond);
        else respond();
        return () => (live = false);
      }),
  };
  const adapter: AxiosAdapter = async (config) => {
    const data = typeof config.data === 'string' ? JSON.parse(config.data) : config.data;
    const method = config.method?.toUpperCase() ?? 'GET';
    const auth = config.headers?.get('Authorization');
    const { status, body } = server.answer(method, config.url ?? '', auth, data);
    const response: AxiosResponse = { data: body, status, statusText: '', headers: {}, config };
    if (status === 200) return response;
    const message = `Request failed with status code ${status}`;
    throw new AxiosError(message, AxiosError.ERR_BAD_REQUEST, config, {}, response);
  };
  return { server, backend, adapter };
}

export type InProcess = ReturnType<typeof createInProcess>;
