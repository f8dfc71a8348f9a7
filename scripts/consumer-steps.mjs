// Helpers shared by the consumer checks that generate a real app and drive the Angular CLI in it
// (scripts/ng-add-cli.test.mjs, scripts/angular22.test.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/**
 * Returns a `step(name, fn)` that declares a test which runs only when every step before it
 * passed (they build on each other); `step.failed` names the step that failed, if any.
 */
export function createSteps() {
  const step = (name, fn) => {
    test(name, (t) => {
      if (step.failed) return t.skip(`skipped: "${step.failed}" failed`);
      step.failed = name;
      fn();
      step.failed = null;
    });
  };
  step.failed = null;
  return step;
}

/**
 * Returns `run(command, cwd)`: runs a shell command with `env`, logs it under `label`, and fails
 * the test with the command's output when it exits non-zero; returns the output.
 */
export function commandRunner(label, env) {
  return (command, cwd) => {
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
    assert.equal(result.status, 0, `\`${command}\` failed in ${cwd}:\n${output.slice(-4000)}`);
    return output;
  };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
