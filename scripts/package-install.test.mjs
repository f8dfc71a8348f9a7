// Proves the published shape works: packs dist/ngx-token-refresh with `npm pack`, installs the
// tarball into a copy of the demo app that resolves `ngx-token-refresh` from node_modules (no
// tsconfig path into dist), and builds that app. Run after `ng build ngx-token-refresh`.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageReadme } from './copy-readme.mjs';
import { DIST, packLibrary } from './pack-library.mjs';

const root = resolve(import.meta.dirname, '..');
const consumer = join(root, 'tmp', 'package-consumer');
const sh = (cmd, cwd = root) => execSync(cmd, { cwd, encoding: 'utf8', stdio: 'pipe' });

test('npm pack of the library, README included, installs into the demo app, which then builds', () => {
  const tarball = packLibrary();
  const version = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')).version;

  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  for (const entry of ['src', 'public', 'tsconfig.app.json']) {
    cpSync(join(root, entry), join(consumer, entry), { recursive: true });
  }
  const tsconfig = JSON.parse(stripComments(readFileSync(join(root, 'tsconfig.json'), 'utf8')));
  delete tsconfig.compilerOptions.paths;
  tsconfig.references = [{ path: './tsconfig.app.json' }];
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const angular = JSON.parse(readFileSync(join(root, 'angular.json'), 'utf8'));
  const app = angular.projects['ngx-token-refresh-workspace'];
  app.architect.build.options.outputPath = 'dist/consumer';
  angular.projects = { consumer: app };
  writeFileSync(join(consumer, 'angular.json'), JSON.stringify(angular, null, 2));
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true }),
  );

  // Peers (Angular, rxjs, @auth0/angular-jwt) resolve from the workspace's node_modules above.
  sh(
    `npm install --no-save --no-package-lock --legacy-peer-deps --no-audit --no-fund "${tarball}"`,
    consumer,
  );
  const installed = join(consumer, 'node_modules', 'ngx-token-refresh');
  assert.equal(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version, version);
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  assert.equal(readme, packageReadme(), 'the packed README is the workspace README up to Commands');
  for (const section of [
    'ng add ngx-token-refresh',
    '### Testing your app',
    '### Server-side rendering',
  ]) {
    assert.ok(readme.includes(section), `the packed README has "${section}"`);
  }

  sh('npx ng build --configuration production', consumer);
  assert.ok(existsSync(join(consumer, 'dist', 'consumer', 'browser', 'index.html')));
  rmSync(consumer, { recursive: true, force: true });
});

function stripComments(text) {
  return text.replace(/^\s*\/\*.*\*\/\s*$/gm, '');
}
