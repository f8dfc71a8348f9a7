import { Tree } from '@angular-devkit/schematics';
import { parseSource, resolveRelative } from './ast';
import { RootProvidersLookup, providersOf } from './root-providers';
import ts, {
  type CallExpression,
  type ImportDeclaration,
  type ObjectLiteralExpression,
  type SourceFile,
} from './typescript';

/**
 * Finds the app config of `bootstrapApplication(App, config)` the way `addRootProvider` does:
 * an object literal in the call, or a variable initialised with one in the file it is imported
 * from (relative imports only) or in the main file.
 */
export function standaloneProviders(
  tree: Tree,
  mainPath: string,
  call: CallExpression,
): RootProvidersLookup {
  const config = call.arguments[1];
  const main = call.getSourceFile();
  if (!config)
    return { found: { style: 'standalone', filePath: mainPath, source: main, providers: null } };
  if (ts.isObjectLiteralExpression(config)) {
    return providersOf('standalone', mainPath, config, 'the bootstrapApplication config');
  }
  const problem = 'the second argument of bootstrapApplication is not a plain config object';
  if (!ts.isIdentifier(config)) return { filePath: mainPath, problem };
  const resolved =
    resolveImportedConfig(tree, mainPath, main, config.text) ??
    findConfigVariable(main, config.text, mainPath);
  if (!resolved) return { filePath: mainPath, problem: `${config.text}: ${problem}` };
  return providersOf('standalone', resolved.filePath, resolved.object, config.text);
}

interface ConfigObject {
  readonly filePath: string;
  readonly object: ObjectLiteralExpression;
}

function resolveImportedConfig(
  tree: Tree,
  mainPath: string,
  main: SourceFile,
  name: string,
): ConfigObject | null {
  for (const statement of main.statements) {
    const bindings = ts.isImportDeclaration(statement) && statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const specifier = bindings.elements.find((element) => element.name.text === name);
    const moduleName = (statement as ImportDeclaration).moduleSpecifier;
    const filePath = ts.isStringLiteral(moduleName) && resolveRelative(mainPath, moduleName.text);
    if (!specifier || !filePath || !tree.exists(filePath)) continue;
    const exported = (specifier.propertyName ?? specifier.name).text;
    const found = findConfigVariable(parseSource(tree, filePath), exported, filePath);
    if (found) return found;
  }
  return null;
}

function findConfigVariable(
  source: SourceFile,
  name: string,
  filePath: string,
): ConfigObject | null {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && init) {
        return ts.isObjectLiteralExpression(init) ? { filePath, object: init } : null;
      }
    }
  }
  return null;
}
