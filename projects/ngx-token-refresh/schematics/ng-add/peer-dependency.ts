import { Rule, noop } from '@angular-devkit/schematics';
import { DependencyType, ExistingBehavior, addDependency } from './angular-utility';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies'];

/**
 * Adds a peer dependency of ngx-token-refresh (with the range this package asks for) to the
 * workspace's dependencies, unless the workspace already lists it anywhere.
 */
export function addPeerDependency(name: string): Rule {
  return (tree, context) => {
    if (!tree.exists('/package.json')) {
      context.logger.warn(`ngx-token-refresh: no package.json; install ${name} yourself.`);
      return noop();
    }
    const manifest = JSON.parse(tree.readText('/package.json')) as Record<string, unknown>;
    const listed = SECTIONS.some((section) => {
      const deps = manifest[section];
      return typeof deps === 'object' && deps !== null && name in deps;
    });
    if (listed) return noop();
    const range = ownPeerRange(name);
    context.logger.info(`ngx-token-refresh: adding ${name}@${range} to dependencies.`);
    return addDependency(name, range, {
      type: DependencyType.Default,
      existing: ExistingBehavior.Skip,
    });
  };
}

/** The range the package's own package.json (shipped next to the schematics) gives a peer. */
function ownPeerRange(name: string): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const range: unknown = manifest.peerDependencies?.[name];
  if (typeof range !== 'string') throw new Error(`ngx-token-refresh does not list ${name}.`);
  return range;
}
