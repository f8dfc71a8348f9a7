import { Rule, SchematicsException, chain, noop } from '@angular-devkit/schematics';
import { getMainFilePath } from '@schematics/angular/utility/standalone/util';
import { NgAddOptions } from './schema';
import { rendersOnServer, serverRenderingNote } from './server-rendering';
import { setUpApplication } from './set-up-application';
import { findTargetProject } from './target-project';

/**
 * `ng add ngx-token-refresh`: puts `provideTokenRefresh({...})` into the application's root
 * providers and `tokenRefreshInterceptor` into its HttpClient, and adds the peer dependency
 * `@auth0/angular-jwt`. It edits only what is missing, so a second run changes nothing; where
 * the code has an unusual shape it changes no source file and prints the lines to add. An app
 * that renders on the server also gets `withFetch()` and a hint about `sessionGuard` routes.
 */
export function ngAdd(options: NgAddOptions): Rule {
  return async (tree, context) => {
    for (const key of ['refreshUrl', 'loginUrl'] as const) {
      if (!options[key]?.trim()) throw new SchematicsException(`--${key} must not be empty.`);
    }
    const target = await findTargetProject(tree, options.project);
    if (target.isLibrary) {
      context.logger.warn(
        `ngx-token-refresh: "${target.name}" is a library, so nothing was set up. Run ng add ` +
          'in the application that uses it, or add provideTokenRefresh(...) to that app yourself.',
      );
      return noop();
    }
    const mainFile = await getMainFilePath(tree, target.name);
    if (!mainFile) {
      throw new SchematicsException(
        `Project "${target.name}" has no build target with a main file.`,
      );
    }
    const app = {
      project: target.name,
      mainFile,
      options,
      rendersOnServer: rendersOnServer(target.definition),
    };
    const setUp = setUpApplication(tree, context, app);
    if (!app.rendersOnServer) return setUp;
    return chain([setUp, (_, ctx) => ctx.logger.info(serverRenderingNote(options.loginUrl))]);
  };
}
