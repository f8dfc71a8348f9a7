// Builds one app of the bench workspace with the Angular CLI, unless its output was built from
// exactly the same inputs (sources, library build, lockfile): the hash is kept next to it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_SNAPSHOT, NG_CLI, ROOT, WORKSPACE } from './paths.mjs';

const HASH_FILE = '.bench-inputs';

/** Output folder (with browser/) of a project. */
export const outputOf = (project) => join(WORKSPACE, 'dist', project);

/**
 * `ng build <project>` in tmp/bench-apps. Resolves `{ project, seconds, cached }`; rejects with
 * the CLI's output when the build fails.
 */
export async function buildApp(project, { force = false } = {}) {
  const hash = inputsHash(project);
  const hashFile = join(outputOf(project), HASH_FILE);
  if (!force && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    return { project, seconds: 0, cached: true };
  }
  const started = performance.now();
  await run(process.execPath, [NG_CLI, 'build', project], WORKSPACE);
  writeFileSync(hashFile, hash);
  return { project, seconds: (performance.now() - started) / 1000, cached: false };
}

function inputsHash(project) {
  const hash = createHash('sha256').update(project);
  for (const file of listFiles(join(WORKSPACE, 'src')).sort()) {
    hash.update(file).update(readFileSync(file));
  }
  for (const file of ['angular.json', 'tsconfig.json', 'tsconfig.app.json']) {
    hash.update(readFileSync(join(WORKSPACE, file)));
  }
  for (const file of listFiles(join(LIBRARY_SNAPSHOT, 'fesm2022')).sort()) {
    hash.update(readFileSync(file));
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => (output = (output + chunk).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${[command, ...args].join(' ')} failed (${code}):\n${output}`)),
    );
  });
}
