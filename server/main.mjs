// CLI entry: starts the auth server (or, with SERVER=recorder, the header recorder) on 127.0.0.1.
import http from 'node:http';
import { readConfig } from './config.mjs';
import { createAuthServer } from './create-auth-server.mjs';
import { createHeaderRecorder } from './header-recorder.mjs';

const HOST = '127.0.0.1';

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const { app } = config.server === 'recorder' ? createHeaderRecorder() : createAuthServer(config);
const server = http.createServer(app);

server.on('error', (error) => {
  console.error(`${config.server} server failed: ${error.message}`);
  process.exit(1);
});

server.listen(config.port, HOST, () => {
  const { port } = server.address();
  const url = `http://${HOST}:${port}`;
  // One machine-readable line on stdout; human-readable details go to stderr.
  console.log(JSON.stringify({ event: 'listening', name: config.server, url, port }));
  if (config.server === 'auth') {
    const { accessTtlMs, refreshTtlMs, reuseGraceMs, testMode, latencyMs, staticDir } = config;
    const details = { accessTtlMs, refreshTtlMs, reuseGraceMs, testMode, latencyMs, staticDir };
    if (config.dpopNonce) details.dpopNonce = true;
    console.error(`auth server listening on ${url} ${JSON.stringify(details)}`);
  } else {
    console.error(`header recorder listening on ${url}`);
  }
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (config.exitOnStdinEnd) {
  // Set by e2e/support/start-server.mjs: exit when the parent process goes away.
  process.stdin.on('end', shutdown).on('error', shutdown).resume();
}
