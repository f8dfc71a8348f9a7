// Login, protected resources and access-token verification against the real server process.
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { bearer, login } from '../e2e/support/auth-api.mjs';
import { getJson, postJson, startServer } from '../e2e/support/start-server.mjs';

describe('auth server: login and protected resources', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.stop());

  test('prints its URL on 127.0.0.1', () => {
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  test('login returns signed tokens and the rt cookie', async () => {
    const response = await postJson(`${server.url}/api/auth/login`, {
      username: 'demo',
      password: 'demo',
    });
    assert.equal(response.status, 200);
    const { accessToken, refreshToken, expiresIn, tokenType } = response.body;
    assert.deepEqual(Object.keys(response.body).sort(), [
      'accessToken',
      'expiresIn',
      'refreshToken',
      'tokenType',
    ]);
    assert.equal(tokenType, 'Bearer');
    assert.equal(expiresIn, 10);
    assert.match(refreshToken, /^[A-Za-z0-9_-]{43}$/);
    const claims = decodeJwt(accessToken);
    assert.equal(claims.sub, 'demo');
    assert.equal(claims.gen, 1);
    assert.equal(typeof claims.sid, 'string');
    assert.equal(typeof claims.jti, 'string');
    assert.ok(Math.abs(claims.exp - claims.iat - 10) < 0.01);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('rt='));
    assert.ok(cookie.startsWith(`rt=${refreshToken};`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\/api\/auth/);
  });

  test('every login gets a unique jti and its own family', async () => {
    const [first, second] = [await login(server.url), await login(server.url)];
    const [a, b] = [decodeJwt(first.accessToken), decodeJwt(second.accessToken)];
    assert.notEqual(a.jti, b.jti);
    assert.notEqual(a.sid, b.sid);
  });

  test('bad credentials get 401 invalid_credentials without a Bearer challenge', async () => {
    const response = await postJson(`${server.url}/api/auth/login`, {
      username: 'demo',
      password: 'wrong',
    });
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, { error: 'invalid_credentials' });
    assert.equal(response.headers.get('www-authenticate'), null);
  });

  test('protected resources answer with a fresh token', async () => {
    const { accessToken } = await login(server.url);
    const claims = decodeJwt(accessToken);
    const headers = bearer(accessToken);

    const profile = await getJson(`${server.url}/api/profile`, headers);
    assert.equal(profile.status, 200);
    assert.deepEqual(profile.body, { sub: 'demo', gen: 1, sid: claims.sid });

    const whoami = await getJson(`${server.url}/api/whoami`, headers);
    const { sub, jti, sid, gen, exp } = claims;
    assert.deepEqual(whoami.body, { sub, jti, sid, gen, exp });

    const items = await getJson(`${server.url}/api/items`, headers);
    assert.equal(items.status, 200);
    assert.ok(items.body.length >= 3);
    const item = await getJson(`${server.url}/api/items/2`, headers);
    assert.deepEqual(item.body, items.body[1]);
    assert.equal((await getJson(`${server.url}/api/items/999`, headers)).status, 404);

    const started = Date.now();
    const slow = await getJson(`${server.url}/api/slow?ms=150`, headers);
    assert.equal(slow.status, 200);
    assert.equal(slow.body.waitedMs, 150);
    assert.ok(Date.now() - started >= 140);
  });

  test('a missing token gets 401 with the realm challenge', async () => {
    const response = await getJson(`${server.url}/api/profile`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="api"');
  });

  test('a tampered token gets 401 invalid_token', async () => {
    const { accessToken } = await login(server.url);
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    for (const token of [`${header}.${forged}.${signature}`, `${none}.${payload}.`, 'garbage']) {
      const response = await getJson(`${server.url}/api/profile`, bearer(token));
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
      assert.deepEqual(response.body, { error: 'invalid_token' });
    }
  });

  test('an expired token gets 401 invalid_token (ACCESS_TTL=1s)', async (t) => {
    const shortLived = await startServer({ env: { ACCESS_TTL: '1s' } });
    t.after(() => shortLived.stop());
    const { accessToken, expiresIn } = await login(shortLived.url);
    assert.equal(expiresIn, 1);
    const url = `${shortLived.url}/api/profile`;
    assert.equal((await getJson(url, bearer(accessToken))).status, 200);
    await sleep(decodeJwt(accessToken).exp * 1000 - Date.now() + 20);
    const response = await getJson(url, bearer(accessToken));
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    assert.deepEqual(response.body, { error: 'invalid_token' });
  });

  test('accepts connections on 127.0.0.1 only', async () => {
    const connects = (host) =>
      new Promise((resolve) => {
        const socket = net.connect({ host, port: server.port, timeout: 1000 });
        const settle = (connected) => {
          socket.destroy();
          resolve(connected);
        };
        socket.once('connect', () => settle(true));
        socket.once('error', () => settle(false)).once('timeout', () => settle(false));
      });
    assert.equal(await connects('127.0.0.1'), true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => !address.internal)
      .map((address) => address.address);
    for (const host of ['127.0.0.2', '::1', ...others]) {
      assert.equal(await connects(host), false, `unexpectedly reachable on ${host}`);
    }
  });
});
