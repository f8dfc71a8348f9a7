import { generateKeyPair } from 'dpop';
import { createDpopProof } from './dpop-proof';

describe('createDpopProof', () => {
  it('signs a dpop+jwt with the public jwk, htm, htu without query and fragment, iat and jti', async () => {
    const key = await generateKeyPair('ES256');
    const before = Math.floor(Date.now() / 1000);
    const proof = await createDpopProof(key, {
      method: 'get',
      url: '/api/items?page=2#top',
      base: 'https://app.example.com/shop/',
    });
    const { header, payload } = decode(proof);
    expect(header['typ']).toBe('dpop+jwt');
    expect(header['alg']).toBe('ES256');
    expect(Object.keys(header['jwk'] as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(payload['htm']).toBe('GET');
    expect(payload['htu']).toBe('https://app.example.com/api/items');
    expect(payload['iat']).toBeGreaterThanOrEqual(before);
    expect(typeof payload['jti']).toBe('string');
    expect(payload['ath']).toBeUndefined();
    expect(payload['nonce']).toBeUndefined();
    expect(await verifies(proof, key.publicKey)).toBeTrue();
  });

  it("adds ath (the access token's SHA-256) and the nonce when given; every proof has its own jti", async () => {
    const key = await generateKeyPair('ES256');
    const request = {
      method: 'POST',
      url: 'https://api.example.com/orders',
      base: 'https://app.example.com/',
    };
    const proof = await createDpopProof(key, { ...request, accessToken: 'AT-1', nonce: 'n-1' });
    const { payload } = decode(proof);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode('AT-1')),
    );
    expect(payload['ath']).toBe(base64url(digest));
    expect(payload['nonce']).toBe('n-1');
    const other = decode(await createDpopProof(key, request)).payload;
    expect(other['jti']).not.toBe(payload['jti']);
  });

  it('keeps the path in htu as it is, a trailing slash included', async () => {
    const key = await generateKeyPair('ES256');
    const proof = await createDpopProof(key, {
      method: 'GET',
      url: 'https://api.example.com/items/?page=2',
      base: 'https://app.example.com/',
    });
    expect(decode(proof).payload['htu']).toBe('https://api.example.com/items/');
  });
});

function decode(jwt: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))));
  return { header, payload };
}

async function verifies(jwt: string, publicKey: CryptoKey): Promise<boolean> {
  const [header, payload, signature] = jwt.split('.');
  const bytes = Uint8Array.from(atob(signature.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
    c.charCodeAt(0),
  );
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    publicKey,
    bytes,
    new TextEncoder().encode(`${header}.${payload}`),
  );
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
