// @schematics/angular may get its own copy of @angular-devkit/schematics (it does here), whose
// Rule type TypeScript treats as foreign; rules are plain functions, so they run under either.
import type { Rule } from '@angular-devkit/schematics';
import * as utility from '@schematics/angular/utility';

type AsRule<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Rule;

/** The CLI's `addRootProvider`, typed with this package's `Rule`. */
export const addRootProvider = utility.addRootProvider as unknown as AsRule<
  typeof utility.addRootProvider
>;

/** The CLI's `addDependency`, typed with this package's `Rule`. */
export const addDependency = utility.addDependency as unknown as AsRule<
  typeof utility.addDependency
>;
