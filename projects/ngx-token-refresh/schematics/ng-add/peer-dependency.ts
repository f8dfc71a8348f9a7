import { Rule } from '@angular-devkit/schematics';
import { addDependency, getDependency } from '@schematics/angular/utility/dependency';

/**
 * Adds a peer dependency of ngx-token-refresh, in the range its package.json (next to the
 * schematics) asks for, to the workspace's dependencies, unless the workspace lists it anywhere.
 */
export function addPeerDependency(name: string): Rule {
  return (tree, context) => {
    if (getDependency(tree, name)) return; // in dependencies, devDependencies or peerDependencies
    const range: string = require('../../package.json').peerDependencies[name];
    context.logger.info(`ngx-token-refresh: adding ${name}@${range} to dependencies.`);
    return addDependency(name, range) as unknown as Rule; // its devkit copy's Rule: see index.ts
  };
}
