// The rules of @schematics/angular/utility, typed against this package's @angular-devkit/schematics:
// @schematics/angular pins an exact devkit version and may get its own nested copy (it does in
// this workspace), whose Rule type TypeScript then treats as foreign. Rules are plain functions
// of (tree, context), so they run under either copy.
import type { Rule } from '@angular-devkit/schematics';
import * as utility from '@schematics/angular/utility';

export { ExistingBehavior } from '@schematics/angular/utility';

/** The CLI's `addRootProvider`: a provider for the app config or the root NgModule. */
export const addRootProvider = utility.addRootProvider as unknown as (
  ...args: Parameters<typeof utility.addRootProvider>
) => Rule;

/** The CLI's `addDependency`: a package.json entry, and npm install once. */
export const addDependency = utility.addDependency as unknown as (
  ...args: Parameters<typeof utility.addDependency>
) => Rule;
