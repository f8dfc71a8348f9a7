// Packs the built library (dist/ngx-token-refresh, schematics included) with `npm pack` into
// dist/tarballs and returns the tarball's path: the package exactly as npm would publish it.
// Suites that run at the same time may each pack: every pack writes into a folder of its own and
// is then renamed into place, so that no suite ever reads a tarball that is still being written.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const DIST = join(root, 'dist', 'ngx-token-refresh');

export function packLibrary() {
  for (const built of [join('schematics', 'collection.json'), 'README.md']) {
    if (!existsSync(join(DIST, built))) throw new Error(`${built} is not built: npm run build:lib`);
  }
  const { version } = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
  const tarballs = join(root, 'dist', 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const own = mkdtempSync(join(tarballs, 'pack-'));
  const name = `ngx-token-refresh-${version}.tgz`;
  try {
    execSync(`npm pack --pack-destination ${JSON.stringify(own)}`, { cwd: DIST, stdio: 'pipe' });
    if (!existsSync(join(own, name))) throw new Error(`npm pack did not write ${name}`);
    renameSync(join(own, name), join(tarballs, name));
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
  return join(tarballs, name);
}
