// The API reference (scripts/api-docs.mjs): builds with every TypeDoc warning as an error, shows
// every public export of both entry points with a usage example that imports it, matches the
// committed docs/api/, and the build really fails for an export without docs or example.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import ts from 'typescript';
import { DOCS_DIR, ROOT, buildApiDocs, readTree } from './api-docs.mjs';

const OUT = join(ROOT, 'tmp', 'api-docs');
const ENTRY_POINTS = [
  { from: 'ngx-token-refresh', file: 'projects/ngx-token-refresh/src/public-api.ts' },
  {
    from: 'ngx-token-refresh/testing',
    file: 'projects/ngx-token-refresh/testing/src/public-api.ts',
  },
];

let build;
before(() => {
  rmSync(OUT, { recursive: true, force: true });
  build = buildApiDocs(['--out', OUT]);
});

test('the reference builds with TypeDoc warnings treated as errors', () => {
  const warnings = build.output.split('\n').filter((line) => /\[(warning|error)\]/.test(line));
  assert.deepEqual(warnings, [], 'TypeDoc warned: fix the JSDoc it names');
  assert.equal(build.status, 0, `TypeDoc failed:\n${build.output}`);
});

test('every public export of both entry points has a section with a usage example', () => {
  for (const { from, file } of ENTRY_POINTS) {
    const page = readFileSync(join(OUT, `${from}.md`), 'utf8');
    const exported = exportedNames(file);
    assert.ok(exported.length > 2, `${file}: no exports found`);
    for (const name of exported) {
      const body = section(page, name);
      assert.ok(body !== null, `${from}.md has no section for ${name}`);
      const notes = body.split(/^#{4,} Usage Notes$/m)[1];
      assert.ok(notes, `${from}.md: ${name} has no Usage Notes`);
      const example = notes.match(/^```ts\n([\s\S]*?)^```$/m)?.[1];
      assert.ok(example, `${from}.md: ${name}'s Usage Notes have no ts example`);
      assert.ok(
        importsName(example, name, from),
        `${from}.md: ${name}'s example does not import it from '${from}'`,
      );
    }
  }
});

test('private API stays out of the reference: no \u0275 name, no @internal member', () => {
  for (const [file, text] of readTree(OUT)) {
    assert.ok(!text.includes('\u0275'), `${file} names a \u0275 export or member`);
    assert.ok(!/\bhandleRefresh\b/.test(text), `${file} shows an @internal member`);
  }
});

test('the committed reference in docs/api matches the JSDoc', () => {
  const fresh = readTree(OUT);
  const committed = readTree(DOCS_DIR);
  assert.deepEqual([...committed.keys()], [...fresh.keys()], 'docs/api: files differ');
  for (const [file, text] of fresh) {
    assert.equal(
      committed.get(file),
      text,
      `docs/api/${file} is out of date: run \`npm run docs:api\` and commit docs/api.`,
    );
  }
});

test('an export without a comment or without a usage example that imports it fails the build', () => {
  const dir = join(ROOT, 'tmp', 'api-docs-fixture');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.ts'),
    [
      'export const undocumented = 1;',
      '/** Documented, but with no example. */',
      'export function noExample(): void {}',
      '/**',
      ' * An example that does not import it.',
      ' *',
      ' * @usageNotes',
      ' * ```ts',
      ' * noImport();',
      ' * ```',
      ' */',
      'export function noImport(): void {}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, types: [] }, files: ['index.ts'] }),
  );
  // The repository's config with the fixture as the entry point (TypeDoc reads `tsconfig` from
  // the config file before the command line's options apply).
  writeFileSync(
    join(dir, 'typedoc.config.mjs'),
    [
      "import config from '../../typedoc.config.mjs';",
      'export default {',
      '  ...config,',
      "  name: 'fixture-lib',",
      "  entryPoints: ['index.ts'],",
      "  tsconfig: 'tsconfig.json',",
      "  out: 'out',",
      '  intentionallyNotDocumented: [],',
      '  skipErrorChecking: true,',
      "  plugin: ['typedoc-plugin-markdown', '../../scripts/api-docs-plugin.mjs'],",
      '};',
      '',
    ].join('\n'),
  );
  const { status, output } = buildApiDocs(['--options', join(dir, 'typedoc.config.mjs')]);
  assert.notEqual(status, 0, `TypeDoc accepted the fixture:\n${output}`);
  assert.match(output, /undocumented \(Variable\).*does not have any documentation/);
  assert.match(output, /undocumented \(Variable, exported by fixture-lib\) has no @usageNotes/);
  assert.match(output, /noExample \(Function, exported by fixture-lib\) has no @usageNotes/);
  assert.match(output, /noImport \(Function, exported by fixture-lib\): its @usageNotes example/);
});

/** The names a `public-api.ts` exports (`export { a, type B } from ...`), without `ɵ` ones. */
function exportedNames(file) {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), 99);
  return source.statements
    .filter(ts.isExportDeclaration)
    .flatMap((declaration) => declaration.exportClause?.elements ?? [])
    .map((element) => element.name.text)
    .filter((name) => !name.startsWith('\u0275'));
}

/** The Markdown under `### name` (`### name()` for a function) up to the next export's heading. */
function section(page, name) {
  const heading = name.replace(/_/g, '\\_');
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line === `### ${heading}` || line === `### ${heading}()`);
  if (start < 0) return null;
  const end = lines.findIndex((line, i) => i > start && /^#{2,3} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Whether `code` has `import { ..., name, ... } from 'from';`. */
function importsName(code, name, from) {
  return [...code.matchAll(/^import (?:type )?\{([^}]*)\} from '([^']+)';$/gm)].some(
    ([, names, path]) =>
      path === from && names.split(',').some((n) => n.trim().replace(/^type /, '') === name),
  );
}
