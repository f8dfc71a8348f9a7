// The TypeScript that @schematics/angular itself uses: its AST helpers (insertImport, ...) test
// node kinds, whose numbers differ between TypeScript versions, so every node must come from
// that same copy. Up to Angular 21 it bundles one under third_party/; from Angular 22 on it
// depends on the `typescript` package instead. Types come from the bundled copy (Angular 21).
import { createRequire } from 'node:module';
import type * as TypeScript from '@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript';

export type {
  ArrayLiteralExpression,
  CallExpression,
  Expression,
  ImportDeclaration,
  Node,
  NodeArray,
  ObjectLiteralExpression,
  SourceFile,
} from '@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript';

const BUNDLED = './third_party/github.com/Microsoft/TypeScript/lib/typescript';

function load(): typeof TypeScript {
  const fromSchematics = createRequire(require.resolve('@schematics/angular/package.json'));
  try {
    return fromSchematics(BUNDLED);
  } catch {
    // Not bundled (Angular 22+): the `typescript` that @schematics/angular resolves is its own.
    return fromSchematics('typescript');
  }
}

const ts = load();
export default ts;
