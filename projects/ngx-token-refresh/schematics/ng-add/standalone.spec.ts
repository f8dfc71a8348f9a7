import { createApp, runNgAdd } from '../testing/app-tree';
import { typeCheck } from '../testing/type-check';

const CONFIG = '/projects/app/src/app/app.config.ts';

describe('ng add in a standalone app', () => {
  it('adds provideHttpClient with the interceptor and provideTokenRefresh to app.config.ts', async () => {
    const app = await createApp();
    const main = app.readText('/projects/app/src/main.ts');

    const { tree, infos, warnings } = await runNgAdd(app);

    expect(tree.readText(CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';

import { routes } from './app.routes';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes),
    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
    provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' })
  ]
};
`);
    expect(tree.readText('/projects/app/src/main.ts')).toBe(main);
    expect(warnings).toEqual([]);
    expect(infos).toContain('ngx-token-refresh: set up projects/app/src/app/app.config.ts.');
    expect(typeCheck(tree)).toEqual([]);
  });

  it('writes the chosen options into provideTokenRefresh, quoted safely', async () => {
    const { tree } = await runNgAdd(await createApp(), {
      refreshUrl: "https://auth.example.com/o'auth/refresh",
      loginUrl: '/sign-in',
      storage: 'session',
    });

    expect(tree.readText(CONFIG)).toContain(
      "    provideTokenRefresh({ refreshUrl: 'https://auth.example.com/o\\'auth/refresh', loginUrl: '/sign-in', storage: 'session' })\n",
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('writes backslashes and double quotes in the options as the same text', async () => {
    const { tree } = await runNgAdd(await createApp(), {
      refreshUrl: '/api/auth\\refresh',
      loginUrl: '/login?next="home"',
    });

    expect(tree.readText(CONFIG)).toContain(
      "    provideTokenRefresh({ refreshUrl: '/api/auth\\\\refresh', loginUrl: '/login?next=\"home\"', storage: 'memory' })\n",
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds provideTokenRefresh when app.config.ts only imports it', async () => {
    const app = await createApp();
    app.overwrite(
      CONFIG,
      `import { provideTokenRefresh } from 'ngx-token-refresh';\n${app.readText(CONFIG)}`,
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(CONFIG)).toContain(
      "    provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' })\n",
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds @auth0/angular-jwt to the dependencies and schedules npm install', async () => {
    const { tree, tasks, infos } = await runNgAdd(await createApp());

    const manifest = JSON.parse(tree.readText('/package.json'));
    expect(manifest.dependencies['@auth0/angular-jwt']).toBe('^5.2.0');
    expect(tasks).toEqual(['node-package']);
    expect(infos).toContain('ngx-token-refresh: adding @auth0/angular-jwt@^5.2.0 to dependencies.');
  });

  it('leaves @auth0/angular-jwt alone when the workspace lists it already', async () => {
    const app = await createApp();
    const manifest = JSON.parse(app.readText('/package.json'));
    manifest.devDependencies['@auth0/angular-jwt'] = '5.2.0';
    app.overwrite('/package.json', JSON.stringify(manifest, null, 2));

    const { tree, tasks } = await runNgAdd(app);

    expect(tree.readText('/package.json')).toBe(app.readText('/package.json'));
    expect(tasks).toEqual([]);
  });

  it('gives bootstrapApplication a config when main.ts passes none', async () => {
    const app = await createApp();
    app.overwrite(
      '/projects/app/src/main.ts',
      `import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';

bootstrapApplication(App).catch((err) => console.error(err));
`,
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText('/projects/app/src/main.ts'))
      .toBe(`import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

bootstrapApplication(App, {
  providers: [provideHttpClient(withInterceptors([tokenRefreshInterceptor])), provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' })]
}).catch((err) => console.error(err));
`);
    expect(typeCheck(tree)).toEqual([]);
  });

  // With a builder other than the CLI's, such as @angular-builders/custom-esbuild:application
  // (whose entry is `browser` too), @schematics/angular's getMainFilePath and addRootProvider find
  // no main file: ng add changes no source file, and names the one to edit by hand and why.
  it('names the main file it leaves alone in an app built by a custom builder', async () => {
    const app = await createApp();
    const workspace = JSON.parse(app.readText('/angular.json'));
    workspace.projects.app.architect.build.builder = '@angular-builders/custom-esbuild:application';
    app.overwrite('/angular.json', JSON.stringify(workspace, null, 2));
    const [main, config] = ['/projects/app/src/main.ts', '/projects/app/src/app/app.config.ts'];
    const before = [app.readText(main), app.readText(config)];

    const { tree, warnings } = await runNgAdd(app);

    expect([tree.readText(main), tree.readText(config)]).toEqual(before);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain(
      'ngx-token-refresh: projects/app/src/main.ts was left unchanged: it is built by ' +
        "@angular-builders/custom-esbuild:application, whose main file Angular's schematics cannot find.",
    );
    expect(warnings[0]).not.toContain('undefined');
  });
});
