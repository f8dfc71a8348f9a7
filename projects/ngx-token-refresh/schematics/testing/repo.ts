import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root, found upwards from the compiled spec (which runs from under tmp/). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** The built collection the specs run: build it with scripts/build-schematics.mjs first. */
export const COLLECTION = join(
  REPO_ROOT,
  'dist',
  'ngx-token-refresh',
  'schematics',
  'collection.json',
);

function findRepoRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'projects', 'ngx-token-refresh', 'tsconfig.schematics.json'))) {
      return dir;
    }
  }
  throw new Error(`no ngx-token-refresh workspace above ${start}`);
}
