// Packs the built library (dist/ngx-token-refresh, schematics included) with `npm pack` into
// dist/tarballs and returns the tarball's path: the package exactly as npm would publish it.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const DIST = join(root, 'dist', 'ngx-token-refresh');

export function packLibrary() {
  for (const built of [join('schematics', 'collection.json'), 'README.md']) {
    if (!existsSync(join(DIST, built))) throw new Error(`${built} is not built: npm run build:lib`);
  }
  const { version } = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
  mkdirSync(join(root, 'dist', 'tarballs'), { recursive: true });
  execSync('npm pack --pack-destination ../tarballs', { cwd: DIST, stdio: 'pipe' });
  const tarball = join(root, 'dist', 'tarballs', `ngx-token-refresh-${version}.tgz`);
  if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
  return tarball;
}
