import { canRefresh, toSession, toStored } from './session';

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
    expect(canRefresh(withToken, { refreshTokenInCookie: false })).toBe(true);
    expect(canRefresh(without, { refreshTokenInCookie: false })).toBe(false);
    expect(canRefresh(null, { refreshTokenInCookie: false })).toBe(false);
    expect(canRefresh(without, { refreshTokenInCookie: true })).toBe(true);
    expect(canRefresh(null, { refreshTokenInCookie: true })).toBe(true);
  });
});
