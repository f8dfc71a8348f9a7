// `npm start` as the README tells a new user to run it: the demo comes up at
// http://localhost:4200/ on the demo auth server, `demo` / `demo` signs in with access tokens that
// live 20 s (5 s with ACCESS_TTL=5s), and Ctrl-C (SIGINT to the command) stops every server it
// started. It rebuilds the library, so `npm test` runs it last, when nothing else reads dist/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { after, test } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const APP = 'http://localhost:4200';
/** The ports the README's demo uses: the app, the auth server and the partner API. */
const PORTS = [4200, 3000, 3001];

let npm = null;
let output = '';

after(() => {
  // A step failed before Ctrl-C ended it all: stop the group.
  try {
    if (npm) process.kill(-npm.pid, 'SIGKILL');
  } catch {} // already gone
});

test('npm start serves the demo at http://localhost:4200/ once it says so', async () => {
  await startDemo({ ACCESS_TTL: '' });
  const page = await fetch(`${APP}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<app-root/);
});

test('demo / demo signs in through the proxy, with access tokens that live 20 s', async () => {
  assert.equal(await signInLifetime(), 20);
});

test('Ctrl-C stops the demo and every server it started', async () => {
  await stopDemo();
});

test('ACCESS_TTL=5s npm start: access tokens that live 5 s', async () => {
  await startDemo({ ACCESS_TTL: '5s' });
  assert.equal(await signInLifetime(), 5);
  await stopDemo();
});

/** Runs `npm start` with `env` as a terminal's foreground job, until it says the demo is ready. */
async function startDemo(env) {
  for (const port of PORTS) assert.equal(await isOpen(port), false, `port ${port} is free`);
  output = '';
  npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true, // its own group, as a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', ...env },
  });
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  await waitFor(() => output.includes(`Demo ready: open ${APP}/`), 240_000, 'the ready line');
}

/** Signs in as demo / demo through the app's proxy; the access token's lifetime in seconds. */
async function signInLifetime() {
  const login = await fetch(`${APP}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  assert.equal(login.status, 200);
  const { accessToken, refreshToken } = await login.json();
  assert.equal(typeof refreshToken, 'string');
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
  return claims.exp - claims.iat;
}

/** Ctrl-C: SIGINT to the job; then npm start has exited and every port it opened is closed. */
async function stopDemo() {
  const exited = new Promise((done) => npm.once('exit', done));
  process.kill(-npm.pid, 'SIGINT'); // what the terminal sends to its foreground job
  await Promise.race([exited, delay(15_000)]);
  assert.notEqual(npm.exitCode ?? npm.signalCode, null, 'npm start has exited');
  await waitFor(
    async () => !(await Promise.all(PORTS.map(isOpen))).some(Boolean),
    10_000,
    `ports ${PORTS.join(', ')} closed`,
  );
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
function isOpen(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => done(true) || socket.destroy());
    socket.once('error', () => done(false));
  });
}

async function waitFor(condition, ms, what) {
  for (const started = Date.now(); Date.now() - started < ms; await delay(200)) {
    if (await condition()) return;
  }
  assert.fail(`waited ${ms / 1000} s for ${what}; npm start printed:\n${output.slice(-3000)}`);
}

function delay(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
