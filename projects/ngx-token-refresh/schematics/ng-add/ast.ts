import { findNodes } from '@schematics/angular/utility/ast-utils';
import ts, { type TS } from './typescript';

/** Whether `node` is a call of a plain identifier named `name`, such as `provideHttpClient()`. */
export function isCallTo(node: TS.Node, name: string): node is TS.CallExpression {
  return ts.isCallExpression(node) && node.expression.getText() === name;
}

/** Whether `name` appears as an identifier in `source` outside its import declarations. */
export function mentions(source: TS.SourceFile, name: string): boolean {
  const found = findNodes(source, ts.isIdentifier).filter((id) => id.text === name);
  return found.some((id) => !ts.findAncestor(id, ts.isImportDeclaration));
}
