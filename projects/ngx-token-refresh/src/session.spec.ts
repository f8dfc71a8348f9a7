import { SessionExpiredError } from './session-expired-error';
import { canRefresh, toSession, toStored, tokenAfterFailedRefresh } from './session';

describe('session', () => {
  it('toStored() gives what storage and other tabs keep: the tokens, expiry and token type, nothing of memory', () => {
    const stored = { accessToken: 'A1', refreshToken: 'R1', expiresAt: null, tokenType: 'DPoP' };
    const session = { ...toSession(stored, 30_000), rejected: true };
    expect(toStored(session)).toEqual(stored);
    const bearer = { accessToken: 'A1', refreshToken: null, expiresAt: 5 };
    expect(toStored(toSession(bearer, 30_000))).toEqual(bearer);
  });

  it('canRefresh() allows a refresh with a refresh token, or with the refresh token in a cookie', () => {
    const withToken = toSession({ accessToken: 'A1', refreshToken: 'R1', expiresAt: null }, 0);
    const without = toSession({ accessToken: 'A1', refreshToken: null, expiresAt: null }, 0);
    expect(canRefresh(withToken, false)).toBe(true);
    expect(canRefresh(without, false)).toBe(false);
    expect(canRefresh(null, false)).toBe(false);
    expect(canRefresh(without, true)).toBe(true);
    expect(canRefresh(null, true)).toBe(true);
  });

  it('tokenAfterFailedRefresh() keeps a transient failure from costing a token that is still good', () => {
    const at = (expiresAt: number) =>
      toSession({ accessToken: 'A1', refreshToken: 'R1', expiresAt }, 30_000);
    const transient = new Error('503');
    const valid = at(Date.now() + 10_000);
    expect(tokenAfterFailedRefresh(valid, transient)).toBe('A1');
    const ended = new SessionExpiredError('refresh-rejected');
    expect(() => tokenAfterFailedRefresh(valid, ended)).toThrow(ended);
    expect(() => tokenAfterFailedRefresh({ ...valid, rejected: true }, transient)).toThrow(
      transient,
    );
    expect(() => tokenAfterFailedRefresh(at(Date.now() - 1), transient)).toThrow(transient);
    expect(() => tokenAfterFailedRefresh(null, transient)).toThrow(transient);
  });
});
