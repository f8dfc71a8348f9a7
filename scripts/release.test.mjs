// Release checks on the package as npm would publish it: packs dist/ngx-token-refresh once
// (packLibrary), then lints the tarball with publint and are-the-types-wrong (.attw.json), holds
// its file list and manifest to what a release must contain, measures the size budget
// (.size-limit.mjs) and runs `npm publish --dry-run`, whose file list lands in the log. Run after
// `npm run build:lib`.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { DIST, packLibrary } from './pack-library.mjs';

const root = resolve(import.meta.dirname, '..');
const library = join(root, 'projects', 'ngx-token-refresh');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Both entry points: the ESM bundle (with its source map) and the type declarations of each. */
const ENTRY_POINTS = {
  '.': { types: 'types/ngx-token-refresh.d.ts', code: 'fesm2022/ngx-token-refresh.mjs' },
  './testing': {
    types: 'types/ngx-token-refresh-testing.d.ts',
    code: 'fesm2022/ngx-token-refresh-testing.mjs',
  },
};

let tarball;
before(() => {
  tarball = packLibrary();
});

test('the tarball holds both entry points, the schematics, README.md and LICENSE, and nothing else', () => {
  const packed = tarFiles(tarball);
  const expected = expectedFiles();
  assert.deepEqual(
    { unexpected: packed.filter((f) => !expected.includes(f)) },
    { unexpected: [] },
    'files that must not ship (specs, test helpers, build leftovers, nested package.json)',
  );
  assert.deepEqual({ missing: expected.filter((f) => !packed.includes(f)) }, { missing: [] });
});

test('the packed package.json exports both entry points as ESM and carries the metadata; LICENSE is the repository MIT text', () => {
  const manifest = JSON.parse(tarRead(tarball, 'package.json'));
  assert.deepEqual(manifest.exports, {
    './package.json': { default: './package.json' },
    ...Object.fromEntries(
      Object.entries(ENTRY_POINTS).map(([path, { types, code }]) => [
        path,
        { types: `./${types}`, default: `./${code}` },
      ]),
    ),
  });
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.schematics, './schematics/collection.json');

  assert.equal(manifest.license, 'MIT');
  const repository = 'https://github.com/ngx-token-refresh/ngx-token-refresh';
  assert.deepEqual(manifest.repository, {
    type: 'git',
    url: `git+${repository}.git`,
    directory: 'projects/ngx-token-refresh',
  });
  assert.equal(manifest.homepage, `${repository}#readme`);
  assert.deepEqual(manifest.bugs, { url: `${repository}/issues` });
  assert.ok(manifest.author, 'author');
  const angular = JSON.parse(
    readFileSync(join(root, 'node_modules/@angular/core/package.json'), 'utf8'),
  );
  assert.equal(manifest.engines?.node, angular.engines.node, "engines.node is Angular's range");
  for (const keyword of ['angular', 'refresh-token', 'jwt', 'interceptor', 'oauth', 'dpop']) {
    assert.ok(manifest.keywords.includes(keyword), `keyword ${keyword}`);
  }

  const license = tarRead(tarball, 'LICENSE');
  assert.equal(license, readFileSync(join(root, 'LICENSE'), 'utf8'));
  assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 ngx-token-refresh contributors\n/);
});

