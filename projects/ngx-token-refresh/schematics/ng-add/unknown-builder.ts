import { ProjectDefinition } from '@schematics/angular/utility';
import { Problem } from './root-providers';

/**
 * Why `ng add` leaves an app alone whose main file Angular's schematics cannot find: its builder
 * is not one of the CLI's application builders and has no `main` (such as
 * `@angular-builders/custom-esbuild:application`, whose entry is `browser`), so `addRootProvider`
 * cannot edit it either. Names the `browser` entry when the build has one.
 */
export function unknownBuilder(project: ProjectDefinition): Problem {
  const build = project.targets.get('build');
  const entry = build?.options?.['browser'];
  return {
    filePath: typeof entry === 'string' ? entry : 'the main file',
    problem: `it is built by ${build?.builder}, whose main file Angular's schematics cannot find`,
  };
}
