import { SchematicsException, Tree } from '@angular-devkit/schematics';
import { dirname, join } from 'node:path/posix';
import ts, { type CallExpression, type Node, type SourceFile } from './typescript';

/** Parses a file of the tree, with parent pointers (the AST helpers need them). */
export function parseSource(tree: Tree, path: string): SourceFile {
  if (!tree.exists(path)) throw new SchematicsException(`${path} does not exist.`);
  return ts.createSourceFile(path, tree.readText(path), ts.ScriptTarget.Latest, true);
}

/** Whether `node` is a call of a plain identifier named `name`, such as `provideHttpClient()`. */
export function isCallTo(node: Node, name: string): node is CallExpression {
  return (
    ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name
  );
}

/** Every call of `name` (a plain identifier) under `root`, outermost first. */
export function findCalls(root: Node, name: string): CallExpression[] {
  const calls: CallExpression[] = [];
  const visit = (node: Node): void => {
    if (isCallTo(node, name)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return calls;
}

/** Whether `name` appears as an identifier under `root` outside import declarations. */
export function mentions(root: SourceFile, name: string): boolean {
  const visit = (node: Node): boolean =>
    !ts.isImportDeclaration(node) &&
    ((ts.isIdentifier(node) && node.text === name) || !!ts.forEachChild(node, visit));
  return !!ts.forEachChild(root, visit);
}

/** The file a relative module specifier of `fromFile` points at (`./app/app.config` -> .ts). */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  return specifier.startsWith('.') ? join(dirname(fromFile), `${specifier}.ts`) : null;
}

/** The module specifier of the import that brings `name` into `source`, if any. */
export function importedFrom(source: SourceFile, name: string): string | null {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      continue;
    }
    const bindings = statement.importClause?.namedBindings;
    const named =
      bindings && ts.isNamedImports(bindings)
        ? bindings.elements.some((element) => element.name.text === name)
        : false;
    if (named || statement.importClause?.name?.text === name) {
      return statement.moduleSpecifier.text;
    }
  }
  return null;
}
