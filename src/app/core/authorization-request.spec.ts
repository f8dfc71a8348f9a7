import { authorizationUrl, codeExchangeForm } from './authorization-request';
import { OidcSettings } from './oidc-settings';

const SETTINGS: OidcSettings = {
  issuer: 'http://127.0.0.1:4000',
  clientId: 'demo-spa',
  authorizationEndpoint: 'http://127.0.0.1:4000/auth?prompt=login',
  tokenEndpoint: 'http://127.0.0.1:4000/token',
  userinfoEndpoint: 'http://127.0.0.1:4000/me',
  scope: 'openid',
};

describe('authorization-request', () => {
  it('authorizationUrl asks for a code with an S256 challenge, keeping the endpoint’s query', () => {
    const url = new URL(
      authorizationUrl(SETTINGS, {
        redirectUri: 'http://127.0.0.1:3000/callback',
        state: 's t',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4000/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prompt: 'login',
      response_type: 'code',
      client_id: 'demo-spa',
      redirect_uri: 'http://127.0.0.1:3000/callback',
      scope: 'openid',
      state: 's t',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('codeExchangeForm is the authorization_code grant with the verifier, form-encoded', () => {
    const form = codeExchangeForm(SETTINGS, {
      code: 'c/1',
      redirectUri: 'http://127.0.0.1:3000/callback',
      codeVerifier: 'v',
    });
    expect(Object.fromEntries(new URLSearchParams(form))).toEqual({
      grant_type: 'authorization_code',
      code: 'c/1',
      redirect_uri: 'http://127.0.0.1:3000/callback',
      client_id: 'demo-spa',
      code_verifier: 'v',
    });
  });
});
