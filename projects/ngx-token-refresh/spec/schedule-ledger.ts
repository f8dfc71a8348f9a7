// The test server's side of a schedule: the tokens it issued (with their expiry), the refresh
// token the session holds as far as it knows, the refresh tokens it replaced, and how often each
// URL reached it. `inspect` checks one request at the moment it leaves.
import { HttpRequest } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import { Origin, RefreshReply } from './schedule-steps';
import { REFRESH_URL, createJwt } from './spec-helpers';

/** A violated invariant: 'leak' when a token went where it must not (security.spec.ts). */
export type Report = (message: string, kind?: 'leak' | 'behaviour') => void;

export class TokenLedger {
  /** The refresh token the session holds, as far as the server knows (null: none). */
  refreshToken: string | null = null;
  private readonly _expiry = new Map<string, number>();
  private readonly _refreshTokens = new Set<string>();
  private readonly _retired = new Set<string>();
  private readonly _seen = new Map<string, number>();
  private _serial = 0;

  /** Every access and refresh token issued so far. */
  issued(): string[] {
    return [...this._expiry.keys(), ...this._refreshTokens];
  }

  /** Issues an access token (a JWT with `iat` and `exp`) that lives `lifetime` seconds. */
  issueAccessToken(lifetime: number): string {
    const now = Math.floor(Date.now() / 1000);
    const token = createJwt({ sub: `access-${++this._serial}`, iat: now, exp: now + lifetime });
    this._expiry.set(token, (now + lifetime) * 1000);
    return token;
  }

  /** Issues a refresh token and makes it the session's, replacing (retiring) the previous one. */
  rotate(): string {
    this.retire();
    // '~' occurs neither in base64url (JWTs) nor in the URLs: no false matches.
    this.refreshToken = `refresh~${++this._serial}~`;
    this._refreshTokens.add(this.refreshToken);
    return this.refreshToken;
  }

  /** Forgets the session's refresh token: it must never be sent again. */
  retire(): void {
    if (this.refreshToken !== null) this._retired.add(this.refreshToken);
    this.refreshToken = null;
  }

  /** How often the backend received `url` (the first attempt and its retries). */
  timesSent(url: string): number {
    return this._seen.get(url) ?? 0;
  }

  expiresAt(authorization: string): number | undefined {
    return this._expiry.get(authorization.replace(/^Bearer /, ''));
  }

  /**
   * Answers the refresh call as `reply` says (successes issue an access token living `lifetime`
   * seconds, and a new refresh token for 'rotate'); tells whether the answer ends the session.
   */
  answerRefresh(
    request: TestRequest,
    reply: RefreshReply,
    lifetime: number,
  ): 'success' | 'definitive' | 'transient' {
    const fail = (status: number, body: string | object) =>
      request.flush(body, { status, statusText: 'Refresh failed' });
    switch (reply) {
      case 'rotate':
        request.flush({
          access_token: this.issueAccessToken(lifetime),
          refresh_token: this.rotate(),
        });
        return 'success';
      case 'keep':
        request.flush({ accessToken: this.issueAccessToken(lifetime) });
        return 'success';
      case '401':
        fail(401, { error: 'invalid_token' });
        return 'definitive';
      case 'invalid_grant':
        fail(400, { error: 'invalid_grant' });
        return 'definitive';
      case '500':
        fail(500, 'down');
        return 'transient';
      case 'invalid_request':
        fail(400, { error: 'invalid_request' });
        return 'transient';
      case 'network':
        request.error(new ProgressEvent('error'));
        return 'transient';
      case 'html':
        request.flush('<html>maintenance</html>');
        return 'transient';
    }
  }

  /**
   * Checks a request as it leaves, at `at` on the mocked clock. `call` is the logical request it
   * belongs to (absent for the refresh call).
   */
  inspect(
    request: HttpRequest<unknown>,
    at: number,
    call: { origin: Origin | null; body: unknown } | undefined,
    report: Report,
  ): void {
    const where = `${request.method} ${request.url}`;
    const auth = request.headers.get('Authorization');
    if (request.url === REFRESH_URL) {
      const token = (request.body as { refreshToken?: unknown } | null)?.refreshToken;
      if (typeof token !== 'string') report('the refresh call carried no refresh token');
      else if (this._retired.has(token))
        report(`the replaced refresh token ${token} was sent`, 'leak');
      if (auth !== null) report('the refresh call carried an Authorization header', 'leak');
      return;
    }
    const times = this.timesSent(request.url) + 1;
    this._seen.set(request.url, times);
    if (times > 2) report(`${where} was sent ${times} times`);
    if (call && request.body !== call.body) report(`${where} was re-sent with another body`);
    if (auth !== null) {
      if (call?.origin === 'disallowed')
        report(`${where} carried the Authorization header`, 'leak');
      const expiresAt = this.expiresAt(auth);
      if (expiresAt === undefined) report(`${where} carried an unknown token`);
      else if (expiresAt <= at && this.refreshToken !== null) {
        report(`${where} carried a token expired ${(at - expiresAt) / 1000} s ago`);
      }
    }
    const text = [
      request.urlWithParams,
      ...request.headers.keys().map((name) => `${name}: ${request.headers.getAll(name)}`),
      String(request.serializeBody() ?? ''),
    ].join('\n');
    for (const token of this._refreshTokens) {
      if (text.includes(token)) report(`${where} carried the refresh token ${token}`, 'leak');
    }
  }
}
