import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';
import { COLLECTION } from './repo';

/** A runner for the built ng-add collection (also runs @schematics/angular). */
export function createRunner(): SchematicTestRunner {
  return new SchematicTestRunner('ngx-token-refresh', COLLECTION);
}

/** Options of the generated application. */
export interface AppOptions {
  readonly name?: string;
  readonly standalone?: boolean;
  /** Whether it renders on the server (`ng new --ssr`). */
  readonly ssr?: boolean;
}

/** A new workspace (`ng new --no-create-application`) with applications generated into it. */
export async function createWorkspace(...apps: AppOptions[]): Promise<UnitTestTree> {
  const runner = createRunner();
  let tree = await runner.runExternalSchematic('@schematics/angular', 'workspace', {
    name: 'workspace',
    newProjectRoot: 'projects',
    version: '21.2.0',
  });
  for (const app of apps) {
    tree = await runner.runExternalSchematic(
      '@schematics/angular',
      'application',
      {
        name: app.name ?? 'app',
        standalone: app.standalone ?? true,
        ssr: app.ssr ?? false,
        skipTests: true,
      },
      tree,
    );
  }
  return tree;
}

/** A workspace with one application named `app`. */
export function createApp(options: Omit<AppOptions, 'name'> = {}): Promise<UnitTestTree> {
  return createWorkspace({ ...options, name: 'app' });
}

/** The outcome of one `ng add` run. */
export interface NgAddRun {
  readonly tree: UnitTestTree;
  readonly infos: string[];
  readonly warnings: string[];
  /** The names of the tasks it scheduled (`node-package` is the npm install). */
  readonly tasks: string[];
}

/** Runs the built ng-add schematic on a copy of `tree`, capturing what it logs. */
export async function runNgAdd(tree: UnitTestTree, options: object = {}): Promise<NgAddRun> {
  const runner = createRunner();
  const infos: string[] = [];
  const warnings: string[] = [];
  runner.logger.subscribe((entry) => {
    (entry.level === 'warn' || entry.level === 'error' ? warnings : infos).push(entry.message);
  });
  const result = await runner.runSchematic('ng-add', options, new UnitTestTree(tree.branch()));
  return { tree: result, infos, warnings, tasks: runner.tasks.map((task) => task.name) };
}

/** Every file of the tree with its text, to compare two trees. */
export function snapshot(tree: UnitTestTree): Record<string, string> {
  return Object.fromEntries(tree.files.map((path) => [path, String(tree.read(path))]));
}
