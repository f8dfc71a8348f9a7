import { parseOidcSettings } from './oidc-settings';

const SETTINGS = {
  issuer: 'http://127.0.0.1:4000',
  clientId: 'demo-spa',
  authorizationEndpoint: 'http://127.0.0.1:4000/auth',
  tokenEndpoint: 'http://127.0.0.1:4000/token',
  userinfoEndpoint: 'http://127.0.0.1:4000/me',
};

describe('parseOidcSettings', () => {
  it('reads a complete entry, with the scope defaulting to openid', () => {
    expect(parseOidcSettings(JSON.stringify(SETTINGS))).toEqual({ ...SETTINGS, scope: 'openid' });
    const withScope = JSON.stringify({ ...SETTINGS, scope: 'openid profile' });
    expect(parseOidcSettings(withScope)?.scope).toBe('openid profile');
  });

  it('returns null without an entry, for text that is not JSON, or for a JSON non-object', () => {
    expect(parseOidcSettings(null)).toBeNull();
    expect(parseOidcSettings('{oops')).toBeNull();
    expect(parseOidcSettings('"http://127.0.0.1:4000"')).toBeNull();
  });

  it('returns null when a URL is missing or not http(s), or the client id is empty', () => {
    const { tokenEndpoint: _, ...withoutToken } = SETTINGS;
    expect(parseOidcSettings(JSON.stringify(withoutToken))).toBeNull();
    const script = { ...SETTINGS, authorizationEndpoint: 'javascript:alert(1)' };
    expect(parseOidcSettings(JSON.stringify(script))).toBeNull();
    expect(parseOidcSettings(JSON.stringify({ ...SETTINGS, clientId: '' }))).toBeNull();
  });
});
