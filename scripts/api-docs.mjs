#!/usr/bin/env node
// The API reference: TypeDoc (typedoc.config.mjs) renders the JSDoc of both entry points,
// `ngx-token-refresh` and `ngx-token-refresh/testing`, as Markdown into docs/api/, committed so
// that the README's link works on GitHub and from npm. Any TypeDoc warning fails the build: an
// export without a comment, a field without one, a broken {@link}, a public signature naming an
// unexported type, or an export without a `@usageNotes` example that imports it
// (scripts/api-docs-plugin.mjs). `scripts/api-docs.test.mjs` fails when docs/api is out of date.
//
// `npm run docs:api` (node scripts/api-docs.mjs) rewrites docs/api after a change to the JSDoc
// or the public API; `--out DIR` writes elsewhere. Needs no built library.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DOCS_DIR = join(ROOT, 'docs', 'api');
const TYPEDOC = join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');

/**
 * Runs TypeDoc with the repository's config (plus `args`, e.g. `['--out', dir]`) and returns its
 * exit status and console output (without colours).
 */
export function buildApiDocs(args = [], { echo = false } = {}) {
  const result = spawnSync(process.execPath, [TYPEDOC, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: echo ? 'inherit' : 'pipe',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status ?? 1, output };
}

/** Every file under `dir`, as a map from its path relative to `dir` to its text. */
export function readTree(dir) {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((file) => [relative(dir, file), readFileSync(file, 'utf8')])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

if (process.argv[1] === import.meta.filename) {
  const { status } = buildApiDocs(process.argv.slice(2), { echo: true });
  process.exit(status);
}
