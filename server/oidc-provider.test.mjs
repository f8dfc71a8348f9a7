// The OpenID provider of e2e/oidc-interop.spec.ts (e2e/support/oidc-provider.mjs), driven by a
// Node client with panva's `dpop`: authorization code + PKCE as a public client, DPoP-bound
// tokens with the provider's nonces, rotating refresh tokens. It pins down what the demo app
// must do in the browser, without one.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { calculateThumbprint, generateKeyPair, generateProof } from 'dpop';
import { startOidcProvider } from '../e2e/support/oidc-provider.mjs';

describe('oidc-provider interop (Node client)', () => {
  /** @type {Awaited<ReturnType<typeof startOidcProvider>>} */
  let op;
  before(async () => {
    op = await startOidcProvider({ redirectOrigin: 'http://127.0.0.1:9', accessTtlS: 10 });
  });
  after(() => op?.stop());

  /** A client with its own DPoP key, cookie jar and last nonce, as a browser tab would have. */
  function newClient(key) {
    const cookies = new Map();
    const client = { key, nonce: undefined, challenges: 0 };

    async function send(url, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) {
        headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const index = pair.indexOf('=');
        cookies.set(pair.slice(0, index), pair.slice(index + 1));
      }
      return response;
    }

    /** Sends with a proof; on use_dpop_nonce, once more with the nonce it was given. */
    async function withProof(method, url, { accessToken, body, signer = client.key } = {}) {
      for (let attempt = 1; ; attempt += 1) {
        const proof = await generateProof(signer, url, method, client.nonce, accessToken);
        const headers = { dpop: proof };
        if (accessToken) headers.authorization = `DPoP ${accessToken}`;
        if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
        const response = await send(url, {
          method,
          headers,
          body: body && new URLSearchParams(body),
        });
        client.nonce = response.headers.get('dpop-nonce') ?? client.nonce;
        if (attempt === 1 && (await isNonceChallenge(response))) {
          client.challenges += 1;
          continue;
        }
        return response;
      }
    }

    /** Authorization code + PKCE through the sign-in page; resolves the code and verifier. */
    async function authorize() {
      const verifier = randomBytes(32).toString('base64url');
      const state = randomBytes(8).toString('hex');
      const authorization = new URL(op.authorizationEndpoint);
      authorization.search = new URLSearchParams({
        client_id: op.clientId,
        response_type: 'code',
        redirect_uri: op.redirectUri,
        scope: 'openid',
        state,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      // /auth -> /interaction/:uid (sign-in page; submitted) -> /auth/:uid -> redirect_uri
      let location = authorization.href;
      for (let hop = 0; !location.startsWith(op.redirectUri); hop += 1) {
        assert.ok(hop < 5, `too many redirects, at ${location}`);
        const signInPage = /\/interaction\/[\w-]+$/.test(new URL(location).pathname);
        const url = signInPage ? `${location}/login` : location;
        const response = await send(url, { method: signInPage ? 'POST' : 'GET' });
        assert.equal(response.status, 303, `${url} answered ${response.status}`);
        location = new URL(response.headers.get('location'), op.issuer).href;
      }
      const callback = new URL(location).searchParams;
      assert.equal(callback.get('state'), state);
      assert.equal(callback.get('iss'), op.issuer);
      return { code: callback.get('code'), verifier };
    }

    const exchangeForm = ({ code, verifier }) => ({
      grant_type: 'authorization_code',
      code,
      redirect_uri: op.redirectUri,
      client_id: op.clientId,
      code_verifier: verifier,
    });

    /** Signs in and exchanges the code with a proof; resolves the token response. */
    async function signIn() {
      const response = await withProof('POST', op.tokenEndpoint, {
        body: exchangeForm(await authorize()),
      });
      assert.equal(response.status, 200, await response.clone().text());
      return response.json();
    }

    const refresh = (refreshToken, signer) =>
      withProof('POST', op.tokenEndpoint, {
        signer,
        body: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: op.clientId },
      });

    const userinfo = (accessToken, signer) =>
      withProof('GET', op.userinfoEndpoint, { accessToken, signer });

    return Object.assign(client, { authorize, exchangeForm, signIn, refresh, userinfo });
  }

  test('the code exchange with a proof binds the tokens to the key, after one nonce challenge', async () => {
    const client = newClient(await generateKeyPair('ES256'));
    const tokens = await client.signIn();
    assert.equal(tokens.token_type, 'DPoP');
    assert.equal(tokens.expires_in, 10);
    assert.equal(typeof tokens.refresh_token, 'string');
    assert.equal(client.challenges, 1, 'the provider demanded a nonce once, then accepted it');
    const introspection = await op.introspect(tokens.access_token);
    assert.equal(introspection.active, true);
    assert.equal(introspection.token_type, 'DPoP');
    assert.equal(introspection.cnf.jkt, await calculateThumbprint(client.key.publicKey));
  });

  test('a code exchange without a proof is refused: the client must bind its tokens', async () => {
    const client = newClient(await generateKeyPair('ES256'));
    const response = await fetch(op.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(client.exchangeForm(await client.authorize())),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    });
  });

  test('userinfo takes the token as DPoP with a proof of its key, nothing else', async () => {
    const client = newClient(await generateKeyPair('ES256'));
    const { access_token: accessToken } = await client.signIn();
    const ok = await client.userinfo(accessToken);
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).sub, 'demo');

    const asBearer = await fetch(op.userinfoEndpoint, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    assert.equal(asBearer.status, 401);
    const otherKey = await client.userinfo(accessToken, await generateKeyPair('ES256'));
    assert.equal(otherKey.status, 401);
    assert.match(otherKey.headers.get('www-authenticate'), /^DPoP .*error="invalid_token"/);
  });

  test('a refresh rotates the refresh token; the old one is dead, a replay revokes the grant', async () => {
    const client = newClient(await generateKeyPair('ES256'));
    const first = await client.signIn();
    const refreshed = await client.refresh(first.refresh_token);
    assert.equal(refreshed.status, 200);
    const second = await refreshed.json();
    assert.equal(second.token_type, 'DPoP');
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.equal((await op.introspect(first.refresh_token)).active, false);
    assert.equal((await op.introspect(second.refresh_token)).active, true);

    // Another key cannot use the current one (it stays valid for its own key).
    const stolen = await client.refresh(second.refresh_token, await generateKeyPair('ES256'));
    assert.equal(stolen.status, 400);
    assert.equal((await stolen.json()).error, 'invalid_grant');
    assert.equal((await op.introspect(second.refresh_token)).active, true);

    // The old one, replayed even with the right key, is reuse: the whole grant is revoked.
    const replay = await client.refresh(first.refresh_token);
    assert.equal(replay.status, 400);
    assert.equal((await replay.json()).error, 'invalid_grant');
    assert.equal((await op.introspect(second.refresh_token)).active, false);
  });

  test('a refresh without a proof is refused', async () => {
    const client = newClient(await generateKeyPair('ES256'));
    const { refresh_token: refreshToken } = await client.signIn();
    const response = await fetch(op.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: op.clientId,
      }),
    });
    assert.equal(response.status, 400);
    assert.equal((await op.introspect(refreshToken)).active, true);
  });

  test('CORS: the token and userinfo endpoints answer the app origin and expose DPoP-Nonce', async () => {
    const preflight = await fetch(op.tokenEndpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:9',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,dpop',
      },
    });
    assert.equal(preflight.status, 204);
    const client = newClient(await generateKeyPair('ES256'));
    const { access_token: accessToken } = await client.signIn();
    const proof = await generateProof(
      client.key,
      op.userinfoEndpoint,
      'GET',
      undefined,
      accessToken,
    );
    const answer = await fetch(op.userinfoEndpoint, {
      headers: { origin: 'http://127.0.0.1:9', authorization: `DPoP ${accessToken}`, dpop: proof },
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
    assert.match(answer.headers.get('access-control-expose-headers'), /dpop-nonce/i);
    assert.match(answer.headers.get('access-control-expose-headers'), /www-authenticate/i);
    assert.match(answer.headers.get('www-authenticate'), /error="use_dpop_nonce"/);
  });
});

/** Whether an answer asks for a DPoP nonce (token endpoint: 400, resource: 401). */
async function isNonceChallenge(response) {
  if (response.status === 401) {
    return /error="use_dpop_nonce"/.test(response.headers.get('www-authenticate') ?? '');
  }
  if (response.status !== 400) return false;
  const body = await response
    .clone()
    .json()
    .catch(() => null);
  return body?.error === 'use_dpop_nonce';
}
