import { UnitTestTree } from '@angular-devkit/schematics/testing';
import { APP_CONFIG, writeAppConfig } from '../testing/app-config';
import { createApp, runNgAdd, snapshot } from '../testing/app-tree';

const MAIN = '/projects/app/src/main.ts';
const HTTP = "import { provideHttpClient, withInterceptors } from '@angular/common/http';\n";

describe('ng add with code it cannot edit safely', () => {
  it('changes no source file and prints the exact lines to add', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      `${HTTP}\nconst interceptors = [];\n`,
      '    provideHttpClient(withInterceptors(interceptors)),',
    );

    const { tree, warnings } = await runNgAdd(app);

    expectOnlyPackageJsonChanged(app, tree);
    expect(warnings).toEqual([
      `ngx-token-refresh: projects/app/src/app/app.config.ts was left unchanged: its withInterceptors(...) is not a single call with an array literal.
Add these imports and root providers to it yourself:

  import { provideHttpClient, withInterceptors } from '@angular/common/http';
  import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' }),

If it calls provideHttpClient(...) already, give that call the interceptor instead: last
in its withInterceptors([...]), or in a new withInterceptors([tokenRefreshInterceptor]).`,
    ]);
  });

  const shapes: [string, (app: UnitTestTree) => void, string][] = [
    [
      'an NgModule app importing HttpClientModule',
      (app) => {
        const path = '/projects/app/src/app/app-module.ts';
        const text = app
          .readText(path)
          .replace('BrowserModule,', 'BrowserModule,\n    HttpClientModule,');
        app.overwrite(path, `import { HttpClientModule } from '@angular/common/http';\n${text}`);
      },
      'app-module.ts was left unchanged: it uses HttpClientModule; replace it with provideHttpClient(...) first.',
    ],
    [
      'providers held in a variable',
      (app) =>
        app.overwrite(
          APP_CONFIG,
          'const providers = [];\nexport const appConfig = { providers };\n',
        ),
      'app.config.ts was left unchanged: the providers of appConfig are not an array literal.',
    ],
    [
      'providers that spread another array',
      (app) => writeAppConfig(app, '\nconst shared = [];\n', '    ...shared,'),
      'app.config.ts was left unchanged: its providers spread other arrays, which may already provide HttpClient.',
    ],
    [
      'provideHttpClient called outside the providers array',
      (app) =>
        writeAppConfig(app, `${HTTP}\nconst http = () => provideHttpClient();\n`, '    http(),'),
      'app.config.ts was left unchanged: its provideHttpClient(...) is not a root provider.',
    ],
    [
      'provideHttpClient called twice',
      (app) => writeAppConfig(app, HTTP, '    provideHttpClient(),\n    provideHttpClient(),'),
      'app.config.ts was left unchanged: it calls provideHttpClient(...) more than once.',
    ],
    [
      'a config built by mergeApplicationConfig',
      (app) =>
        app.overwrite(
          APP_CONFIG,
          "import { mergeApplicationConfig } from '@angular/core';\nexport const appConfig = mergeApplicationConfig({ providers: [] });\n",
        ),
      'main.ts was left unchanged: appConfig is not a plain object literal.',
    ],
    [
      'provideHttpClient given spread features',
      (app) =>
        writeAppConfig(
          app,
          `${HTTP}\nconst features = [];\n`,
          '    provideHttpClient(...features),',
        ),
      'app.config.ts was left unchanged: provideHttpClient(...) has spread arguments.',
    ],
    [
      'an NgModule imported from a package',
      (app) => {
        const text = app.readText(MAIN).replace("'./app/app-module'", "'shared-app'");
        app.overwrite(MAIN, text);
      },
      'main.ts was left unchanged: the root NgModule is not imported from a relative file.',
    ],
    [
      'NgModule metadata held in a variable',
      (app) => {
        const path = '/projects/app/src/app/app-module.ts';
        const text = app.readText(path).replace('@NgModule({', 'const metadata = {');
        app.overwrite(
          path,
          text.replace('})\nexport class', '};\n@NgModule(metadata)\nexport class'),
        );
      },
      'app-module.ts was left unchanged: no @NgModule({...}) with an object literal.',
    ],
    [
      'a missing main file',
      (app) => app.delete(MAIN),
      'main.ts was left unchanged: the main file is missing.',
    ],
    [
      'a main file that bootstraps nothing',
      (app) => app.overwrite(MAIN, "console.log('hello');\n"),
      'main.ts was left unchanged: it calls neither bootstrapApplication(...) nor bootstrapModule(...).',
    ],
    [
      'provideHttpClient given two withInterceptors(...)',
      (app) =>
        writeAppConfig(
          app,
          `${HTTP}\nconst a = (req: any, next: any) => next(req);\n`,
          '    provideHttpClient(withInterceptors([a]), withInterceptors([a])),',
        ),
      'app.config.ts was left unchanged: its withInterceptors(...) is not a single call with an array literal.',
    ],
    [
      'a config built by a call in main.ts',
      (app) => {
        const text = app
          .readText(MAIN)
          .replace('(App, appConfig)', '(App, mergeApplicationConfig(appConfig, {}))');
        app.overwrite(MAIN, `import { mergeApplicationConfig } from '@angular/core';\n${text}`);
      },
      'main.ts was left unchanged: the bootstrapApplication config is not a plain object literal.',
    ],
    [
      'a config that spreads another config',
      (app) =>
        app.overwrite(
          APP_CONFIG,
          'const base = { providers: [] };\nexport const appConfig = { ...base };\n',
        ),
      'app.config.ts was left unchanged: the providers of appConfig are not an array literal.',
    ],
    [
      'NgModule providers held in a variable',
      (app) => {
        const path = '/projects/app/src/app/app-module.ts';
        const text = app
          .readText(path)
          .replace(/providers: \[[^\]]*\]/, 'providers')
          .replace(
            '@NgModule(',
            'const providers = [provideBrowserGlobalErrorListeners()];\n\n@NgModule(',
          );
        app.overwrite(path, text);
      },
      'app-module.ts was left unchanged: the providers of the root NgModule are not an array literal.',
    ],
  ];
  for (const [name, change, message] of shapes) {
    it(`leaves ${name} alone and says why`, async () => {
      const app = await createApp({ standalone: !name.includes('NgModule') });
      change(app);

      const { tree, warnings } = await runNgAdd(app);

      expectOnlyPackageJsonChanged(app, tree);
      expect(warnings.length).toBe(1);
      expect(warnings[0]).toContain(message);
      expect(warnings[0]).toContain('provideTokenRefresh({ refreshUrl:');
    });
  }

  it('still adds @auth0/angular-jwt and schedules npm install', async () => {
    const app = await createApp();
    writeAppConfig(app, '\nconst shared = [];\n', '    ...shared,');

    const { tree, tasks, infos } = await runNgAdd(app);

    expect(JSON.parse(tree.readText('/package.json')).dependencies['@auth0/angular-jwt']).toBe(
      '^5.2.0',
    );
    expect(tasks).toEqual(['node-package']);
    expect(infos).toEqual(['ngx-token-refresh: adding @auth0/angular-jwt@^5.2.0 to dependencies.']);
  });

  it('prints only the interceptor lines when provideTokenRefresh is there already', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideTokenRefresh } from 'ngx-token-refresh';\n\nconst shared = [];\n",
      "    ...shared,\n    provideTokenRefresh({ refreshUrl: '/token' }),",
    );

    const { tree, warnings } = await runNgAdd(app);

    expectOnlyPackageJsonChanged(app, tree);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain(
      "  import { tokenRefreshInterceptor } from 'ngx-token-refresh';\n\n" +
        '  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),\n\n',
    );
  });
});

function expectOnlyPackageJsonChanged(before: UnitTestTree, after: UnitTestTree): void {
  const { '/package.json': _, ...was } = snapshot(before);
  const { '/package.json': __, ...is } = snapshot(after);
  expect(is).toEqual(was);
}
