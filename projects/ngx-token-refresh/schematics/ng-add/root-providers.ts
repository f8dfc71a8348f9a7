import { Tree } from '@angular-devkit/schematics';
import { getDecoratorMetadata } from '@schematics/angular/utility/ast-utils';
import * as ngAst from '@schematics/angular/utility/ng-ast-utils';
import { findAppConfig } from '@schematics/angular/utility/standalone/app_config';
import * as util from '@schematics/angular/utility/standalone/util';
import ts, { type TS } from './typescript';

/** The root providers: their file, and their array literal (`null` when there is none yet). */
export interface RootProviders {
  readonly filePath: string;
  readonly source: TS.SourceFile;
  readonly providers: TS.ArrayLiteralExpression | null;
}

/** Why `ng add` leaves `filePath` alone. */
export type Problem = { readonly filePath: string; readonly problem: string };

/** The root providers as `addRootProvider` finds them, or why it cannot extend them safely. */
export function findRootProviders(tree: Tree, main: string): RootProviders | Problem {
  const problem = (text: string, filePath = main): Problem => ({ filePath, problem: text });
  if (!tree.exists(main)) return problem('the main file is missing');
  if (ngAst.isStandaloneApp(tree, main)) {
    const call = util.findBootstrapApplicationCall(tree, main);
    const [, arg] = call.arguments;
    const name = arg && ts.isIdentifier(arg) ? arg.text : 'the bootstrapApplication config';
    const config = findAppConfig(call, tree, main);
    if (config) return providersOf(config.filePath, config.node, name);
    if (!arg) return { filePath: main, source: call.getSourceFile(), providers: null };
    return problem(`${name} is not a plain object literal`);
  }
  if (!ngAst.findBootstrapModuleCall(tree, main)) {
    return problem('it calls neither bootstrapApplication(...) nor bootstrapModule(...)');
  }
  const path = ngAst.getAppModulePath(tree, main);
  if (!tree.exists(path)) return problem('the root NgModule is not imported from a relative file');
  const source = util.getSourceFile(tree, path);
  const [metadata] = getDecoratorMetadata(source, 'NgModule', '@angular/core');
  if (!metadata || !ts.isObjectLiteralExpression(metadata)) {
    return problem('no @NgModule({...}) with an object literal', path);
  }
  return providersOf(path, metadata, 'the root NgModule');
}

/** The providers of a config or NgModule metadata, unless they are more than an array literal. */
function providersOf(filePath: string, config: TS.ObjectLiteralExpression, name: string) {
  const providers = util.findProvidersLiteral(config);
  const unsafe = config.properties.some(
    (property) => ts.isSpreadAssignment(property) || property.name?.getText() === 'providers',
  );
  if (providers || !unsafe) return { filePath, source: config.getSourceFile(), providers };
  return { filePath, problem: `the providers of ${name} are not an array literal` };
}
