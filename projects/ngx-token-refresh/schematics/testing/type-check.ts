import { UnitTestTree } from '@angular-devkit/schematics/testing';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './repo';

const OUT = join(REPO_ROOT, 'tmp', 'ng-add-spec');
const LIBRARY = join(REPO_ROOT, 'dist', 'ngx-token-refresh');
/** Declaration files of node_modules and dist parsed once, shared by every check. */
const sharedFiles = new Map<string, ts.SourceFile | undefined>();
let runs = 0;

/**
 * Writes the tree to tmp/ng-add-spec/ and type-checks the project with its own
 * tsconfig.app.json (modules from the workspace's node_modules, `ngx-token-refresh` mapped to
 * dist). Returns the diagnostics as text, one per entry: `[]` when the app compiles. `roots`
 * (paths in the project) limits the check to those files and what they import: the browser
 * entry `src/main.ts` of an SSR app, whose server files need `@angular/ssr`, which this
 * workspace does not install.
 */
export function typeCheck(
  tree: UnitTestTree,
  project = 'app',
  roots?: readonly string[],
): string[] {
  const dir = join(OUT, `run-${process.pid}-${++runs}`);
  rmSync(dir, { recursive: true, force: true });
  for (const path of tree.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), tree.read(path) ?? '');
  }
  const paths = { 'ngx-token-refresh': [LIBRARY], 'ngx-token-refresh/*': [`${LIBRARY}/*`] };
  const configPath = join(dir, 'projects', project, 'tsconfig.app.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { paths, noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) return [`cannot read ${configPath}`];
  const rootNames = roots?.map((root) => join(dir, 'projects', project, root)) ?? config.fileNames;
  const program = ts.createProgram(rootNames, config.options, cachingHost(config.options));
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  if (!diagnostics.length) rmSync(dir, { recursive: true, force: true }); // kept to debug
  return diagnostics.map((d) => ts.formatDiagnostic(d, formatHost(dir)).trim());
}

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, ...rest) => {
    const shared = fileName.includes('/node_modules/') || fileName.startsWith(LIBRARY);
    if (!shared) return getSourceFile(fileName, ...rest);
    if (!sharedFiles.has(fileName)) sharedFiles.set(fileName, getSourceFile(fileName, ...rest));
    return sharedFiles.get(fileName);
  };
  return host;
}

function formatHost(dir: string): ts.FormatDiagnosticsHost {
  return {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => dir,
    getNewLine: () => '\n',
  };
}
