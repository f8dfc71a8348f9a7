// The steps of a consumer check on one Angular version, shared by scripts/angular22.test.mjs (the
// newest supported major) and scripts/angular21.test.mjs (the oldest version the peer range
// admits): a fresh app from that version's `ng new`, the packed tarball installed, `ng add`,
// `ng build`, and the smoke specs of scripts/consumer-22/ (Vitest + jsdom): a 401 -> one refresh
// -> the retry carries the new token; sessionGuard on that version's router.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after } from 'node:test';
import { readJson } from './consumer-steps.mjs';
import { packLibrary } from './pack-library.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist', 'ngx-token-refresh');
const fixtures = join(import.meta.dirname, 'consumer-22');

/**
 * Declares the steps with `step` and `run` (consumer-steps.mjs) for an app named `name` under
 * tmp/`name`, made by `@angular/cli@<cli>`. `pin`: a version range every `@angular/*` package of
 * the app is held to (so that npm does not lift `^21.0.0` to the newest 21.x); `version`: the
 * `@angular/core` version the app must end up with.
 */
export function consumerMajorSteps({ step, run, name, cli, pin, version }) {
  const app = join(root, 'tmp', name, 'consumer');
  let tarball;

  step('pack the built library', () => {
    tarball = packLibrary();
  });

  step(`ng new with @angular/cli@${cli}, then install the tarball`, () => {
    rmSync(app, { recursive: true, force: true });
    // `ng new` refuses to run inside a workspace (it looks for angular.json upwards): run at /.
    run(
      `npx -y -p @angular/cli@${cli} ng new consumer --directory "${relative('/', app)}" ` +
        '--skip-git --skip-install --defaults --package-manager=npm',
      '/',
    );
    const manifest = readJson(join(app, 'package.json'));
    if (pin) {
      for (const deps of [manifest.dependencies, manifest.devDependencies]) {
        for (const dep of Object.keys(deps)) {
          if (/^@angular\/(?!.*-eslint)/.test(dep)) deps[dep] = pin;
        }
      }
    }
    const jwt = '@auth0/angular-jwt';
    manifest.dependencies['ngx-token-refresh'] = `file:${tarball}`;
    manifest.dependencies[jwt] = readJson(join(dist, 'package.json')).peerDependencies[jwt];
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
    run('npm install --no-audit --no-fund --prefer-offline', app);
    const core = readJson(join(app, 'node_modules', '@angular', 'core', 'package.json')).version;
    assert.match(core, version, `the app runs Angular ${version}, got @angular/core ${core}`);
  });

  step(`ng add ngx-token-refresh (the schematic under @angular/cli@${cli})`, () => {
    const output = run('npx ng add ngx-token-refresh --skip-confirmation', app);
    assert.match(output, /ngx-token-refresh: set up src\/app\/app\.config\.ts\./);
    const config = readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
    assert.match(config, /provideHttpClient\(withInterceptors\(\[tokenRefreshInterceptor\]\)\)/);
    assert.match(config, /provideTokenRefresh\(\{ refreshUrl: '\/api\/auth\/refresh'/);
  });

  step('ng build', () => {
    run('npx ng build', app);
    assert.ok(existsSync(join(app, 'dist', 'consumer', 'browser', 'index.html')));
  });

  step('smoke specs: interceptor + refresh, sessionGuard (ng test, Vitest + jsdom)', () => {
    const specs = readdirSync(fixtures).filter((file) => file.endsWith('.spec.ts'));
    for (const spec of specs) cpSync(join(fixtures, spec), join(app, 'src', 'app', spec));
    const output = run('npx ng test --watch=false', app).replace(/\x1b\[[0-9;]*m/g, '');
    for (const spec of specs) {
      const passed = new RegExp(`✓ .*src/app/${spec.replace(/\./g, '\\.')}`);
      assert.match(output, passed, `${spec} passed`);
    }
    assert.match(output, /Tests\s+\d+ passed/);
    assert.doesNotMatch(output, /\d+ failed/);
  });

  after(() => step.failed || rmSync(app, { recursive: true, force: true })); // kept to debug
}
