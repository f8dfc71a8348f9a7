import { Rule } from '@angular-devkit/schematics';
import { addDependency } from '@schematics/angular/utility';

/**
 * Adds a peer dependency of ngx-token-refresh, in the range its package.json (next to the
 * schematics) asks for, to the workspace's dependencies, unless the workspace lists it anywhere.
 */
export function addPeerDependency(name: string): Rule {
  return (tree, context) => {
    const manifest = tree.readJson('/package.json') as Record<string, Record<string, string>>;
    const sections = ['dependencies', 'devDependencies', 'peerDependencies'];
    if (sections.some((section) => manifest[section]?.[name])) return;
    const range: string = require('../../package.json').peerDependencies[name];
    context.logger.info(`ngx-token-refresh: adding ${name}@${range} to dependencies.`);
    return addDependency(name, range) as unknown as Rule; // its devkit copy's Rule: see index.ts
  };
}
