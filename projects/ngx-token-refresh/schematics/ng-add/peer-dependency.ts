import { Rule } from '@angular-devkit/schematics';
import { addDependency, getDependency } from '@schematics/angular/utility/dependency';

/** Adds peer dependency `name` in the range ngx-token-refresh asks for, unless it is listed. */
export function addPeerDependency(name: string): Rule {
  return (tree, context) => {
    if (getDependency(tree, name)) return; // in dependencies, devDependencies or peerDependencies
    const range: string = require('../../package.json').peerDependencies[name];
    context.logger.info(`ngx-token-refresh: adding ${name}@${range} to dependencies.`);
    return addDependency(name, range) as unknown as Rule; // its devkit copy's Rule: see index.ts
  };
}
