import { toSession, toStored } from './session';

describe('session', () => {
  it('toStored() gives what storage and other tabs keep: the tokens, expiry and token type, nothing of memory', () => {
    const stored = { accessToken: 'A1', refreshToken: 'R1', expiresAt: null, tokenType: 'DPoP' };
    const session = { ...toSession(stored, 30_000), rejected: true };
    expect(toStored(session)).toEqual(stored);
    const bearer = { accessToken: 'A1', refreshToken: null, expiresAt: 5 };
    expect(toStored(toSession(bearer, 30_000))).toEqual(bearer);
  });
});
