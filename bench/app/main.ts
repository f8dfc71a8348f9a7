import { HttpBackend } from '@angular/common/http';
import { createApplication } from '@angular/platform-browser';
import { createBenchApi } from './bench-api';
import { createInProcess } from './in-process/in-process';
import { runStartup, startupProviders } from './startup';
import { VARIANTS } from './variants/registry';

/**
 * The runtime bench app: `?variant=<id>` picks the option under test, `?backend=sync|async`
 * replaces the network with the in-process server, `?start` navigates to a guarded route and
 * sends an anonymous request as soon as the app exists (`startup.ts`, result in
 * `window.startup`). It renders nothing; playwright drives `window.bench`.
 */
const params = new URLSearchParams(location.search);
const id = params.get('variant') ?? 'bare';
const variant = VARIANTS[id];
const mode = params.get('backend');
const inProcess = mode === 'sync' || mode === 'async' ? createInProcess(mode) : null;
const start = params.has('start');
const fail = (error: unknown) => ((window as { benchError?: string }).benchError = String(error));

if (!variant) {
  (window as { benchError?: string }).benchError = `unknown variant "${id}"`;
} else {
  const backend = inProcess ? [{ provide: HttpBackend, useValue: inProcess.backend }] : [];
  const startup = start ? startupProviders(id) : [];
  createApplication({ providers: [...variant.providers, ...backend, ...startup] }).then((app) => {
    if (start) {
      runStartup(app.injector).then(
        (result) => ((window as { startup?: unknown }).startup = result),
        fail,
      );
    }
    const client = variant.client(app.injector, inProcess?.adapter ?? null);
    (window as { bench?: unknown }).bench = createBenchApi(
      variant,
      app.injector,
      client,
      inProcess,
    );
  }, fail);
}
