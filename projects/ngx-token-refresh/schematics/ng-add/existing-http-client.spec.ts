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
});
