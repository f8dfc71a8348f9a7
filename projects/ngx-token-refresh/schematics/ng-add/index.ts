import { Rule, chain, noop } from '@angular-devkit/schematics';
import { addRootProvider } from '@schematics/angular/utility';
import { getMainFilePath } from '@schematics/angular/utility/standalone/util';
import { mentions } from './ast';
import { finishRootProviders, planHttpClient } from './http-client-plan';
import { manualSetupMessage } from './manual-setup';
import { addPeerDependency } from './peer-dependency';
import { findRootProviders } from './root-providers';
import { NgAddOptions } from './schema';
import { rendersOnServer, serverRenderingNote } from './server-rendering';
import { findTargetProject, isLibrary } from './target-project';
import { unknownBuilder } from './unknown-builder';

/**
 * `ng add ngx-token-refresh`: adds what is missing of `provideTokenRefresh(...)`, the interceptor,
 * `withFetch()` (server rendering) and `@auth0/angular-jwt`, or prints the lines it cannot add.
 */
export function ngAdd({ project: requested, refreshUrl, loginUrl, storage }: NgAddOptions): Rule {
  return async (tree, { logger }) => {
    const [project, definition] = await findTargetProject(tree, requested);
    if (isLibrary(definition)) {
      logger.warn(`ngx-token-refresh: skipped library "${project}"; rerun with --project <app>.`);
      return noop();
    }
    const main: string | undefined = await getMainFilePath(tree, project);
    const ssr = rendersOnServer(definition);
    const done = chain([
      addPeerDependency('@auth0/angular-jwt'),
      ssr ? (_, context) => context.logger.info(serverRenderingNote(loginUrl)) : noop(),
    ]);
    const args = `{ refreshUrl: ${quote(refreshUrl)}, loginUrl: ${quote(loginUrl)}, storage: ${quote(storage)} }`;
    const root = main ? findRootProviders(tree, main) : unknownBuilder(definition);
    const addTokenRefresh = 'problem' in root || !mentions(root.source, 'provideTokenRefresh');
    const http = 'problem' in root ? root : planHttpClient(root, ssr);
    if ('problem' in http) {
      logger.warn(manualSetupMessage(http, addTokenRefresh ? args : null, ssr));
      return done;
    }
    if (!addTokenRefresh && !http.add && !http.changes.length) {
      logger.info(`ngx-token-refresh: ${root.filePath} is already set up.`);
      return done;
    }
    // Casts: @schematics/angular may bring its own devkit, whose Rule is the same plain function.
    const provide = (name: string, from: string, args = '') =>
      addRootProvider(project, ({ code, external }) => code`${external(name, from)}(${args})`);
    return chain([
      http.add ? (provide('provideHttpClient', '@angular/common/http') as unknown as Rule) : noop(),
      addTokenRefresh
        ? (provide('provideTokenRefresh', 'ngx-token-refresh', args) as unknown as Rule)
        : noop(),
      finishRootProviders(main, ssr),
      (_, context) => context.logger.info(`ngx-token-refresh: set up ${root.filePath}.`),
      done,
    ]);
  };
}

/** A single-quoted TypeScript string literal for any text. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
