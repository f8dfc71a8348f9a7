import { UnitTestTree } from '@angular-devkit/schematics/testing';
import { APP_CONFIG, writeAppConfig } from '../testing/app-config';
import { createApp, runNgAdd, snapshot } from '../testing/app-tree';
import { typeCheck } from '../testing/type-check';

const NOTE =
  'ngx-token-refresh: the server cannot see the tokens, so routes guarded by sessionGuard redirect to /login there: render them with RenderMode.Client in app.routes.server.ts.';
/** The browser side: the server files need @angular/ssr, which this workspace lacks. */
const BROWSER = ['src/main.ts'];
const HYDRATION = 'provideClientHydration(withEventReplay())';

describe('ng add in an app that renders on the server', () => {
  it('adds provideHttpClient(withFetch(), ...) and keeps the hydration provider', async () => {
    const app = await createApp({ ssr: true });
    const serverConfig = app.readText('/projects/app/src/app/app.config.server.ts');

    const { tree, infos, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';

import { routes } from './app.routes';
import { provideClientHydration, withEventReplay } from '@angular/platform-browser';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes), ${HYDRATION},
    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),
    provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' })
  ]
};
`);
    expect(tree.readText('/projects/app/src/app/app.config.server.ts')).toBe(serverConfig);
    expect(warnings).toEqual([]);
    expect(infos).toContain('ngx-token-refresh: set up projects/app/src/app/app.config.ts.');
    expect(infos[infos.length - 1]).toBe(NOTE);
    expect(typeCheck(tree, 'app', BROWSER)).toEqual([]);
  });

  it('names the chosen loginUrl in the note', async () => {
    const { infos } = await runNgAdd(await createApp({ ssr: true }), { loginUrl: '/sign-in' });

    expect(infos).toContain(NOTE.replace('/login', '/sign-in'));
  });

  it('adds withFetch() to an existing provideHttpClient() without features', async () => {
    const app = await createApp({ ssr: true });
    writeAppConfig(
      app,
      "import { provideHttpClient } from '@angular/common/http';\n",
      '    provideHttpClient(),',
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      "import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';\n",
    );
    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
    expect(typeCheck(tree, 'app', BROWSER)).toEqual([]);
  });

  it('adds withFetch() next to an existing withInterceptors([...])', async () => {
    const app = await createApp({ ssr: true });
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        '\nconst logInterceptor: HttpInterceptorFn = (req, next) => next(req);\n',
      '    provideHttpClient(withInterceptors([logInterceptor])),',
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withInterceptors([logInterceptor, tokenRefreshInterceptor]), withFetch()),\n',
    );
    expect(typeCheck(tree, 'app', BROWSER)).toEqual([]);
  });

  it('does not add withFetch() a second time', async () => {
    const app = await createApp({ ssr: true });
    writeAppConfig(
      app,
      "import { provideHttpClient, withFetch } from '@angular/common/http';\n",
      '    provideHttpClient(withFetch()),',
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      "import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';\n",
    );
    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
  });

  it('adds only withFetch() where the interceptor is wired already', async () => {
    const app = await createApp({ ssr: true });
    writeAppConfig(
      app,
      "import { provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        "import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';\n",
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),\n' +
        "    provideTokenRefresh({ refreshUrl: '/token' }),",
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      "import { provideHttpClient, withInterceptors, withFetch } from '@angular/common/http';\n",
    );
    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptor]), withFetch()),\n',
    );
    expect(typeCheck(tree, 'app', BROWSER)).toEqual([]);
  });

  it('prints withFetch() in the lines to add for a shape it cannot edit', async () => {
    const app = await createApp({ ssr: true });
    writeAppConfig(app, '\nconst shared = [];\n', '    ...shared,');

    const { warnings } = await runNgAdd(app);

    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain(
      "  import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';\n",
    );
    expect(warnings[0]).toContain(
      '  provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
  });

  it('changes nothing when run a second time', async () => {
    const first = await runNgAdd(await createApp({ ssr: true }));

    const second = await runNgAdd(first.tree);

    expect(snapshot(second.tree)).toEqual(snapshot(first.tree));
    expect(second.tasks).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(second.infos).toEqual([
      'ngx-token-refresh: projects/app/src/app/app.config.ts is already set up.',
      NOTE,
    ]);
  });

  it('adds withFetch() to an NgModule app and keeps its hydration provider', async () => {
    const { tree, infos } = await runNgAdd(await createApp({ standalone: false, ssr: true }));

    const text = tree.readText('/projects/app/src/app/app-module.ts');
    expect(text).toContain(
      `    provideBrowserGlobalErrorListeners(),
    ${HYDRATION},
    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),
    provideTokenRefresh(`,
    );
    expect(infos[infos.length - 1]).toBe(NOTE);
  });

  it('adds withFetch() and the note in an app with a server target', async () => {
    const app = await createApp();
    editBuild(app, (build, targets) => {
      build['builder'] = '@angular-devkit/build-angular:browser';
      build['options'].main = build['options'].browser;
      delete build['options'].browser;
      targets['server'] = {
        builder: '@angular-devkit/build-angular:server',
        options: { main: 'projects/app/src/main.server.ts' },
      };
    });

    const { tree, infos } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
    expect(infos[infos.length - 1]).toBe(NOTE);
  });

  it('adds withFetch() and the note in an app that only prerenders', async () => {
    const app = await createApp({ ssr: true });
    editBuild(app, (build) => {
      delete build['options'].ssr;
      build['options'].outputMode = 'static';
    });

    const { tree, infos } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
    expect(infos[infos.length - 1]).toBe(NOTE);
  });

  // `"server": false` is the application builder's "no server entry point".
  it('treats "server": false as an app without server rendering', async () => {
    const app = await createApp();
    editBuild(app, (build) => {
      build['options'].server = false;
    });

    const { tree, infos } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),\n',
    );
    expect(infos).not.toContain(NOTE);
  });

  // A builder that wraps Angular's, such as @angular-builders/custom-esbuild:application, renders
  // on the server with its `server` entry too: the lines ng add prints for it (it cannot edit such
  // an app: see standalone.spec.ts) need withFetch() (NG02801 on the server), and it gets the note.
  it('prints withFetch() and the note for an app built by a custom application builder', async () => {
    const app = await createApp({ ssr: true });
    editBuild(app, (build) => {
      build['builder'] = '@angular-builders/custom-esbuild:application';
    });

    const { warnings, infos } = await runNgAdd(app);

    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain(
      '  provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n',
    );
    expect(infos[infos.length - 1]).toBe(NOTE);
  });
});

type Json = Record<string, any>;

/** Edits the `build` target of project `app` (and its other targets) in angular.json. */
function editBuild(tree: UnitTestTree, edit: (build: Json, targets: Json) => void): void {
  const workspace = JSON.parse(tree.readText('/angular.json'));
  const targets = workspace.projects.app.architect;
  edit(targets.build, targets);
  tree.overwrite('/angular.json', JSON.stringify(workspace, null, 2));
}
