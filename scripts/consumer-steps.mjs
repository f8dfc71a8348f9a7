// Helpers shared by the consumer checks that generate a real app and drive the Angular CLI in it
// (scripts/ng-add-cli.test.mjs, scripts/angular22.test.mjs, scripts/ssr.test.mjs).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '..');

/**
 * Returns a `step(name, fn)` that declares a test which runs only when every step before it
 * passed (they build on each other); `step.failed` names the step that failed, if any.
 */
export function createSteps() {
  const step = (name, fn) => {
    test(name, async (t) => {
      if (step.failed) return t.skip(`skipped: "${step.failed}" failed`);
      step.failed = name;
      await fn();
      step.failed = null;
    });
  };
  step.failed = null;
  return step;
}

/**
 * Returns `{ step, check, failures }` for steps that may be async and must each end in time.
 * `step(name, fn, { timeout, blocking })` declares a test that runs only when no blocking step
 * before it failed, and fails when `fn` has not settled within `timeout` ms (default 20 min); a
 * failing blocking step (the default) skips the rest. `check(name, fn)`: a step of at most 2 min
 * whose failure does not skip the steps after it. `failures` names every step or check that failed.
 */
export function createBoundedSteps() {
  let blockedBy = null; // the blocking step that failed
  const failures = []; // every step or check that failed
  const step = (name, fn, { timeout = 1_200_000, blocking = true } = {}) => {
    test(name, { timeout: timeout + 30_000 }, async (t) => {
      if (blockedBy) return t.skip(`skipped: "${blockedBy}" failed`);
      try {
        await bounded(fn(), timeout, `"${name}" did not finish within ${timeout / 1000} s`);
      } catch (error) {
        failures.push(name);
        if (blocking) blockedBy = name;
        throw error;
      }
    });
  };
  const check = (name, fn) => step(name, fn, { timeout: 120_000, blocking: false });
  return { step, check, failures };
}

function bounded(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new assert.AssertionError({ message })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Returns `run(command, cwd)`: runs a shell command with `env`, logs it under `label`, and fails
 * the test with the command's output when it exits non-zero; returns the output.
 */
export function commandRunner(label, env) {
  const run = (command, cwd, attempt = 1) => {
    const started = Date.now();
    const result = spawnSync(command, {
      cwd,
      shell: true,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, NG_CLI_ANALYTICS: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${result.stdout}${result.stderr}`;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[${label}] $ ${command}  (${seconds} s, exit ${result.status})`);
    if (result.status !== 0 && attempt === 1 && npxLockLost(output)) {
      return run(command, cwd, 2);
    }
    assert.equal(result.status, 0, `\`${command}\` failed in ${cwd}:\n${output.slice(-4000)}`);
    return output;
  };
  return run;
}

/**
 * Whether npx gave up because another npx process took over its install lock ("Lock
 * compromised", npm's libnpmexec), which the consumer checks' concurrent npx calls can meet on a
 * loaded machine: such a command is run once more.
 */
function npxLockLost(output) {
  return /\bECOMPROMISED\b/.test(output);
}

/**
 * Returns an async `run(command, cwd, { timeout, failed })`, the bounded form of commandRunner's:
 * it runs a shell command with `env` in its own process group, logs it under `label`, and
 * resolves with its output when it exits 0. It fails when the command exits non-zero, or runs
 * longer than `timeout` ms, or prints something matching `failed` and has not exited 30 s later;
 * then the whole group is killed.
 */
export function boundedCommandRunner(label, env) {
  return (command, cwd, options) => runBounded(label, env, command, cwd, options);
}

function runBounded(label, env, command, cwd, options = {}, attempt = 1) {
  const { timeout, failed } = options;
  const started = Date.now();
  const child = spawn(command, {
    cwd,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, NG_CLI_ANALYTICS: 'false' },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    let hung = null;
    const giveUp = (why) => {
      hung ??= why;
      killGroup(child);
    };
    const deadline = setTimeout(() => giveUp(`did not finish within ${timeout / 1000} s`), timeout);
    let grace = null;
    const collect = (chunk) => {
      output += chunk;
      if (failed && !grace && failed.test(output)) {
        grace = setTimeout(
          () => giveUp('reported an error, then did not exit within 30 s'),
          30_000,
        );
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      clearTimeout(deadline);
      clearTimeout(grace);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[${label}] $ ${command}  (${seconds} s, exit ${code}${hung ? ', killed' : ''})`);
      const tail = output.slice(-4000);
      if (hung) reject(new assert.AssertionError({ message: `\`${command}\` ${hung}:\n${tail}` }));
      else if (code !== 0 && attempt === 1 && npxLockLost(output)) {
        resolvePromise(runBounded(label, env, command, cwd, options, 2));
      } else if (code !== 0)
        reject(new assert.AssertionError({ message: `\`${command}\` failed in ${cwd}:\n${tail}` }));
      else resolvePromise(output);
    });
  });
}

/** SIGTERM to the child's whole process group, then SIGKILL 5 s later. */
function killGroup(child) {
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {} // already gone
  };
  signal('SIGTERM');
  setTimeout(() => signal('SIGKILL'), 5_000).unref();
}

/**
 * The newest stable `major.x.y` that every package in `names` has on the registry, asked with
 * `run` (a boundedCommandRunner's) from the repository's root.
 */
export async function newestSharedVersion(names, major, run) {
  const lists = await Promise.all(
    names.map(async (name) => {
      const json = await run(`npm view ${name}@${major} version --json`, root, { timeout: 60_000 });
      return [JSON.parse(json)].flat();
    }),
  );
  const shared = lists[0].filter(
    (v) => /^\d+\.\d+\.\d+$/.test(v) && lists.every((l) => l.includes(v)),
  );
  assert.ok(shared.length, `no ${major}.x version shared by ${names.join(', ')}`);
  const numbers = (v) => v.split('.').map(Number);
  shared.sort((a, b) => {
    const [x, y] = [numbers(a), numbers(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return shared.at(-1);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
