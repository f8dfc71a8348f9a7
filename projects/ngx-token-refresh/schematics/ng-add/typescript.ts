// The TypeScript that @schematics/angular uses: its AST helpers test node kinds, whose numbers
// differ between TypeScript versions, so every node must come from that copy. Angular 21 bundles
// it under third_party/ (the types come from there); Angular 22 depends on `typescript`.
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
