#!/usr/bin/env node
// `npm start`: builds the library once, starts the demo auth server (port 3000, test mode) and
// the "partner" header recorder (port 3001), then `ng serve` with /api proxied to the server.
// Ctrl-C (SIGINT) or SIGTERM stops every child process.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NG = fileURLToPath(new URL('../node_modules/@angular/cli/bin/ng.js', import.meta.url));
const APP_URL = 'http://localhost:4200/';
const STOP_TIMEOUT_MS = 5000;

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let stopping = false;

/**
 * Spawns a child in its own process group (so that stopping it also stops what it spawned) and
 * prefixes its output. `onLine` sees every stdout line.
 */
function start(label, args, { env = {}, onLine, stdin = 'ignore' } = {}) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  const prefix = `[${label}]`;
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(prefix, line);
    onLine?.(line);
  });
  readline
    .createInterface({ input: child.stderr })
    .on('line', (line) => console.error(prefix, line));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  exited.then(({ code, signal }) => {
    children.delete(child);
    if (!stopping && label !== 'build') {
      console.error(`${prefix} exited unexpectedly (code ${code}, signal ${signal}); stopping.`);
      void stopAll(1);
    }
  });
  return { child, exited };
}

/** Runs the library build to completion. */
async function buildLibrary() {
  console.log('Building the library (ng build ngx-token-refresh)...');
  const { exited } = start('build', [NG, 'build', 'ngx-token-refresh']);
  const { code, signal } = await exited;
  if (code !== 0) throw new Error(`the library build failed (code ${code}, signal ${signal})`);
}

/** Starts `node server/main.mjs` and resolves its URL once it listens. */
function startServer(label, env) {
  return new Promise((resolve, reject) => {
    const { exited } = start(label, ['server/main.mjs'], {
      // The server exits when our end of its stdin closes: no orphan even if we are killed.
      stdin: 'pipe',
      env: {
        STATIC_DIR: '',
        LATENCY_MS: '',
        REFRESH_TTL: '',
        REUSE_GRACE: '',
        ...env,
        EXIT_ON_STDIN_END: '1',
      },
      onLine(line) {
        try {
          const message = JSON.parse(line);
          if (message?.event === 'listening') resolve(message.url);
        } catch {
          // not the JSON status line
        }
      },
    });
    exited.then(({ code }) => reject(new Error(`${label} server exited with code ${code}`)));
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = [...children];
  if (running.length) console.log('\nStopping the dev server and the demo servers...');
  for (const child of running) signalGroup(child, 'SIGTERM');
  const timer = setTimeout(
    () => running.forEach((child) => signalGroup(child, 'SIGKILL')),
    STOP_TIMEOUT_MS,
  );
  await Promise.all(
    running.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? undefined
        : new Promise((resolve) => child.once('exit', resolve)),
    ),
  );
  // ng serve's workers may outlive their parent briefly: make sure the groups are gone.
  for (const child of running) signalGroup(child, 'SIGKILL');
  clearTimeout(timer);
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));

try {
  await buildLibrary();
  const accessTtl = process.env.ACCESS_TTL || '20s';
  const [authUrl, partnerUrl] = await Promise.all([
    startServer('auth', {
      TEST_MODE: '1',
      ACCESS_TTL: accessTtl,
      REUSE_GRACE: '5s', // a tab closed mid-refresh must not look like theft (cross-tab)
      PORT: '3000',
      SERVER: 'auth',
    }),
    startServer('partner', { PORT: '3001', SERVER: 'recorder' }),
  ]);
  console.log(
    `Auth server: ${authUrl} (access tokens live ${accessTtl}); partner API: ${partnerUrl}`,
  );
  let announced = false;
  start('ng', [NG, 'serve', '--proxy-config', 'proxy.conf.json', '--port', '4200'], {
    onLine(line) {
      if (!announced && /Local:/.test(line)) {
        announced = true;
        console.log(`\n  Demo ready: open ${APP_URL}  (sign in with demo / demo; Ctrl-C stops)\n`);
      }
    },
  });
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  await stopAll(1);
}
