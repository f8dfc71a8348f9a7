// Core v2's target for the library's shape: no source file of the package (runtime, `/testing`
// entry point, `ng add` schematic; specs and spec helpers aside) over 200 lines, so that each
// stays one concept a reader takes in at once. Needs no build.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const LIBRARY = join(import.meta.dirname, '..', 'projects', 'ngx-token-refresh');
const FOLDERS = ['src', 'testing', 'schematics'];
const MAX_LINES = 200;

test(`no source file of the library is over ${MAX_LINES} lines`, () => {
  const sources = FOLDERS.flatMap((folder) =>
    readdirSync(join(LIBRARY, folder), { recursive: true })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => join(folder, file)),
  );
  assert.ok(sources.length > 50, `found the sources (${sources.length} files)`);
  const lines = (file) => readFileSync(join(LIBRARY, file), 'utf8').trimEnd().split('\n').length;
  const long = sources.filter((file) => lines(file) > MAX_LINES);
  assert.deepEqual(
    long.map((file) => `${file}: ${lines(file)} lines`),
    [],
    'split these files',
  );
});
