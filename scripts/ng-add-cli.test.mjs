// The real `ng add` from the packed tarball: generates a fresh Angular 21 app under
// tmp/ng-add-cli (`ng new --test-runner=karma`), runs `ng add <tarball> --skip-confirmation`,
// checks what it wrote, then builds the app and runs its own generated specs in headless
// Chromium. Run after `npx ng build ngx-token-refresh && node scripts/build-schematics.mjs`.
import assert from 'node:assert/strict';
import { commandRunner, createSteps, readJson } from './consumer-steps.mjs';
import CHROMIUM_FLAGS from './chromium-flags.cjs';
import { packLibrary } from './pack-library.mjs';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const app = join(root, 'tmp', 'ng-add-cli', 'consumer');
const cliVersion = readJson(join(root, 'node_modules', '@angular', 'cli', 'package.json')).version;

let tarball;
const step = createSteps();
const run = commandRunner('ng-add-cli', {
  ...process.env,
  CHROME_BIN: process.env.CHROME_BIN || '/usr/bin/chromium',
});

step('pack the built library', () => {
  tarball = packLibrary();
});

step('ng new (Angular 21, Karma)', () => {
  rmSync(app, { recursive: true, force: true });
  // `ng new` refuses to run inside a workspace, and the CLI looks for angular.json upwards
  // from the working directory and from its own location: so run a CLI from npm's cache at /.
  run(
    `npx -y -p @angular/cli@${cliVersion} ng new consumer --directory "${relative('/', app)}" ` +
      '--test-runner=karma --skip-git --skip-install --defaults --package-manager=npm',
    '/',
  );
  const manifest = readJson(join(app, 'package.json'));
  manifest.devDependencies['@angular/build'] = '^21.2.0'; // the CLI writes a version npm lacks
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm install --no-audit --no-fund --prefer-offline', app);
});

step('ng add <tarball> --skip-confirmation', () => {
  const output = run(`npx ng add "${tarball}" --skip-confirmation`, app);
  assert.match(output, /ngx-token-refresh: set up src\/app\/app\.config\.ts\./);
  const config = readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
  assert.match(
    config,
    /^    provideHttpClient\(withInterceptors\(\[tokenRefreshInterceptor\]\)\),$/m,
  );
  assert.match(
    config,
    /^    provideTokenRefresh\(\{ refreshUrl: '\/api\/auth\/refresh', loginUrl: '\/login', storage: 'memory' \}\),?$/m,
  );
  const dependencies = readJson(join(app, 'package.json')).dependencies;
  assert.ok(dependencies['ngx-token-refresh'], 'ngx-token-refresh is saved in dependencies');
  assert.equal(dependencies['@auth0/angular-jwt'], '^5.2.0');
  assert.ok(existsSync(join(app, 'node_modules', '@auth0', 'angular-jwt', 'package.json')));
});

step('ng build', () => {
  run('npx ng build', app);
  assert.ok(existsSync(join(app, 'dist', 'consumer', 'browser', 'index.html')));
});

step('ng test --watch=false (headless Chromium)', () => {
  useHeadlessChromium();
  const output = run('npx ng test --watch=false', app);
  assert.match(output, /TOTAL: 2 SUCCESS/);
});

after(() => step.failed || rmSync(app, { recursive: true, force: true })); // kept to debug

/** Points the app's Karma runner at /usr/bin/chromium with the CI launcher. */
function useHeadlessChromium() {
  writeFileSync(
    join(app, 'karma.conf.js'),
    `process.env.CHROME_BIN ||= '/usr/bin/chromium';
module.exports = (config) =>
  config.set({
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher')],
    reporters: ['progress'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: { base: 'ChromeHeadless', flags: ${JSON.stringify(CHROMIUM_FLAGS)} },
    },
    singleRun: true,
  });
`,
  );
  const workspace = readJson(join(app, 'angular.json'));
  workspace.projects.consumer.architect.test.options.runnerConfig = 'karma.conf.js';
  writeFileSync(join(app, 'angular.json'), JSON.stringify(workspace, null, 2));
}
