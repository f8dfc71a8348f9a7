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
});
