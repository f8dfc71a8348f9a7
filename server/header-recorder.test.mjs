// The "other origin" header recorder (SERVER=recorder).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getJson, request, startServer } from '../e2e/support/start-server.mjs';

test('records requests and preflights with permissive CORS', async (t) => {
  const server = await startServer({ name: 'recorder' });
  t.after(() => server.stop());
  assert.equal(server.url, `http://127.0.0.1:${server.port}`);

  const preflight = await request(`${server.url}/data?x=1`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://127.0.0.1:1',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.match(preflight.headers.get('access-control-allow-headers'), /authorization/);
  assert.match(preflight.headers.get('access-control-allow-methods'), /GET/);

  const response = await request(`${server.url}/data?x=1`, {
    method: 'POST',
    headers: { 'X-Custom': 'yes' },
    body: { hello: 'world' },
  });
  assert.equal(response.status, 200);
  assert.deepEqual(response.body, { ok: true });
  assert.equal(response.headers.get('access-control-allow-origin'), '*');

  const records = (await getJson(`${server.url}/_records`)).body;
  assert.equal(records.length, 2);
  assert.deepEqual(
    records.map(({ method, path }) => ({ method, path })),
    [
      { method: 'OPTIONS', path: '/data' },
      { method: 'POST', path: '/data' },
    ],
  );
  assert.equal(records[0].headers['access-control-request-headers'], 'authorization');
  assert.equal(records[1].headers['x-custom'], 'yes');
  assert.equal(records[1].headers.authorization, undefined);

  assert.equal((await request(`${server.url}/_records`, { method: 'DELETE' })).status, 204);
  assert.deepEqual((await getJson(`${server.url}/_records`)).body, []);
});
