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
export async function findTargetProject(
  tree: Tree,
  requested: string | undefined,
): Promise<TargetProject> {
  const workspace = await readWorkspace(tree);
  const projects = [...workspace.projects.entries()];
  const pick = requested
    ? projects.find(([name]) => name === requested)
    : onlyOne(projects.filter(([, project]) => !isLibrary(project)));
  if (!pick) {
    const names = projects.map(([name]) => name).join(', ') || 'none';
    throw new SchematicsException(
      requested
        ? `Project "${requested}" is not in angular.json (projects: ${names}).`
        : `Pass --project with the application to set up (projects: ${names}).`,
    );
  }
  const [name, definition] = pick;
  return { name, definition, isLibrary: isLibrary(definition) };
}

function isLibrary(project: ProjectDefinition): boolean {
  return project.extensions['projectType'] === 'library';
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
