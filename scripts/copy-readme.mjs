#!/usr/bin/env node
// Writes the npm package's README: the workspace README.md up to the marker before its
// "Commands" section (what follows is about this repository, not the package). One source, so
// the README on npm always says what the repository's README says. Run after the library build.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const MARKER = "<!-- The npm package's README is this file up to here";

/** The package part of README.md. */
export function packageReadme() {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const end = text.indexOf(MARKER);
  if (end < 0) throw new Error(`README.md lacks the marker "${MARKER}"`);
  return text.slice(0, end).trimEnd() + '\n';
}

if (process.argv[1] === import.meta.filename) {
  const dist = join(root, 'dist', 'ngx-token-refresh');
  if (!existsSync(join(dist, 'package.json'))) {
    console.error('dist/ngx-token-refresh is missing: run `npx ng build ngx-token-refresh` first.');
    process.exit(1);
  }
  writeFileSync(join(dist, 'README.md'), packageReadme());
  console.log('README.md copied into dist/ngx-token-refresh');
}
