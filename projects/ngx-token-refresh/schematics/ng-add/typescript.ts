// The TypeScript that @schematics/angular itself uses: its AST helpers test node kinds, whose
// numbers differ between TypeScript versions, so every node must come from that same copy. Up to
// Angular 21 it bundles one under third_party/; from Angular 22 on it depends on `typescript`.
// Types come from the bundled copy (Angular 21).
import { createRequire } from 'node:module';
import type * as TS from '@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript';

/** The CLI's TypeScript types, as a namespace: `TS.Node`. */
export type { TS };

const fromSchematics = createRequire(require.resolve('@schematics/angular/package.json'));

/** The CLI's own TypeScript. */
const ts: typeof TS = load();
export default ts;

function load(): typeof TS {
  try {
    return fromSchematics('./third_party/github.com/Microsoft/TypeScript/lib/typescript');
  } catch {
    // Not bundled (Angular 22+): the `typescript` that @schematics/angular resolves is its own.
    return fromSchematics('typescript');
  }
}
