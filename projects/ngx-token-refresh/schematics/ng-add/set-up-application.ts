import { Rule, SchematicContext, Tree, chain, noop } from '@angular-devkit/schematics';
import { CodeBlockCallback, addRootProvider } from './angular-utility';
import { applyHttpClientPlan } from './apply-http-client-plan';
import { mentions } from './ast';
import { findRootProviders } from './root-providers';
import { HttpFeature, planHttpClient } from './http-client-plan';
import { manualSetupMessage } from './manual-setup';
import { addPeerDependency } from './peer-dependency';
import { tokenRefreshOptionsCode } from './provider-code';
import { NgAddOptions } from './schema';
import { putOnOwnLines } from './tidy-providers';

const LIBRARY = 'ngx-token-refresh';
const HTTP = '@angular/common/http';
const PEER = '@auth0/angular-jwt';

/** The application `ng add` sets up. */
export interface Application {
  readonly project: string;
  readonly mainFile: string;
  readonly options: NgAddOptions;
  /** Whether it renders on the server, so its HttpClient should use fetch. */
  readonly rendersOnServer: boolean;
}

/**
 * Decides everything from the current code first, then either edits the root providers (adding
 * only what is missing) or, for a shape it cannot edit safely, changes no source file and prints
 * the lines to add. The peer dependency is added either way.
 */
export function setUpApplication(tree: Tree, context: SchematicContext, app: Application): Rule {
  const tokenRefreshCall = `provideTokenRefresh(${tokenRefreshOptionsCode(app.options)})`;
  const root = findRootProviders(tree, app.mainFile);
  if ('problem' in root) {
    const { filePath, problem: reason } = root;
    context.logger.warn(
      manualSetupMessage({ filePath, reason, tokenRefreshCall, fetch: app.rendersOnServer }),
    );
    return addPeerDependency(PEER);
  }
  const needsTokenRefresh = !mentions(root.source, 'provideTokenRefresh');
  const http = planHttpClient(root, app.rendersOnServer);
  if (http.kind === 'unsafe') {
    context.logger.warn(
      manualSetupMessage({
        filePath: root.filePath,
        reason: http.reason,
        tokenRefreshCall: needsTokenRefresh ? tokenRefreshCall : null,
        fetch: app.rendersOnServer,
      }),
    );
    return addPeerDependency(PEER);
  }
  if (!needsTokenRefresh && http.kind === 'present') {
    context.logger.info(`${LIBRARY}: ${root.filePath} is already set up.`);
    return addPeerDependency(PEER);
  }
  applyHttpClientPlan(tree, root, http);
  return chain([
    http.kind === 'add-provider'
      ? addRootProvider(app.project, httpClientProvider(http.features))
      : noop(),
    needsTokenRefresh
      ? addRootProvider(
          app.project,
          ({ code, external }) =>
            code`${external('provideTokenRefresh', LIBRARY)}(${tokenRefreshOptionsCode(app.options)})`,
        )
      : noop(),
    putOnOwnLines(app.mainFile, ['provideHttpClient', 'provideTokenRefresh']),
    (_, ctx) => ctx.logger.info(`${LIBRARY}: set up ${root.filePath}.`),
    addPeerDependency(PEER),
  ]);
}

/** `provideHttpClient(...)` with `features` (`withInterceptors` gets the interceptor). */
function httpClientProvider(features: readonly HttpFeature[]): CodeBlockCallback {
  return ({ code, external }) => {
    const provide = external('provideHttpClient', HTTP);
    const interceptor = external('tokenRefreshInterceptor', LIBRARY);
    const args = features.map(
      (feature) =>
        `${external(feature, HTTP)}(${feature === 'withInterceptors' ? `[${interceptor}]` : ''})`,
    );
    return code`${provide}(${args.join(', ')})`;
  };
}
