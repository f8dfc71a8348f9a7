import { SchematicsException, Tree } from '@angular-devkit/schematics';
import { ProjectDefinition, readWorkspace } from '@schematics/angular/utility';

/** The project `ng add` works on: an application to set up, or a library to leave alone. */
export interface TargetProject {
  readonly name: string;
  readonly definition: ProjectDefinition;
  readonly isLibrary: boolean;
}

/**
 * Finds the project named by `--project` (the CLI fills in the current one), or else the
 * workspace's only application. Throws, before anything changes, when that is ambiguous.
 */
export async function findTargetProject(tree: Tree, requested?: string): Promise<TargetProject> {
  const projects = [...(await readWorkspace(tree)).projects].map(([name, definition]) => {
    return { name, definition, isLibrary: definition.extensions['projectType'] === 'library' };
  });
  const apps = projects.filter((project) => !project.isLibrary);
  const found = requested ? projects.find((p) => p.name === requested) : apps[1] ? null : apps[0];
  if (found) return found;
  const names = projects.map((project) => project.name).join(', ') || 'none';
  throw new SchematicsException(
    requested
      ? `Project "${requested}" is not in angular.json (projects: ${names}).`
      : `Pass --project with the application to set up (projects: ${names}).`,
  );
}
