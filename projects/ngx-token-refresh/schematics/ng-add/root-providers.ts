import { Tree } from '@angular-devkit/schematics';
import { getDecoratorMetadata } from '@schematics/angular/utility/ast-utils';
import * as ngAst from '@schematics/angular/utility/ng-ast-utils';
import { findAppConfig } from '@schematics/angular/utility/standalone/app_config';
import * as util from '@schematics/angular/utility/standalone/util';
import ts, { type TS } from './typescript';

/** The root providers of an application: where `ng add` puts its providers. */
export interface RootProviders {
  /** The file that holds them (`app.config.ts`, `main.ts` or the root module). */
  readonly filePath: string;
  readonly source: TS.SourceFile;
  /** The `providers` array literal, or `null` when there is none yet. */
  readonly providers: TS.ArrayLiteralExpression | null;
}

/** Why `ng add` leaves a file alone. */
export interface Problem {
  readonly filePath: string;
  readonly problem: string;
}

/**
 * Follows the main file to the root providers with the lookups `addRootProvider` uses: the config
 * of `bootstrapApplication(...)`, or the metadata of the NgModule of `bootstrapModule(...)`. A
 * shape that `addRootProvider` would fail on or could not extend safely is a `Problem`.
 */
export function findRootProviders(tree: Tree, main: string): RootProviders | Problem {
  if (!tree.exists(main)) return { filePath: main, problem: 'the main file is missing' };
  if (ngAst.isStandaloneApp(tree, main)) {
    const call = util.findBootstrapApplicationCall(tree, main);
    const config = findAppConfig(call, tree, main);
    const arg = call.arguments[1];
    const name = arg && ts.isIdentifier(arg) ? arg.text : null;
    if (config)
      return providersOf(config.filePath, config.node, name ?? 'the bootstrapApplication config');
    if (!arg) return { filePath: main, source: call.getSourceFile(), providers: null };
    const problem = 'the second argument of bootstrapApplication is not a plain config object';
    return { filePath: main, problem: name ? `${name}: ${problem}` : problem };
  }
  if (!ngAst.findBootstrapModuleCall(tree, main)) {
    const problem = 'it calls neither bootstrapApplication(...) nor bootstrapModule(...)';
    return { filePath: main, problem };
  }
  const path = ngAst.getAppModulePath(tree, main);
  if (!tree.exists(path)) {
    return { filePath: main, problem: 'the root NgModule is not imported from a relative file' };
  }
  const [metadata] = getDecoratorMetadata(
    util.getSourceFile(tree, path),
    'NgModule',
    '@angular/core',
  );
  return metadata && ts.isObjectLiteralExpression(metadata)
    ? providersOf(path, metadata, 'the root NgModule')
    : { filePath: path, problem: 'no @NgModule({...}) with an object literal' };
}

/** The `providers` array literal of a config or NgModule metadata, if it has a plain one. */
function providersOf(filePath: string, object: TS.ObjectLiteralExpression, name: string) {
  const providers = util.findProvidersLiteral(object);
  const other = object.properties.find(
    (property) => ts.isSpreadAssignment(property) || property.name?.getText() === 'providers',
  );
  if (providers || !other) return { filePath, source: object.getSourceFile(), providers };
  const problem = ts.isSpreadAssignment(other)
    ? `${name} spreads another object, which may hold providers`
    : `the providers of ${name} are not an array literal`;
  return { filePath, problem };
}
