// Angular 22 consumer check: the package as built here (Angular 21 toolchain) installed into a
// fresh Angular 22 app, under a Node 22 taken from the npm registry (Angular 22's CLI refuses
// Node 20). The app is generated under tmp/angular22, gets the tarball, runs `ng add` (the
// schematic under Angular 22's CLI), builds, and runs the smoke specs of scripts/consumer-22/
// with Vitest + jsdom: a 401 -> one refresh -> the retry carries the new token; sessionGuard on
// Angular 22's router.
// Run after `npm run build:lib`.
// NODE22_DIR overrides where Node 22 is kept (default: <os tmpdir>/node22, reused across runs).
import assert from 'node:assert/strict';
import { commandRunner, createSteps, readJson } from './consumer-steps.mjs';
import { packLibrary } from './pack-library.mjs';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist', 'ngx-token-refresh');
const app = join(root, 'tmp', 'angular22', 'consumer22');
const fixtures = join(import.meta.dirname, 'consumer-22');
const nodeDir = process.env.NODE22_DIR || join(tmpdir(), 'node22');
const nodePackage = `node-${process.platform}-${process.arch}`;
const nodeBin = join(nodeDir, 'node_modules', nodePackage, 'bin');
/** The oldest Node 22 that Angular 22's CLI accepts. */
const MIN_NODE = [22, 22, 3];
const node22 = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}` };

let tarball;

const step = createSteps();
const run = commandRunner('angular22', node22);

step(`Node 22 (${nodePackage} from the npm registry)`, () => {
  if (!isUsableNode()) {
    run(`npm install --prefix "${nodeDir}" ${nodePackage}@22 --no-audit --no-fund`, root);
  }
  assert.ok(
    isUsableNode(),
    `${nodeBin}/node is not Node >= ${MIN_NODE.join('.')} after installing ${nodePackage}@22`,
  );
});

step('pack the built library', () => {
  tarball = packLibrary();
});

step('ng new with Angular 22, then install the tarball', () => {
  rmSync(app, { recursive: true, force: true });
  // `ng new` refuses to run inside a workspace (it looks for angular.json upwards): run at /.
  run(
    `npx -y -p @angular/cli@22 ng new consumer22 --directory "${relative('/', app)}" ` +
      '--skip-git --skip-install --defaults --package-manager=npm',
    '/',
  );
  const manifest = readJson(join(app, 'package.json'));
  const jwt = '@auth0/angular-jwt';
  manifest.dependencies['ngx-token-refresh'] = `file:${tarball}`;
  manifest.dependencies[jwt] = readJson(join(dist, 'package.json')).peerDependencies[jwt];
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm install --no-audit --no-fund --prefer-offline', app);
  const core = readJson(join(app, 'node_modules', '@angular', 'core', 'package.json')).version;
  assert.match(core, /^22\./, `the app runs Angular 22, got @angular/core ${core}`);
});

step('ng add ngx-token-refresh (the schematic under the Angular 22 CLI)', () => {
  const output = run('npx ng add ngx-token-refresh --skip-confirmation', app);
  assert.match(output, /ngx-token-refresh: set up src\/app\/app\.config\.ts\./);
  const config = readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
  assert.match(config, /provideHttpClient\(withInterceptors\(\[tokenRefreshInterceptor\]\)\)/);
  assert.match(config, /provideTokenRefresh\(\{ refreshUrl: '\/api\/auth\/refresh'/);
});

step('ng build', () => {
  run('npx ng build', app);
  assert.ok(existsSync(join(app, 'dist', 'consumer22', 'browser', 'index.html')));
});

step('smoke specs: interceptor + refresh, sessionGuard (ng test, Vitest + jsdom)', () => {
  const specs = readdirSync(fixtures).filter((file) => file.endsWith('.spec.ts'));
  for (const spec of specs) cpSync(join(fixtures, spec), join(app, 'src', 'app', spec));
  const output = run('npx ng test --watch=false', app).replace(/\x1b\[[0-9;]*m/g, '');
  for (const spec of specs) {
    assert.match(output, new RegExp(`✓ .*src/app/${spec.replace(/\./g, '\\.')}`), `${spec} passed`);
  }
  assert.match(output, /Tests\s+\d+ passed/);
  assert.doesNotMatch(output, /\d+ failed/);
});

after(() => step.failed || rmSync(app, { recursive: true, force: true })); // kept to debug

function isUsableNode() {
  if (!existsSync(join(nodeBin, 'node'))) return false;
  const version = run(`"${join(nodeBin, 'node')}" --version`, root).trim();
  const [major, minor, patch] = version.slice(1).split('.').map(Number);
  const [minMajor, minMinor, minPatch] = MIN_NODE;
  return major === minMajor && (minor > minMinor || (minor === minMinor && patch >= minPatch));
}
