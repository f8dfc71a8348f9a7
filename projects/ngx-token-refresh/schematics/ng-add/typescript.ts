// The TypeScript of @schematics/angular, whose AST helpers test node kinds (numbers that differ
// between versions): bundled under third_party/ up to Angular 21, `typescript` from Angular 22.
import { createRequire } from 'node:module';
import type * as TS from '@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript';

/** The CLI's TypeScript types, as a namespace: `TS.Node`. */
export type { TS };

const cli = createRequire(require.resolve('@schematics/angular/package.json'));
let ts: typeof TS;
try {
  ts = cli('./third_party/github.com/Microsoft/TypeScript/lib/typescript');
} catch {
  ts = cli('typescript'); // not bundled (Angular 22+): the one @schematics/angular resolves
}
/** The CLI's own TypeScript. */
export default ts;
