// The throwaway Angular workspace under tmp/bench-apps/: a copy of the library build (dist/ may be
// rebuilt meanwhile), bench/app/ as src/, a main file per bundle app, one project per app, and
// `ng build` of a project unless its inputs (sources, library, lockfile) did not change.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFileSync as write } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BUNDLES } from './variants.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKSPACE = join(ROOT, 'tmp', 'bench-apps');
export const LIBRARY_SNAPSHOT = join(WORKSPACE, 'ngx-token-refresh');
/** Output folder (browser/, stats.json) of a project. */
export const outputOf = (project) => join(WORKSPACE, 'dist', project);
const json = (file, value) => write(join(WORKSPACE, file), `${JSON.stringify(value, null, 2)}\n`);
const files = (dir) =>
  readdirSync(join(WORKSPACE, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

export async function writeWorkspace() {
  const dist = join(ROOT, 'dist', 'ngx-token-refresh');
  const built = (dir) => existsSync(join(dir, 'fesm2022/ngx-token-refresh.mjs'));
  for (let wait = 0; !built(dist) || !existsSync(join(dist, 'package.json')); wait++) {
    if (wait === 90) throw new Error(`no library build in ${dist}: run \`npm run build:lib\``);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a build in progress
  }
  rmSync(WORKSPACE + '/src', { recursive: true, force: true });
  rmSync(LIBRARY_SNAPSHOT, { recursive: true, force: true });
  cpSync(dist, LIBRARY_SNAPSHOT, { recursive: true });
  if (!built(LIBRARY_SNAPSHOT)) throw new Error('dist/ changed while copied; run again');
  cpSync(join(ROOT, 'bench', 'app'), join(WORKSPACE, 'src'), { recursive: true });
  mkdirSync(join(WORKSPACE, 'src', 'bundle-mains'));
  const options = { index: 'src/index.html', tsConfig: 'tsconfig.json', optimization: true };
  Object.assign(options, { outputHashing: 'none', sourceMap: false, statsJson: true });
  const build = { builder: '@angular/build:application', options, configurations: {} };
  const app = (name, browser) =>
    (build.configurations[name] = { browser, outputPath: `dist/${name}` });
  app('runtime', 'src/main.ts');
  for (const [id, [imports, providers, statement = '']] of Object.entries(BUNDLES)) {
    const main = `import { bootstrapApplication } from '@angular/platform-browser';
import { BundleApp } from '../bundle-app';
${imports}
${statement}
bootstrapApplication(BundleApp, { providers: ${providers} }).catch((e: unknown) => console.error(e));
`;
    write(join(WORKSPACE, 'src', 'bundle-mains', `${id}.ts`), main);
    app(`bundle-${id}`, `src/bundle-mains/${id}.ts`);
  }
  const bench = { projectType: 'application', root: '', architect: { build } };
  json('angular.json', { version: 1, cli: { analytics: false }, projects: { bench } });
  json('package.json', { name: 'bench-apps', private: true });
  json('tsconfig.json', {
    extends: '../../tsconfig.json', // the repository's settings, the library from the run's copy
    compilerOptions: { types: [], paths: { 'ngx-token-refresh': ['./ngx-token-refresh'] } },
    include: ['src/**/*.ts'],
  });
}

/** `ng build -c <project>` unless it was built from the same inputs: `{ project, seconds, cached }`. */
export async function buildApp(project, force = false) {
  const hash = createHash('sha256').update(project);
  const configs = [
    'angular.json',
    'tsconfig.json',
    '../../tsconfig.json',
    '../../package-lock.json',
  ];
  for (const file of [...files('src'), ...files('ngx-token-refresh/fesm2022')]) {
    hash.update(file).update(readFileSync(file));
  }
  for (const file of configs) hash.update(readFileSync(join(WORKSPACE, file)));
  const digest = hash.digest('hex');
  const hashFile = join(outputOf(project), '.bench-inputs');
  if (!force && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === digest) {
    return { project, seconds: 0, cached: true };
  }
  const started = performance.now();
  const ng = join(ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' };
  const options = { cwd: WORKSPACE, env, maxBuffer: 2 ** 26 };
  await promisify(execFile)(process.execPath, [ng, 'build', '-c', project], options).catch((e) => {
    const output = `${e.stdout}${e.stderr}`.slice(-20_000);
    throw new Error(`ng build ${project} failed (${e.code}):\n${output}`);
  });
  write(hashFile, digest);
  return { project, seconds: (performance.now() - started) / 1000, cached: false };
}
