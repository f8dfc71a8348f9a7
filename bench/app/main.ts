import { HttpBackend } from '@angular/common/http';
import { createApplication } from '@angular/platform-browser';
import { createBenchApi } from './bench-api';
import { createInProcess } from './in-process/in-process';
import { VARIANTS } from './variants/registry';

/**
 * The runtime bench app: `?variant=<id>` picks the option under test, `?backend=sync|async`
 * replaces the network with the in-process server. It renders nothing; playwright drives
 * `window.bench`.
 */
const params = new URLSearchParams(location.search);
const id = params.get('variant') ?? 'bare';
const variant = VARIANTS[id];
const mode = params.get('backend');
const inProcess = mode === 'sync' || mode === 'async' ? createInProcess(mode) : null;

if (!variant) {
  (window as { benchError?: string }).benchError = `unknown variant "${id}"`;
} else {
  const backend = inProcess ? [{ provide: HttpBackend, useValue: inProcess.backend }] : [];
  createApplication({ providers: [...variant.providers, ...backend] }).then(
    (app) => {
      const client = variant.client(app.injector, inProcess?.adapter ?? null);
      (window as { bench?: unknown }).bench = createBenchApi(
        variant,
        app.injector,
        client,
        inProcess,
      );
    },
    (error: unknown) => {
      (window as { benchError?: string }).benchError = String(error);
    },
  );
}
