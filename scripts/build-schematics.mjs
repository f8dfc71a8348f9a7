#!/usr/bin/env node
// Builds the ng-add schematic into the built package: run after `ng build ngx-token-refresh`.
// Compiles projects/ngx-token-refresh/schematics with tsconfig.schematics.json (CommonJS), copies
// collection.json, the schema.json files and schematics/package.json ({"type":"commonjs"}: the
// package is ESM), and lets that package.json into the tarball (ng-packagr's .npmignore excludes
// every nested package.json, and without it `ng add` crashes on `exports is not defined`).
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const library = join(root, 'projects', 'ngx-token-refresh');
const source = join(library, 'schematics');
const dist = join(root, 'dist', 'ngx-token-refresh');
const out = join(dist, 'schematics');
const NPMIGNORE_ENTRY = '!schematics/package.json';

if (!existsSync(join(dist, 'package.json'))) {
  fail('dist/ngx-token-refresh is missing: run `npx ng build ngx-token-refresh` first.');
}
compile(join(library, 'tsconfig.schematics.json'));
for (const file of listFiles(source)) {
  if (/(^|\/)(collection|schema|package)\.json$/.test(file)) {
    cpSync(join(source, file), join(out, file));
  }
}
patchNpmignore(join(dist, '.npmignore'));
console.log(`schematics built into ${relative(root, out)}`);

/** Type-checks and emits the schematics; exits with the diagnostics on any error. */
function compile(configPath) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  const program = ts.createProgram(config.fileNames, config.options);
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (config.errors.length || diagnostics.length) report([...config.errors, ...diagnostics]);
}

function report(diagnostics) {
  fail(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  );
}

function patchNpmignore(path) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (text.split(/\r?\n/).includes(NPMIGNORE_ENTRY)) return;
  appendFileSync(path, `${text && !text.endsWith('\n') ? '\n' : ''}${NPMIGNORE_ENTRY}\n`);
}

function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
