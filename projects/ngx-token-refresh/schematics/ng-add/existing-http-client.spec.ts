import { APP_CONFIG, writeAppConfig } from '../testing/app-config';
import { createApp, runNgAdd } from '../testing/app-tree';
import { typeCheck } from '../testing/type-check';

const TOKEN_REFRESH =
  "provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' })";
const LOG_INTERCEPTOR = `
const logInterceptor: HttpInterceptorFn = (req, next) => next(req);
const retryInterceptor: HttpInterceptorFn = (req, next) => next(req);
`;

describe('ng add in an app that already provides HttpClient', () => {
  it('adds withInterceptors to provideHttpClient(withFetch())', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideHttpClient, withFetch } from '@angular/common/http';\n",
      '    provideHttpClient(withFetch()),',
    );

    const { tree, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),
    ${TOKEN_REFRESH},
  ],
};
`);
    expect(warnings).toEqual([]);
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds withInterceptors to a bare provideHttpClient()', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideHttpClient } from '@angular/common/http';\n",
      '    provideHttpClient(),',
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      `    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),\n    ${TOKEN_REFRESH},\n`,
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('appends the interceptor last to an existing withInterceptors([...])', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        LOG_INTERCEPTOR,
      '    provideHttpClient(withInterceptors([logInterceptor])),',
    );

    const { tree, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
${LOG_INTERCEPTOR}
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([logInterceptor, tokenRefreshInterceptor])),
    ${TOKEN_REFRESH},
  ],
};
`);
    expect(warnings).toEqual([]);
    expect(typeCheck(tree)).toEqual([]);
  });

  it('keeps one interceptor per line in a multi-line list', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        LOG_INTERCEPTOR,
      `    provideHttpClient(
      withInterceptors([
        logInterceptor,
        retryInterceptor,
      ]),
    ),`,
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(`    provideHttpClient(
      withInterceptors([
        logInterceptor,
        retryInterceptor,
        tokenRefreshInterceptor,
      ]),
    ),
    ${TOKEN_REFRESH},
  ],`);
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds only the interceptor when provideTokenRefresh is there already', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideTokenRefresh } from 'ngx-token-refresh';\n",
      "    provideTokenRefresh({ refreshUrl: '/token' }),",
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
import { provideHttpClient, withInterceptors } from '@angular/common/http';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideTokenRefresh({ refreshUrl: '/token' }),
    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  ],
};
`);
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds provideTokenRefresh where the interceptor is wired already', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        "import { tokenRefreshInterceptor } from 'ngx-token-refresh';\n",
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),',
    );

    const { tree, infos, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG))
      .toBe(`import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { tokenRefreshInterceptor, provideTokenRefresh } from 'ngx-token-refresh';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
    ${TOKEN_REFRESH},
  ],
};
`);
    expect(warnings).toEqual([]);
    expect(infos).toContain('ngx-token-refresh: set up projects/app/src/app/app.config.ts.');
    expect(typeCheck(tree)).toEqual([]);
  });

  it('gives its provideHttpClient(...) the interceptor even when the providers spread other arrays', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideHttpClient } from '@angular/common/http';\n\nconst shared = [];\n",
      '    ...shared,\n    provideHttpClient(),',
    );

    const { tree, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    ...shared,\n' +
        '    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),\n' +
        `    ${TOKEN_REFRESH},\n`,
    );
    expect(warnings).toEqual([]);
  });

  it('finds the withInterceptors([...]) that follows other features', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';\n" +
        LOG_INTERCEPTOR,
      '    provideHttpClient(withFetch(), withInterceptors([logInterceptor])),',
    );

    const { tree, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([logInterceptor, tokenRefreshInterceptor])),\n',
    );
    expect(warnings).toEqual([]);
    expect(typeCheck(tree)).toEqual([]);
  });

  it("adds its interceptor after the app's own interceptor of a similar name", async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        '\nconst tokenRefreshInterceptorFn: HttpInterceptorFn = (req, next) => next(req);\n',
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptorFn])),',
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      '    provideHttpClient(withInterceptors([tokenRefreshInterceptorFn, tokenRefreshInterceptor])),\n',
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('keeps the blank lines and comments before the providers it does not add', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { provideHttpClient } from '@angular/common/http';\n" +
        "import { provideRouter } from '@angular/router';\n" +
        "import { provideTokenRefresh } from 'ngx-token-refresh';\n",
      "    provideRouter([]), /* http: */ provideHttpClient(),\n\n    provideTokenRefresh({ refreshUrl: '/token' }),",
    );

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      `  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter([]), /* http: */ provideHttpClient(withInterceptors([tokenRefreshInterceptor])),

    provideTokenRefresh({ refreshUrl: '/token' }),
  ],`,
    );
    expect(typeCheck(tree)).toEqual([]);
  });

  it('keeps the CRLF line endings and one provider and interceptor per line', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
        LOG_INTERCEPTOR,
      '    provideHttpClient(\n      withInterceptors([\n        logInterceptor,\n      ]),\n    ),',
    );
    app.overwrite(APP_CONFIG, app.readText(APP_CONFIG).replace(/\n/g, '\r\n'));

    const { tree } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toContain(
      [
        '  providers: [',
        '    provideBrowserGlobalErrorListeners(),',
        '    provideHttpClient(',
        '      withInterceptors([',
        '        logInterceptor,',
        '        tokenRefreshInterceptor,',
        '      ]),',
        '    ),',
        `    ${TOKEN_REFRESH},`,
        '  ],',
      ].join('\r\n'),
    );
    expect(tree.readText(APP_CONFIG).replace(/\r\n/g, '')).not.toContain('\n');
  });

  // A provideHttpClient(...) called through a namespace import (`http.provideHttpClient()`) is
  // the app's one call: ng add must not add a second beside it, nor a feature it cannot import.
  it('leaves a namespace-imported provideHttpClient(...) alone and prints the lines to add', async () => {
    const app = await createApp();
    writeAppConfig(
      app,
      "import * as http from '@angular/common/http';\n",
      '    http.provideHttpClient(http.withFetch()),',
    );
    const before = app.readText(APP_CONFIG);

    const { tree, warnings } = await runNgAdd(app);

    expect(tree.readText(APP_CONFIG)).toBe(before);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain('it calls provideHttpClient(...) through a namespace import');
    expect(warnings[0]).toContain('withInterceptors([tokenRefreshInterceptor])');
  });
});
