// The TypeScript of @schematics/angular, whose AST helpers test node kinds (numbers that differ
// between versions): bundled under third_party/ up to Angular 21, `typescript` from Angular 22.
import { createRequire } from 'node:module';
import type * as TS from '@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript';

/** The CLI's TypeScript types, as a namespace: `TS.Node`. */
export type { TS };

const cli = createRequire(require.resolve('@schematics/angular/package.json'));
const bundled = parseInt(cli('./package.json').version, 10) < 22;
/** The CLI's own TypeScript. */
export default cli(
  bundled ? './third_party/github.com/Microsoft/TypeScript/lib/typescript' : 'typescript',
) as typeof TS;
