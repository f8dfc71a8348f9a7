// DPoP (RFC 9449) against the real server: key-bound tokens, proof checks, nonces.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SignJWT, calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { getJson, postJson, startServer } from '../e2e/support/start-server.mjs';

describe('auth server: DPoP', () => {
  let server;
  let key;
  before(async () => {
    server = await startServer({ env: { TEST_MODE: '1' } });
  });
  after(() => server?.stop());
  beforeEach(async () => {
    await postJson(`${server.url}/api/_reset`);
    key = await newKey();
  });

  const url = (path) => `${server.url}/api${path}`;

  /** A DPoP proof JWT for `htm` `htu` signed with `signer` (claims may be overridden). */
  async function proof(signer, htm, htu, claims = {}) {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ htm, htu, jti: randomUUID(), iat, ...claims })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: signer.publicJwk })
      .sign(signer.privateKey);
  }

  async function dpopLogin(signer = key) {
    const dpop = await proof(signer, 'POST', url('/auth/login'));
    return postJson(url('/auth/login'), { username: 'demo', password: 'demo' }, { dpop });
  }

  async function dpopRefresh(refreshToken, signer = key, claims = {}) {
    const headers = signer
      ? { dpop: await proof(signer, 'POST', url('/auth/refresh'), claims) }
      : {};
    return postJson(url('/auth/refresh'), { refreshToken }, headers);
  }

  async function profile(accessToken, signer = key, claims = {}) {
    const ath = createHash('sha256').update(accessToken).digest('base64url');
    const dpop = await proof(signer, 'GET', url('/profile'), { ath, ...claims });
    return getJson(url('/profile'), { authorization: `DPoP ${accessToken}`, dpop });
  }

  test('a login with a proof issues DPoP tokens bound to the key (cnf.jkt)', async () => {
    const { status, body } = await dpopLogin();
    assert.equal(status, 200);
    assert.equal(body.tokenType, 'DPoP');
    assert.equal(decodeJwt(body.accessToken).cnf.jkt, await calculateJwkThumbprint(key.publicJwk));
    const answer = await profile(body.accessToken);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.sub, 'demo');
  });

  test('a bound access token is refused as Bearer, without a proof, or with another key', async () => {
    const { accessToken } = (await dpopLogin()).body;
    const asBearer = await getJson(url('/profile'), { authorization: `Bearer ${accessToken}` });
    assert.equal(asBearer.status, 401);
    assert.match(asBearer.headers.get('www-authenticate'), /^Bearer error="invalid_token"/);
    const noProof = await getJson(url('/profile'), { authorization: `DPoP ${accessToken}` });
    assert.equal(noProof.status, 401);
    assert.equal(noProof.headers.get('www-authenticate'), 'DPoP error="invalid_dpop_proof"');
    const otherKey = await profile(accessToken, await newKey());
    assert.equal(otherKey.status, 401);
    assert.match(otherKey.headers.get('www-authenticate'), /^DPoP error="invalid_token"/);
  });

  const badProofs = {
    'a proof for another method': { htm: 'POST' },
    'a proof for another URL': { htu: 'https://elsewhere.example/api/profile' },
    'a proof with an ath of another token': { ath: 'x'.repeat(43) },
    'a proof issued 5 minutes ago': { iat: Math.floor(Date.now() / 1000) - 300 },
  };
  for (const [label, claims] of Object.entries(badProofs)) {
    test(`a resource request with ${label} is refused as invalid_dpop_proof`, async () => {
      const { accessToken } = (await dpopLogin()).body;
      const answer = await profile(accessToken, key, claims);
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('www-authenticate'), 'DPoP error="invalid_dpop_proof"');
    });
  }

  test('a proof dated up to 60 s off the server clock is accepted, 62 s off refused', async () => {
    const { accessToken } = (await dpopLogin()).body;
    const statusAt = async (offsetS) => {
      const iat = Math.floor(Date.now() / 1000) + offsetS;
      return (await profile(accessToken, key, { iat })).status;
    };
    const statuses = [];
    for (const offsetS of [-58, 58, -62, 62]) statuses.push(await statusAt(offsetS));
    assert.deepEqual(statuses, [200, 200, 401, 401]);
  });

  test('a proof is accepted once: its jti replayed is refused', async () => {
    const { accessToken } = (await dpopLogin()).body;
    const ath = createHash('sha256').update(accessToken).digest('base64url');
    const dpop = await proof(key, 'GET', url('/profile'), { ath });
    const headers = { authorization: `DPoP ${accessToken}`, dpop };
    assert.equal((await getJson(url('/profile'), headers)).status, 200);
    const replay = await getJson(url('/profile'), headers);
    assert.equal(replay.status, 401);
    assert.equal(replay.headers.get('www-authenticate'), 'DPoP error="invalid_dpop_proof"');
  });

  test('a proof htu ignores the query; a proof with a private key in its header is refused', async () => {
    const { accessToken } = (await dpopLogin()).body;
    const ath = createHash('sha256').update(accessToken).digest('base64url');
    const withQuery = await proof(key, 'GET', url('/profile'), { ath });
    const ok = await getJson(`${url('/profile')}?x=1`, {
      authorization: `DPoP ${accessToken}`,
      dpop: withQuery,
    });
    assert.equal(ok.status, 200);
    const leaky = await new SignJWT({ htm: 'GET', htu: url('/profile'), jti: randomUUID(), ath })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.privateJwk })
      .setIssuedAt()
      .sign(key.privateKey);
    const refused = await getJson(url('/profile'), {
      authorization: `DPoP ${accessToken}`,
      dpop: leaky,
    });
    assert.equal(refused.status, 401);
  });

  test('a bound refresh token refreshes only with a proof of its key, and rotates', async () => {
    const first = (await dpopLogin()).body;
    const noProof = await dpopRefresh(first.refreshToken, null);
    assert.equal(noProof.status, 400);
    assert.equal(noProof.body.error, 'invalid_dpop_proof');
    const otherKey = await dpopRefresh(first.refreshToken, await newKey());
    assert.equal(otherKey.status, 400);
    assert.equal(otherKey.body.error, 'invalid_grant');
    const refreshed = await dpopRefresh(first.refreshToken);
    assert.equal(refreshed.status, 200, 'the refused attempts left the token usable by its key');
    assert.equal(refreshed.body.tokenType, 'DPoP');
    assert.notEqual(refreshed.body.refreshToken, first.refreshToken);
    assert.equal((await profile(refreshed.body.accessToken)).status, 200);
  });

  test('with nonces on, a proof without the nonce gets use_dpop_nonce and the nonce to use', async () => {
    await postJson(url('/_dpop'), { requireNonce: true });
    const login = await dpopLogin();
    assert.equal(login.status, 400);
    assert.equal(login.body.error, 'use_dpop_nonce');
    const nonce = login.headers.get('dpop-nonce');
    assert.ok(nonce);
    const dpop = await proof(key, 'POST', url('/auth/login'), { nonce });
    const retried = await postJson(
      url('/auth/login'),
      { username: 'demo', password: 'demo' },
      { dpop },
    );
    assert.equal(retried.status, 200);
    assert.equal(retried.headers.get('dpop-nonce'), nonce);

    const { accessToken, refreshToken } = retried.body;
    const without = await profile(accessToken);
    assert.equal(without.status, 401);
    assert.equal(without.headers.get('www-authenticate'), 'DPoP error="use_dpop_nonce"');
    assert.equal(without.headers.get('dpop-nonce'), nonce);
    assert.equal((await profile(accessToken, key, { nonce })).status, 200);
    assert.equal((await dpopRefresh(refreshToken, key)).body.error, 'use_dpop_nonce');
    assert.equal((await dpopRefresh(refreshToken, key, { nonce })).status, 200);
  });

  test('_stats counts verified proofs and nonce challenges; _dpop rotateNonce makes clients stale', async () => {
    const stats = async () => (await getJson(url('/_stats'))).body;
    await postJson(url('/_dpop'), { requireNonce: true });
    const challenged = await dpopLogin();
    const nonce = challenged.headers.get('dpop-nonce');
    const login = await postJson(
      url('/auth/login'),
      { username: 'demo', password: 'demo' },
      { dpop: await proof(key, 'POST', url('/auth/login'), { nonce }) },
    );
    assert.equal((await profile(login.body.accessToken, key, { nonce })).status, 200);
    assert.deepEqual(pick(await stats(), 'dpopProofs', 'dpopNonceChallenges', 'logins'), {
      dpopProofs: 2,
      dpopNonceChallenges: 1,
      logins: 1,
    });

    const rotated = await postJson(url('/_dpop'), { rotateNonce: true });
    assert.deepEqual(rotated.body, { requireNonce: true });
    const stale = await profile(login.body.accessToken, key, { nonce });
    assert.equal(stale.status, 401);
    assert.equal(stale.headers.get('www-authenticate'), 'DPoP error="use_dpop_nonce"');
    const fresh = stale.headers.get('dpop-nonce');
    assert.notEqual(fresh, nonce);
    assert.equal((await profile(login.body.accessToken, key, { nonce: fresh })).status, 200);
    assert.deepEqual(pick(await stats(), 'dpopProofs', 'dpopNonceChallenges'), {
      dpopProofs: 3,
      dpopNonceChallenges: 2,
    });
    assert.equal((await postJson(url('/_dpop'), {})).status, 400);
    assert.equal((await postJson(url('/_dpop'), { rotateNonce: false })).status, 400);
  });

  test('bearer sessions are untouched: a login without a proof issues Bearer tokens', async () => {
    const { body } = await postJson(url('/auth/login'), { username: 'demo', password: 'demo' });
    assert.equal(body.tokenType, 'Bearer');
    assert.equal(decodeJwt(body.accessToken).cnf, undefined);
    const asDpop = await profile(body.accessToken);
    assert.equal(asDpop.status, 401, 'an unbound token is not accepted as DPoP');
  });
});

/** An ES256 key pair as a browser would make it, with its public JWK. */
async function newKey() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    publicJwk: await exportJWK(publicKey),
    privateJwk: await exportJWK(privateKey),
  };
}

/** The named properties of an object. */
function pick(object, ...names) {
  return Object.fromEntries(names.map((name) => [name, object[name]]));
}
