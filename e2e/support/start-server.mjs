// Test helper: runs `node server/main.mjs` as a child process and waits until it listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../server/main.mjs', import.meta.url));
/** Server settings that must not leak from the caller's environment into the child. */
const SERVER_VARS = [
  'PORT',
  'ACCESS_TTL',
  'REFRESH_TTL',
  'REUSE_GRACE',
  'TEST_MODE',
  'LATENCY_MS',
  'STATIC_DIR',
  'SERVER',
  'DPOP_NONCE',
  'NODE_TEST_CONTEXT',
];
const STDERR_LIMIT = 20_000;

/** Children still running; killed when this process exits, even after a crash. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node server/main.mjs` with PORT=0 (SERVER=name) plus `env`; the caller's own server
 * variables (TEST_MODE, ACCESS_TTL, ...) are not inherited. The child is unref'd: it never keeps
 * this process alive, is SIGKILLed when this process exits and exits by itself (stdin closes) if
 * this process is killed. Always `await stop()` (SIGTERM, SIGKILL after 3 s; idempotent).
 * @param {{ env?: Record<string, string>, name?: 'auth' | 'recorder', timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, port: number, child: import('node:child_process').ChildProcess,
 *   stop: () => Promise<void> }>}
 */
export async function startServer({ env = {}, name = 'auth', timeoutMs = 15_000 } = {}) {
  const childEnv = { ...process.env };
  for (const key of SERVER_VARS) delete childEnv[key];
  Object.assign(childEnv, { PORT: '0', SERVER: name, EXIT_ON_STDIN_END: '1' }, env);

  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: 'pipe' });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => running.delete(child));

  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-STDERR_LIMIT);
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    })();
    return stopping;
  };

  const listening = await new Promise((resolve, reject) => {
    const onError = (error) => fail(`failed to start: ${error.message}`);
    const onExit = (code, signal) => fail(`exited (code ${code}, signal ${signal})`);
    const settle = () => {
      clearTimeout(timer);
      child.off('error', onError).off('exit', onExit);
    };
    const fail = (reason) => {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`${name} server ${reason}\n--- stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    child.once('error', onError).once('exit', onExit);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        return; // not a JSON line
      }
      if (message?.event === 'listening') {
        settle();
        resolve(message);
      }
    });
  });

  // A forgotten server must not keep this process alive; the exit handler above kills it.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();

  return { url: listening.url, port: listening.port, child, stop };
}

/**
 * fetch() wrapper returning `{ status, headers, body }`; body is parsed JSON when the response
 * is JSON, else text. A JSON `body` option is serialized with the right content type.
 */
export async function request(url, { method = 'GET', headers = {}, body, ...init } = {}) {
  const options = { method, headers: { ...headers }, ...init };
  if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, options);
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: isJson ? JSON.parse(text) : text,
  };
}

export const getJson = (url, headers = {}) => request(url, { headers });

export const postJson = (url, body, headers = {}) =>
  request(url, { method: 'POST', body, headers });
