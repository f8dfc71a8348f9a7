import { UnitTestTree } from '@angular-devkit/schematics/testing';
import { writeAppConfig } from '../testing/app-config';
import { createApp, runNgAdd, snapshot } from '../testing/app-tree';

describe('ng add run a second time', () => {
  const cases: [string, () => Promise<UnitTestTree>, string][] = [
    ['a standalone app', () => createApp(), 'projects/app/src/app/app.config.ts'],
    [
      'an NgModule app',
      () => createApp({ standalone: false }),
      'projects/app/src/app/app-module.ts',
    ],
    ['an app with provideHttpClient(withFetch())', withFetch, 'projects/app/src/app/app.config.ts'],
  ];
  for (const [name, create, file] of cases) {
    it(`changes nothing in ${name}`, async () => {
      const first = await runNgAdd(await create());

      const second = await runNgAdd(first.tree);

      expect(snapshot(second.tree)).toEqual(snapshot(first.tree));
      expect(second.tasks).toEqual([]);
      expect(second.warnings).toEqual([]);
      expect(second.infos).toEqual([`ngx-token-refresh: ${file} is already set up.`]);
    });
  }

  it('adds @auth0/angular-jwt again when it is missing from a set-up app', async () => {
    const first = await runNgAdd(await createApp());
    const manifest = JSON.parse(first.tree.readText('/package.json'));
    delete manifest.dependencies['@auth0/angular-jwt'];
    first.tree.overwrite('/package.json', JSON.stringify(manifest, null, 2));

    const second = await runNgAdd(first.tree);

    const { '/package.json': was, ...before } = snapshot(first.tree);
    const { '/package.json': is, ...after } = snapshot(second.tree);
    expect(after).toEqual(before);
    expect(JSON.parse(is!).dependencies['@auth0/angular-jwt']).toBe('^5.2.0');
    expect(second.tasks).toEqual(['node-package']);
    expect(second.infos).toEqual([
      'ngx-token-refresh: projects/app/src/app/app.config.ts is already set up.',
      'ngx-token-refresh: adding @auth0/angular-jwt@^5.2.0 to dependencies.',
    ]);
  });
});

async function withFetch(): Promise<UnitTestTree> {
  const app = await createApp();
  writeAppConfig(
    app,
    "import { provideHttpClient, withFetch } from '@angular/common/http';\n",
    '    provideHttpClient(withFetch()),',
  );
  return app;
}
