// STATIC_DIR: the built single-page app is served from the same origin as the API.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { getJson, startServer } from '../e2e/support/start-server.mjs';

test('serves files, falls back to index.html, keeps /api JSON', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'auth-static-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'index.html'), '<html>app shell</html>');
  await writeFile(path.join(dir, 'main.js'), 'console.log(1);');
  const server = await startServer({ env: { STATIC_DIR: dir } });
  t.after(() => server.stop());

  const script = await getJson(`${server.url}/main.js`);
  assert.equal(script.status, 200);
  assert.equal(script.body, 'console.log(1);');
  for (const route of ['/', '/items/42', '/login']) {
    const page = await getJson(`${server.url}${route}`);
    assert.equal(page.status, 200);
    assert.equal(page.body, '<html>app shell</html>');
  }
  const unknownApi = await getJson(`${server.url}/api/nope`);
  assert.equal(unknownApi.status, 404);
  assert.deepEqual(unknownApi.body, { error: 'not_found' });
});
