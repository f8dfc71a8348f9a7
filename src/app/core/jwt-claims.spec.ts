import { authScheme, decodeJwtClaims, generationFromHeader } from './jwt-claims';

function jwt(payload: object): string {
  const encode = (value: object) => {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    const base64 = btoa(String.fromCharCode(...bytes));
    return base64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`;
}

describe('jwt-claims', () => {
  it('decodes the claims of a JWT', () => {
    expect(decodeJwtClaims(jwt({ sub: 'démo', gen: 3 }))).toEqual({ sub: 'démo', gen: 3 });
  });

  it('returns null for anything that is not a JWT', () => {
    expect(decodeJwtClaims('opaque')).toBeNull();
    expect(decodeJwtClaims('a.%%%.c')).toBeNull();
    expect(decodeJwtClaims(null)).toBeNull();
  });

  it('decodes the key thumbprint of a DPoP-bound token', () => {
    expect(decodeJwtClaims(jwt({ cnf: { jkt: 'abc' } }))?.cnf?.jkt).toBe('abc');
  });

  it('reads the scheme of an Authorization header', () => {
    expect(authScheme('DPoP abc')).toBe('DPoP');
    expect(authScheme('Bearer abc')).toBe('Bearer');
    expect(authScheme('Bearer')).toBeNull();
    expect(authScheme(null)).toBeNull();
  });

  it('reads the generation from a Bearer or DPoP header', () => {
    expect(generationFromHeader(`Bearer ${jwt({ gen: 2 })}`)).toBe(2);
    expect(generationFromHeader(`DPoP ${jwt({ gen: 3 })}`)).toBe(3);
    expect(generationFromHeader(null)).toBeNull();
    expect(generationFromHeader('Basic abc')).toBeNull();
  });
});
