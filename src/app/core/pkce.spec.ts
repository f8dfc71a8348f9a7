import { pkceChallenge, randomUrlSafe } from './pkce';

describe('pkce', () => {
  it('pkceChallenge computes the S256 challenge of RFC 7636 appendix B', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(await pkceChallenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('randomUrlSafe gives 43 base64url characters for 32 bytes, different each time', () => {
    const first = randomUrlSafe();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomUrlSafe()).not.toBe(first);
  });
});
