import { SchematicsException, Tree } from '@angular-devkit/schematics';
import { ProjectDefinition, readWorkspace } from '@schematics/angular/utility';

/** The project named by `--project`, else the workspace's only application, else it throws. */
export async function findTargetProject(tree: Tree, requested?: string) {
  const projects = [...(await readWorkspace(tree)).projects];
  const apps = projects.filter(([, project]) => !isLibrary(project));
  const only = apps.length === 1 ? apps[0] : undefined;
  const found = requested ? projects.find(([name]) => name === requested) : only;
  if (found) return found;
  const names = projects.map(([name]) => name).join(', ') || 'none';
  throw new SchematicsException(
    requested
      ? `Project "${requested}" is not in angular.json (projects: ${names}).`
      : `Pass --project with the application to set up (projects: ${names}).`,
  );
}

/** Whether the project is a library, which `ng add` leaves alone. */
export function isLibrary(project: ProjectDefinition): boolean {
  return project.extensions['projectType'] === 'library';
}
