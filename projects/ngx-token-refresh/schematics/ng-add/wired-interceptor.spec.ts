import { UnitTestTree } from '@angular-devkit/schematics/testing';
import { APP_CONFIG, writeAppConfig } from '../testing/app-config';
import { createApp, runNgAdd, snapshot } from '../testing/app-tree';

const IMPORTS =
  "import { provideHttpClient, withInterceptors } from '@angular/common/http';\n" +
  "import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';\n";
const TOKEN_REFRESH = "    provideTokenRefresh({ refreshUrl: '/token' }),";

describe('ng add in an app whose interceptor is wired in a way of its own', () => {
  const shapes: [string, (app: UnitTestTree) => void][] = [
    [
      'an HttpClient provided by a helper of the app',
      (app) =>
        writeAppConfig(
          app,
          `${IMPORTS}import { provideApi } from './api';\n`,
          `    provideApi([tokenRefreshInterceptor]),\n${TOKEN_REFRESH}`,
        ),
    ],
    [
      'a provideHttpClient(...) called in a helper of the file',
      (app) =>
        writeAppConfig(
          app,
          `${IMPORTS}\nconst provideApi = () => provideHttpClient(withInterceptors([tokenRefreshInterceptor]));\n`,
          `    provideApi(),\n${TOKEN_REFRESH}`,
        ),
    ],
    [
      'a withInterceptors(...) given an array held in a variable',
      (app) =>
        writeAppConfig(
          app,
          `${IMPORTS}\nconst interceptors = [tokenRefreshInterceptor];\n`,
          `    provideHttpClient(withInterceptors(interceptors)),\n${TOKEN_REFRESH}`,
        ),
    ],
    [
      'a withInterceptors([...]) feature held in a variable',
      (app) =>
        writeAppConfig(
          app,
          `${IMPORTS}\nconst auth = withInterceptors([tokenRefreshInterceptor]);\n`,
          `    provideHttpClient(auth),\n${TOKEN_REFRESH}`,
        ),
    ],
  ];
  for (const [name, change] of shapes) {
    it(`leaves ${name} as it is, already set up`, async () => {
      const app = await createApp();
      change(app);

      const { tree, infos, warnings } = await runNgAdd(app);

      const { '/package.json': _, ...was } = snapshot(app);
      const { '/package.json': __, ...is } = snapshot(tree);
      expect(is).toEqual(was);
      expect(warnings).toEqual([]);
      expect(infos).toContain(`ngx-token-refresh: ${APP_CONFIG.slice(1)} is already set up.`);
    });
  }
});
