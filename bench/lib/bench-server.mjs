// The demo auth server (server/main.mjs, a child process on a free loopback port) in test mode,
// serving the runtime bench app on the same origin as /api.
import { getJson, postJson, startServer } from '../../e2e/support/start-server.mjs';
import { login } from '../../e2e/support/auth-api.mjs';

/**
 * Starts the server. Always `await server.stop()` (the caller registers it before measuring).
 * @param {{ staticDir: string, accessTtl: string }} options
 */
export async function startBenchServer({ staticDir, accessTtl }) {
  const server = await startServer({
    env: { TEST_MODE: '1', ACCESS_TTL: accessTtl, STATIC_DIR: staticDir },
  });
  const api = (path) => `${server.url}/api${path}`;
  const expect200 = (label, { status, body }) => {
    if (status !== 200) throw new Error(`${label} answered ${status}: ${JSON.stringify(body)}`);
    return body;
  };
  return {
    url: server.url,
    stop: server.stop,
    login: () => login(server.url),
    stats: async () => expect200('GET /api/_stats', await getJson(api('/_stats'))),
    reset: async () => expect200('POST /api/_reset', await postJson(api('/_reset'), {})),
  };
}