test('publint finds no error, warning or suggestion in the tarball', async () => {
  const { messages, pkg } = await publint({
    pack: { tarball: arrayBuffer(readFileSync(tarball)) },
    level: 'suggestion',
    strict: true,
  });
  assert.equal(pkg.name, 'ngx-token-refresh', 'publint read the packed package.json');
  assert.deepEqual(
    messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`),
    [],
  );
});

test("are-the-types-wrong: both entry points resolve to their types and code for bundlers and Node's ESM, no finding outside its esm-only profile", () => {
  // The resolutions that .attw.json's profile `esm-only` leaves out; everything else must be clean.
  const IGNORED = ['node10', 'node16-cjs'];
  const run = spawnSync(bin('attw'), [tarball, '--format', 'json'], {
    cwd: root, // .attw.json
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  let analysis;
  try {
    ({ analysis } = JSON.parse(run.stdout));
  } catch {
    assert.fail(`attw printed no JSON (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  const counted = analysis.problems.filter((p) => !IGNORED.includes(p.resolutionKind));
  assert.deepEqual(counted, []);
  for (const [path, files] of Object.entries(ENTRY_POINTS)) {
    const entryPoint = analysis.entrypoints[path];
    assert.ok(entryPoint, `attw checked ${path}`);
    for (const kind of ['bundler', 'node16-esm']) {
      const { resolution, implementationResolution } = entryPoint.resolutions[kind];
      assert.equal(resolution?.fileName, `/node_modules/ngx-token-refresh/${files.types}`, kind);
      assert.equal(
        implementationResolution?.fileName,
        `/node_modules/ngx-token-refresh/${files.code}`,
        kind,
      );
    }
  }
  assert.equal(run.status, 0, `attw exited ${run.status}:\n${run.stderr}`);
});

test('size-limit: every entry of .size-limit.mjs is within its budget (minified, gzipped, peers left out)', () => {
  const run = spawnSync(bin('size-limit'), ['--json'], { cwd: root, encoding: 'utf8' });
  let results;
  try {
    results = JSON.parse(run.stdout);
  } catch {
    assert.fail(`size-limit printed no JSON (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  for (const { name, size, sizeLimit } of results) {
    console.log(`size-limit: ${name}: ${size} B gzipped, limit ${sizeLimit} B`);
  }
  for (const name of ['README quick start', 'DPoP feature on top']) {
    assert.ok(
      results.some((r) => r.name === name),
      `an entry "${name}"`,
    );
  }
  for (const { name, size, sizeLimit, passed } of results) {
    assert.ok(Number.isInteger(sizeLimit), `${name} has a limit`);
    assert.ok(size > 0 && size <= sizeLimit, `${name}: ${size} B over its limit of ${sizeLimit} B`);
    assert.equal(passed, true, name);
  }
  assert.equal(run.status, 0, `size-limit failed:\n${run.stderr}`);
});

test('npm publish --dry-run of dist/ngx-token-refresh prints the tarball contents, the same files', () => {
  const run = spawnSync('npm', ['publish', '--dry-run'], { cwd: DIST, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  console.log(output); // the file list, in the CI log
  assert.equal(run.status, 0, 'npm publish --dry-run failed');
  const { name, version } = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
  assert.match(output, new RegExp(`^\\+ ${name}@${version.replaceAll('.', '\\.')}$`, 'm'));
  const notices = output.split('\n').map((line) => line.replace(/^npm notice ?/, ''));
  const start = notices.indexOf('Tarball Contents');
  const end = notices.indexOf('Tarball Details');
  assert.ok(start >= 0 && end > start, 'npm printed the tarball contents');
  const listed = notices.slice(start + 1, end).map((line) => line.replace(/^\S+\s+/, ''));
  assert.deepEqual(listed.sort(), expectedFiles());
});

test('npm publish from projects/ngx-token-refresh is refused with where to publish from; the built package.json has no scripts', () => {
  const run = spawnSync('npm', ['publish', '--dry-run'], { cwd: library, encoding: 'utf8' });
  assert.notEqual(run.status, 0, 'npm publish of the sources must fail');
  assert.match(
    run.stderr,
    /ngx-token-refresh is published from the build: npm run build:lib, then npm publish dist\/ngx-token-refresh/,
  );
  assert.doesNotMatch(run.stdout, /^\+ ngx-token-refresh@/m, 'npm reported a publish');
  // ng-packagr drops `scripts` from the build, so the guard never reaches a published package.
  const manifest = JSON.parse(tarRead(tarball, 'package.json'));
  assert.equal(manifest.scripts, undefined);
});

/**
 * What the package must ship, sorted: package.json, README.md, LICENSE; for each entry point its
 * FESM bundle with the source map ng-packagr writes beside it (as Angular's own packages ship
 * them, so an app's `sourceMap.vendor` steps into the library) and its .d.ts; the ng-add
 * schematic as scripts/build-schematics.mjs builds it: collection.json, package.json
 * ({"type":"commonjs"}), schema.json and one .js per source file, without specs or
 * schematics/testing/.
 */
function expectedFiles() {
  const files = ['package.json', 'README.md', 'LICENSE'];
  for (const { types, code } of Object.values(ENTRY_POINTS)) files.push(code, `${code}.map`, types);
  const schematics = join(library, 'schematics');
  for (const file of readdirSync(schematics, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name).slice(schematics.length + 1);
    if (path.startsWith('testing/') || path.endsWith('.spec.ts')) continue;
    if (path.endsWith('.ts')) files.push(`schematics/${path.replace(/\.ts$/, '.js')}`);
    else if (path.endsWith('.json')) files.push(`schematics/${path}`);
  }
  return files.sort();
}

/** The tarball's file paths (without npm's `package/` prefix), sorted. */
function tarFiles(file) {
  return execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

function tarRead(file, path) {
  return execFileSync('tar', ['-xzOf', file, `package/${path}`], { encoding: 'utf8' });
}

function arrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}
