import { REFRESH_URL } from '../api-urls';
import { TokenResponse } from '../patterns/auth-api';
import { fakeJwt } from './fake-jwt';

/** What the in-process server answers. */
export interface FakeAnswer {
  status: number;
  body: unknown;
}

/** Counters of the in-process server, like the real server's /api/_stats. */
export interface FakeCounters {
  requests: number;
  authorized: number;
  unauthorized: number;
  refreshCalls: number;
  refreshFailures: number;
}

const LIFETIME_S = 3600;

/**
 * A model of the demo auth server that runs inside the page: one session, JWT access tokens
 * (valid for an hour), refresh-token rotation (an old refresh token gets 400 `invalid_grant`).
 * With `enforce` off every resource request is answered 200 (the steady-state measure only
 * counts whether the right token came along); with it on, a request without the current token
 * gets 401. `expireAccess()` makes the server reject the current access token, as when it expires.
 * It keeps no history, so it cannot grow with the number of requests.
 */
export class FakeAuthServer {
  readonly counters: FakeCounters = {
    requests: 0,
    authorized: 0,
    unauthorized: 0,
    refreshCalls: 0,
    refreshFailures: 0,
  };
  private _generation = 0;
  private _bearer = '';
  private _refreshToken = '';

  constructor(private readonly _enforce: boolean) {}

  login(): TokenResponse {
    return this._issue();
  }

  expireAccess(): void {
    this._bearer = '';
  }

  answer(method: string, url: string, authorization: string | null, body: unknown): FakeAnswer {
    if (method === 'POST' && url.endsWith(REFRESH_URL)) return this._refresh(body);
    this.counters.requests++;
    const authorized = this._bearer !== '' && authorization === this._bearer;
    if (authorized) this.counters.authorized++;
    if (!authorized && this._enforce) {
      this.counters.unauthorized++;
      return { status: 401, body: { error: 'invalid_token' } };
    }
    return { status: 200, body: { id: 1, name: 'Alpha' } };
  }

  private _refresh(body: unknown): FakeAnswer {
    this.counters.refreshCalls++;
    const presented = (body as { refreshToken?: unknown } | null)?.refreshToken;
    if (presented !== this._refreshToken) {
      this.counters.refreshFailures++;
      return { status: 400, body: { error: 'invalid_grant' } };
    }
    return { status: 200, body: this._issue() };
  }

  private _issue(): TokenResponse {
    const now = Date.now() / 1000;
    const gen = ++this._generation;
    const accessToken = fakeJwt({ sub: 'demo', gen, iat: now, exp: now + LIFETIME_S });
    this._bearer = `Bearer ${accessToken}`;
    this._refreshToken = `rt-${gen}-${Math.random().toString(36).slice(2)}`;
    return { accessToken, refreshToken: this._refreshToken, expiresIn: LIFETIME_S };
  }
}
