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
});
