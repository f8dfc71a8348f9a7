import { ProjectDefinition } from '@schematics/angular/utility';

/**
 * Whether the app renders on the server: a `server` target, or a `server` entry of its build (the
 * application builder's, or a custom builder's made on it; `false` means none).
 */
export function rendersOnServer(project: ProjectDefinition): boolean {
  const { targets } = project;
  const server = targets.get('build')?.options?.['server'];
  return targets.has('server') || !!server;
}

/** The hint for what `ng add` cannot set up in such an app: where `sessionGuard` routes render. */
export function serverRenderingNote(loginUrl: string): string {
  return (
    'ngx-token-refresh: the server cannot see the tokens, so routes guarded by sessionGuard ' +
    `redirect to ${loginUrl} there: render them with RenderMode.Client in app.routes.server.ts.`
  );
}
