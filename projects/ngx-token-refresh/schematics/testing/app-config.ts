import { UnitTestTree } from '@angular-devkit/schematics/testing';

/** The app config of the generated standalone app `app`. */
export const APP_CONFIG = '/projects/app/src/app/app.config.ts';

/** Replaces the generated app.config.ts with `providers` (and the imports they need). */
export function writeAppConfig(tree: UnitTestTree, imports: string, providers: string): void {
  tree.overwrite(
    APP_CONFIG,
    `import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
${imports}
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
${providers}
  ],
};
`,
  );
}
