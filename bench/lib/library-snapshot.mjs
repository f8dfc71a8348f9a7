// Copies dist/ngx-token-refresh into the bench workspace at the start of a run, so that every
// app of the run is built from the same library build even when someone rebuilds dist/ meanwhile
// (ng-packagr empties it first). Waits for a build in progress to finish.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_DIST, LIBRARY_SNAPSHOT } from './paths.mjs';

const REQUIRED = ['package.json', 'fesm2022/ngx-token-refresh.mjs', 'types/ngx-token-refresh.d.ts'];
const WAIT_MS = 90_000;

const complete = () => REQUIRED.every((file) => existsSync(join(LIBRARY_DIST, file)));

export async function snapshotLibrary() {
  const deadline = Date.now() + WAIT_MS;
  while (!complete()) {
    if (Date.now() > deadline) {
      throw new Error(
        `The library is not built (${LIBRARY_DIST} lacks ${REQUIRED.join(', ')}). ` +
          'Run `npx ng build ngx-token-refresh` first.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  rmSync(LIBRARY_SNAPSHOT, { recursive: true, force: true });
  cpSync(LIBRARY_DIST, LIBRARY_SNAPSHOT, { recursive: true });
  if (!REQUIRED.every((file) => existsSync(join(LIBRARY_SNAPSHOT, file)))) {
    throw new Error(`dist/ngx-token-refresh changed while it was copied; run the harness again.`);
  }
}
