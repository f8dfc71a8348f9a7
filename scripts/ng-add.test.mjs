// The ng-add schematic's specs (projects/ngx-token-refresh/schematics/**/*.spec.ts): compiles them
// into tmp/schematics-spec and runs them with jasmine against the BUILT collection in
// dist/ngx-token-refresh/schematics, reporting every jasmine spec as a node:test test (so
// `node --test` prints `# pass N` / `# fail N`). Build first:
//   npm run build:lib
import Jasmine from 'jasmine';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const library = join(root, 'projects', 'ngx-token-refresh');
const collection = join(root, 'dist', 'ngx-token-refresh', 'schematics', 'collection.json');
const out = join(root, 'tmp', 'schematics-spec');

if (!existsSync(collection)) {
  test('the built schematics exist', () => {
    assert.fail(`${collection} is missing: run npm run build:lib`);
  });
} else {
  const compileErrors = compileSpecs();
  if (compileErrors) {
    test('the schematic specs compile', () => assert.fail(compileErrors));
  } else {
    for (const spec of await runJasmine()) {
      const name = spec.fullName;
      if (spec.status === 'passed') test(name, () => {});
      else if (spec.status === 'failed') test(name, () => assert.fail(describeFailure(spec)));
      else test(name, { skip: spec.status }, () => {});
    }
  }
}

/** Compiles sources, helpers and specs with tsconfig.schematics.json into tmp/; returns errors. */
function compileSpecs() {
  rmSync(out, { recursive: true, force: true });
  const config = ts.getParsedCommandLineOfConfigFile(
    join(library, 'tsconfig.schematics.json'),
    { outDir: out, types: ['node', 'jasmine'] },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram(listTs(join(library, 'schematics')), config.options);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  if (!diagnostics.length) return null;
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/** Runs the compiled specs in order and resolves with jasmine's result for every spec. */
async function runJasmine() {
  const runner = new Jasmine({ projectBaseDir: out });
  runner.exitOnCompletion = false;
  await runner.loadConfig({ spec_dir: '.', spec_files: ['**/*.spec.js'], random: false });
  runner.env.configure({ random: false });
  const specs = [];
  const suiteErrors = [];
  runner.clearReporters();
  runner.addReporter({
    specDone: (result) => specs.push(result),
    suiteDone: (result) => suiteErrors.push(...result.failedExpectations),
    jasmineDone: (result) => suiteErrors.push(...result.failedExpectations),
  });
  await runner.execute();
  if (suiteErrors.length) {
    specs.push({ fullName: 'jasmine suites', status: 'failed', failedExpectations: suiteErrors });
  }
  return specs;
}

function describeFailure(spec) {
  return spec.failedExpectations.map((e) => `${e.message}\n${e.stack ?? ''}`).join('\n\n');
}

function listTs(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
