import { tokenPairFrom } from './token-response';

describe('tokenPairFrom', () => {
  it('reads the demo server’s login answer', () => {
    const body = { accessToken: 'a', refreshToken: 'r', expiresIn: 8, tokenType: 'DPoP' };
    expect(tokenPairFrom(body)).toEqual(body);
  });

  it('reads an OAuth token endpoint’s answer', () => {
    const body = { access_token: 'a', refresh_token: 'r', expires_in: 10, token_type: 'DPoP' };
    expect(tokenPairFrom({ ...body, id_token: 'i', scope: 'openid' })).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 10,
      tokenType: 'DPoP',
    });
  });

  it('leaves out what the answer does not say; a refresh token that is not text is none', () => {
    expect(tokenPairFrom({ access_token: 'a', refresh_token: 7 })).toEqual({
      accessToken: 'a',
      refreshToken: null,
    });
  });

  it('throws without an access token', () => {
    expect(() => tokenPairFrom({ refresh_token: 'r' })).toThrowError(/no access token/);
    expect(() => tokenPairFrom(null)).toThrowError(/no access token/);
  });
});
