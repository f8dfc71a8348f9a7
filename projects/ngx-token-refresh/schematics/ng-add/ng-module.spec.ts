import { createApp, runNgAdd } from '../testing/app-tree';
import { typeCheck } from '../testing/type-check';

describe('ng add in an NgModule app', () => {
  it("adds both providers to the root module's providers", async () => {
    const { tree, warnings } = await runNgAdd(await createApp({ standalone: false }));

    expect(tree.readText('/projects/app/src/app/app-module.ts'))
      .toBe(`import { NgModule, provideBrowserGlobalErrorListeners } from '@angular/core';
import { BrowserModule } from '@angular/platform-browser';

import { AppRoutingModule } from './app-routing-module';
import { App } from './app';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

@NgModule({
  declarations: [
    App
  ],
  imports: [
    BrowserModule,
    AppRoutingModule
  ],
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
    provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' }),
  ],
  bootstrap: [App]
})
export class AppModule { }
`);
    expect(warnings).toEqual([]);
    expect(typeCheck(tree)).toEqual([]);
  });

  it('adds withInterceptors to a provideHttpClient(...) in the module', async () => {
    const app = await createApp({ standalone: false });
    const path = '/projects/app/src/app/app-module.ts';
    app.overwrite(
      path,
      app
        .readText(path)
        .replace(
          'provideBrowserGlobalErrorListeners(),',
          'provideBrowserGlobalErrorListeners(),\n    provideHttpClient(withFetch()),',
        )
        .replace(
          "import { App } from './app';",
          "import { App } from './app';\nimport { provideHttpClient, withFetch } from '@angular/common/http';",
        ),
    );

    const { tree } = await runNgAdd(app);

    const text = tree.readText(path);
    expect(text).toContain(
      "import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';\n",
    );
    expect(text).toContain(
      '    provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor])),\n' +
        "    provideTokenRefresh({ refreshUrl: '/api/auth/refresh', loginUrl: '/login', storage: 'memory' }),\n",
    );
    expect(typeCheck(tree)).toEqual([]);
  });
});
