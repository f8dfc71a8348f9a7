import { Rule, SchematicContext, Tree, chain, noop } from '@angular-devkit/schematics';
import { applyChangesToFile } from '@schematics/angular/utility/standalone/util';
import { CodeBlockCallback, addRootProvider } from './angular-utility';
import { mentions } from './ast';
import { HttpFeature, featureCode, planHttpClient } from './http-client-plan';
import { manualSetupMessage } from './manual-setup';
import { addPeerDependency } from './peer-dependency';
import { tokenRefreshOptionsCode } from './provider-code';
import { findRootProviders } from './root-providers';
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
 * only what is missing, with `addRootProvider`) or, for a shape it cannot edit safely, changes no
 * source file and prints the lines to add. The peer dependency is added either way.
 */
export function setUpApplication(tree: Tree, context: SchematicContext, app: Application): Rule {
  const options = tokenRefreshOptionsCode(app.options);
  const root = findRootProviders(tree, app.mainFile);
  const needsTokenRefresh = 'problem' in root || !mentions(root.source, 'provideTokenRefresh');
  const http = 'problem' in root ? root : planHttpClient(root, app.rendersOnServer);
  if ('problem' in http) {
    const tokenRefreshCall = needsTokenRefresh ? `provideTokenRefresh(${options})` : null;
    context.logger.warn(
      manualSetupMessage({ ...http, tokenRefreshCall, fetch: app.rendersOnServer }),
    );
    return addPeerDependency(PEER);
  }
  const { filePath } = root;
  if (!needsTokenRefresh && !http.add && !http.changes.length) {
    context.logger.info(`${LIBRARY}: ${filePath} is already set up.`);
    return addPeerDependency(PEER);
  }
  applyChangesToFile(tree, filePath, http.changes);
  return chain([
    http.add ? addRootProvider(app.project, httpClientProvider(http.add)) : noop(),
    needsTokenRefresh
      ? addRootProvider(
          app.project,
          ({ code, external }) => code`${external('provideTokenRefresh', LIBRARY)}(${options})`,
        )
      : noop(),
    putOnOwnLines(app.mainFile, ['provideHttpClient', 'provideTokenRefresh']),
    (_, ctx) => ctx.logger.info(`${LIBRARY}: set up ${filePath}.`),
    addPeerDependency(PEER),
  ]);
}

/** `provideHttpClient(...)` with `features` (`withInterceptors` gets the interceptor). */
function httpClientProvider(features: readonly HttpFeature[]): CodeBlockCallback {
  return ({ code, external }) => {
    const provide = external('provideHttpClient', HTTP);
    const interceptor = external('tokenRefreshInterceptor', LIBRARY);
    const args = features.map((f) => featureCode(f, external(f, HTTP), interceptor));
    return code`${provide}(${args.join(', ')})`;
  };
}
