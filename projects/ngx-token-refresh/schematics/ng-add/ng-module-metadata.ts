import { Tree } from '@angular-devkit/schematics';
import { importedFrom, isCallTo, parseSource, resolveRelative } from './ast';
import { RootProvidersLookup, providersOf } from './root-providers';
import ts, {
  type CallExpression,
  type ObjectLiteralExpression,
  type SourceFile,
} from './typescript';

/**
 * Finds the metadata of the root NgModule passed to `bootstrapModule(AppModule)`, in the file
 * it is imported from, the way `addRootProvider` does (the first `@NgModule` of that file).
 */
export function ngModuleProviders(
  tree: Tree,
  mainPath: string,
  call: CallExpression,
): RootProvidersLookup {
  const moduleName = call.arguments[0];
  const specifier =
    moduleName && ts.isIdentifier(moduleName)
      ? importedFrom(call.getSourceFile(), moduleName.text)
      : null;
  const modulePath = specifier && resolveRelative(mainPath, specifier);
  if (!modulePath || !tree.exists(modulePath)) {
    return {
      filePath: mainPath,
      problem: 'the root NgModule is not imported from a relative file',
    };
  }
  const metadata = findNgModuleMetadata(parseSource(tree, modulePath));
  if (!metadata) {
    return { filePath: modulePath, problem: 'no @NgModule({...}) with an object literal' };
  }
  return providersOf('ng-module', modulePath, metadata, 'the root NgModule');
}

function findNgModuleMetadata(source: SourceFile): ObjectLiteralExpression | null {
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const argument = isCallTo(decorator.expression, 'NgModule')
        ? decorator.expression.arguments[0]
        : undefined;
      if (argument && ts.isObjectLiteralExpression(argument)) return argument;
    }
  }
  return null;
}
