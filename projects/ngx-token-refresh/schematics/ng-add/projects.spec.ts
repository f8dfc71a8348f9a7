import { createRunner, createWorkspace, runNgAdd, snapshot } from '../testing/app-tree';

describe('ng add and the projects of the workspace', () => {
  it('warns and changes nothing in a library project', async () => {
    const workspace = await createWorkspace();
    const tree = await createRunner().runExternalSchematic(
      '@schematics/angular',
      'library',
      { name: 'lib' },
      workspace,
    );

    const result = await runNgAdd(tree, { project: 'lib' });

    expect(snapshot(result.tree)).toEqual(snapshot(tree));
    expect(result.warnings).toEqual([
      'ngx-token-refresh: skipped library "lib"; rerun with --project <app>.',
    ]);
    expect(result.tasks).toEqual([]);
  });

  it('asks for --project when the workspace has several applications', async () => {
    const tree = await createWorkspace({ name: 'shop' }, { name: 'admin' });

    await expectAsync(runNgAdd(tree)).toBeRejectedWithError(
      'Pass --project with the application to set up (projects: shop, admin).',
    );
  });

  it('sets up only the application named by --project', async () => {
    const tree = await createWorkspace({ name: 'shop' }, { name: 'admin' });

    const result = await runNgAdd(tree, { project: 'admin' });

    expect(result.tree.readText('/projects/admin/src/app/app.config.ts')).toContain(
      'provideTokenRefresh(',
    );
    expect(result.tree.readText('/projects/shop/src/app/app.config.ts')).toBe(
      tree.readText('/projects/shop/src/app/app.config.ts'),
    );
  });

  it('rejects an unknown project and a blank refreshUrl before changing anything', async () => {
    const tree = await createWorkspace({ name: 'shop' });

    await expectAsync(runNgAdd(tree, { project: 'nope' })).toBeRejectedWithError(
      'Project "nope" is not in angular.json (projects: shop).',
    );
    await expectAsync(runNgAdd(tree, { refreshUrl: ' ' })).toBeRejectedWithError(
      'Schematic input does not validate against the Schema: {"refreshUrl":" "}\nErrors:\n\n' +
        '  Data path "/refreshUrl" must match pattern "\\S".',
    );
  });

  it('sets up the only application of a workspace that also has a library', async () => {
    const workspace = await createWorkspace({ name: 'shop' });
    const tree = await createRunner().runExternalSchematic(
      '@schematics/angular',
      'library',
      { name: 'lib' },
      workspace,
    );

    const result = await runNgAdd(tree);

    expect(result.tree.readText('/projects/shop/src/app/app.config.ts')).toContain(
      'provideTokenRefresh(',
    );
    expect(result.warnings).toEqual([]);
  });

  it('names every project, libraries too, when it cannot tell which to set up', async () => {
    const apps = await createWorkspace({ name: 'shop' }, { name: 'admin' });
    const tree = await createRunner().runExternalSchematic(
      '@schematics/angular',
      'library',
      { name: 'lib' },
      apps,
    );

    await expectAsync(runNgAdd(tree)).toBeRejectedWithError(
      'Pass --project with the application to set up (projects: shop, admin, lib).',
    );
    await expectAsync(runNgAdd(await createWorkspace())).toBeRejectedWithError(
      'Pass --project with the application to set up (projects: none).',
    );
  });

  it('rejects a blank loginUrl and an unknown storage before changing anything', async () => {
    const tree = await createWorkspace({ name: 'shop' });

    await expectAsync(runNgAdd(tree, { loginUrl: '' })).toBeRejectedWithError(
      'Schematic input does not validate against the Schema: {"loginUrl":""}\nErrors:\n\n' +
        '  Data path "/loginUrl" must match pattern "\\S".',
    );
    await expectAsync(runNgAdd(tree, { storage: 'cookie' })).toBeRejectedWithError(
      'Schematic input does not validate against the Schema: {"storage":"cookie"}\nErrors:\n\n' +
        '  Data path "/storage" must be equal to one of the allowed values. Allowed values are: "memory", "session", "local".',
    );
  });
});
