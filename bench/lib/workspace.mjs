// Writes the throwaway Angular workspace under tmp/bench-apps/: a copy of bench/app/ as src/,
// one generated main file per bundle app, and an angular.json with one project per app. Packages
// resolve from the repository's node_modules (tmp/ is inside it), the library from the run's copy
// of dist/ngx-token-refresh (tsconfig paths, as in the demo app).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_VARIANTS } from './bundle-variants.mjs';
import { snapshotLibrary } from './library-snapshot.mjs';
import { APP_SOURCES, LIBRARY_SNAPSHOT, WORKSPACE } from './paths.mjs';

const production = (browser, outputPath) => ({
  builder: '@angular/build:application',
  options: {
    browser,
    index: 'src/index.html',
    tsConfig: 'tsconfig.app.json',
    outputPath,
    optimization: true,
    outputHashing: 'none',
    sourceMap: false,
    extractLicenses: true,
    namedChunks: false,
    statsJson: true,
  },
});

const project = (browser, outputPath) => ({
  projectType: 'application',
  root: '',
  sourceRoot: 'src',
  architect: { build: production(browser, outputPath) },
});

/** The project name of a bundle app. */
export const bundleProject = (id) => `bundle-${id}`;

export async function writeWorkspace() {
  mkdirSync(WORKSPACE, { recursive: true });
  await snapshotLibrary();
  const src = join(WORKSPACE, 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(APP_SOURCES, src, { recursive: true });
  mkdirSync(join(src, 'bundle-mains'));
  const projects = { runtime: project('src/main.ts', 'dist/runtime') };
  for (const { id, main } of BUNDLE_VARIANTS) {
    writeFileSync(join(src, 'bundle-mains', `${id}.ts`), main);
    projects[bundleProject(id)] = project(`src/bundle-mains/${id}.ts`, `dist/${bundleProject(id)}`);
  }
  writeJson('angular.json', {
    version: 1,
    cli: { analytics: false, packageManager: 'npm', cache: { enabled: true } },
    newProjectRoot: 'projects',
    projects,
  });
  writeJson('package.json', { name: 'bench-apps', private: true });
  writeJson('tsconfig.json', {
    compileOnSave: false,
    compilerOptions: {
      strict: true,
      skipLibCheck: true,
      isolatedModules: true,
      experimentalDecorators: true,
      importHelpers: true,
      target: 'ES2022',
      module: 'preserve',
      paths: {
        'ngx-token-refresh': [LIBRARY_SNAPSHOT],
        'ngx-token-refresh/*': [`${LIBRARY_SNAPSHOT}/*`],
      },
    },
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
  });
  writeJson('tsconfig.app.json', {
    extends: './tsconfig.json',
    compilerOptions: { outDir: './out-tsc/app', types: [] },
    include: ['src/**/*.ts'],
  });
}

function writeJson(file, value) {
  writeFileSync(join(WORKSPACE, file), `${JSON.stringify(value, null, 2)}\n`);
}
