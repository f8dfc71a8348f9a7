// The real `ng add` from the packed tarball: generates a fresh Angular 21 app under
// tmp/ng-add-cli (`ng new --test-runner=karma`), runs `ng add <tarball> --skip-confirmation` and
// checks what it wrote, then runs the schematic again at a terminal over the app `ng new` made,
// answering its three prompts (scripts/answer-prompts.mjs). It pastes the README's whole-file
// snippets as they are (scripts/readme-snippets.mjs), builds the app and runs its specs (its
// own, the README's, and scripts/consumer-readme/ for the pasted login page and recipes) in
// headless Chromium. Run after `npm run build:lib`.
import assert from 'node:assert/strict';
import { answerPrompts } from './answer-prompts.mjs';
import { commandRunner, createSteps, readJson } from './consumer-steps.mjs';
import CHROMIUM_FLAGS from './chromium-flags.cjs';
import { packLibrary } from './pack-library.mjs';
import { readmeFiles } from './readme-snippets.mjs';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const app = join(root, 'tmp', 'ng-add-cli', 'consumer');
const cliVersion = readJson(join(root, 'node_modules', '@angular', 'cli', 'package.json')).version;

let tarball;
const appConfig = join(app, 'src', 'app', 'app.config.ts');
let appConfigByNgNew;
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
  appConfigByNgNew = readFileSync(appConfig, 'utf8');
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

step(
  'ng add asks for the refresh endpoint, the login route and the storage (at a terminal)',
  async () => {
    writeFileSync(appConfig, appConfigByNgNew); // as `ng new` made it: nothing set up yet
    const { CI, ...env } = process.env; // the CLI never prompts when CI is set
    const output = await answerPrompts(
      'npx ng generate ngx-token-refresh:ng-add',
      app,
      [
        [/Which URL refreshes the tokens/, '/api/token\r'],
        [/Where should sessionGuard send users/, '/signin\r'],
        [/Where should the tokens live\?/, '\x1b[B\r'], // one down: sessionStorage
      ],
      { env },
    );
    assert.match(output, /ngx-token-refresh: set up src\/app\/app\.config\.ts\./);
    assert.match(
      readFileSync(appConfig, 'utf8'),
      /^    provideTokenRefresh\(\{ refreshUrl: '\/api\/token', loginUrl: '\/signin', storage: 'session' \}\),?$/m,
    );
  },
);

step("the README's whole-file snippets (quick start, testing, recipes), pasted as they are", () => {
  const files = readmeFiles().filter((file) => file.note === '');
  const paths = files.map((file) => file.path);
  for (const expected of ['app.config.ts', 'login.ts', 'items-page.ts', 'items-page.spec.ts']) {
    assert.ok(paths.includes(`src/app/${expected}`), `the README has src/app/${expected}`);
  }
  for (const file of files) writeFileSync(join(app, file.path), file.code);
  // Our own spec of the pasted login page and routes (the README shows no spec for them).
  cpSync(join(import.meta.dirname, 'consumer-readme'), join(app, 'src', 'app'), {
    recursive: true,
  });
});

step('ng build', () => {
  run('npx ng build', app);
  assert.ok(existsSync(join(app, 'dist', 'consumer', 'browser', 'index.html')));
  // Without withDpop(), none of its code: no proof type, no key database.
  assert.doesNotMatch(builtScripts(), /dpop\+jwt|dpop-keys/);
});

step('ng test --watch=false (headless Chromium)', () => {
  useHeadlessChromium();
  const output = run('npx ng test --watch=false', app).replace(/\x1b\[[0-9;]*m/g, '');
  // The app's own 2 specs, the README's ItemsPage spec, the 3 specs of the pasted login page and
  // the 3 of the README's recipes.
  assert.match(output, /TOTAL: 9 SUCCESS/);
});

step("the README's DPoP app config, pasted over the quick start's, builds", () => {
  const dpop = readmeFiles().find((file) => file.note === 'with DPoP');
  assert.ok(dpop, 'the README has a src/app/app.config.ts with DPoP');
  assert.match(dpop.code, /withDpop\(\)/);
  writeFileSync(join(app, dpop.path), dpop.code);
  run('npx ng build', app);
  assert.match(builtScripts(), /dpop\+jwt/, 'the DPoP proof code is in the bundle');
});

after(() => step.failed || rmSync(app, { recursive: true, force: true })); // kept to debug

/** The JavaScript of the app's production build, all files. */
function builtScripts() {
  const dir = join(app, 'dist', 'consumer', 'browser');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

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
