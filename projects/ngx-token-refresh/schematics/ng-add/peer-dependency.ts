import { Rule } from '@angular-devkit/schematics';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExistingBehavior, addDependency } from './angular-utility';

/**
 * Adds a peer dependency of ngx-token-refresh, with the range its package.json (next to the
 * schematics) asks for, to the workspace's dependencies, unless the workspace lists it anywhere.
 */
export function addPeerDependency(name: string): Rule {
  return (tree, context) => {
    const manifest = tree.readJson('/package.json') as Record<string, Record<string, string>>;
    if (['dependencies', 'devDependencies', 'peerDependencies'].some((s) => manifest[s]?.[name])) {
      return;
    }
    const own = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const range: string = own.peerDependencies[name];
    context.logger.info(`ngx-token-refresh: adding ${name}@${range} to dependencies.`);
    return addDependency(name, range, { existing: ExistingBehavior.Skip });
  };
}
