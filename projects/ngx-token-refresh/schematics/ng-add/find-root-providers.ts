import { Tree } from '@angular-devkit/schematics';
import { findCalls, parseSource } from './ast';
import { ngModuleProviders } from './ng-module-metadata';
import { RootProvidersLookup } from './root-providers';
import { standaloneProviders } from './standalone-config';
import ts, { type CallExpression, type Node } from './typescript';

/**
 * Follows the main file to the root providers: the config of `bootstrapApplication(...)`, or the
 * metadata of the NgModule given to `bootstrapModule(...)`.
 */
export function findRootProviders(tree: Tree, mainPath: string): RootProvidersLookup {
  if (!tree.exists(mainPath)) return { filePath: mainPath, problem: 'the main file is missing' };
  const main = parseSource(tree, mainPath);
  const [bootstrapApplication] = findCalls(main, 'bootstrapApplication');
  if (bootstrapApplication) return standaloneProviders(tree, mainPath, bootstrapApplication);
  const bootstrapModule = findBootstrapModuleCall(main);
  if (bootstrapModule) return ngModuleProviders(tree, mainPath, bootstrapModule);
  return {
    filePath: mainPath,
    problem: 'it calls neither bootstrapApplication(...) nor bootstrapModule(...)',
  };
}

function findBootstrapModuleCall(root: Node): CallExpression | null {
  let found: CallExpression | null = null;
  const visit = (node: Node): void => {
    if (found) return;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'bootstrapModule'
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}
