import { ProjectDefinition } from '@schematics/angular/utility';
import { join } from 'node:path/posix';

/** Builders whose main file is the `browser` option, `<sourceRoot>/main.ts` by default. */
const APPLICATION_BUILDERS = [
  '@angular/build:application',
  '@angular-devkit/build-angular:application',
];

/**
 * The file that bootstraps the application, found the way `addRootProvider` finds it, or `null`
 * when the project has no build target that names one.
 */
export function findMainFile(project: ProjectDefinition): string | null {
  const build = project.targets.get('build');
  if (!build) return null;
  const options = build.options ?? {};
  if (APPLICATION_BUILDERS.includes(build.builder)) {
    const browser = options['browser'];
    if (typeof browser === 'string') return browser;
    return join(project.sourceRoot ?? join(project.root, 'src'), 'main.ts');
  }
  const main = options['main'];
  return typeof main === 'string' ? main : null;
}
