import { HttpBackend, HttpClient } from '@angular/common/http';
import { createApplication } from '@angular/platform-browser';
import { TokenService } from 'ngx-token-refresh';
import { RESOURCE_URL } from './api-urls';
import { createInProcess } from './in-process';
import { measureFloor, measureSteady, runBurst, runCycles } from './measures';
import { TokenResponse, TokenStore } from './shared';
import { runStartup, startupProviders } from './startup';
import { VARIANTS } from './variants';

// The runtime bench app: `?variant=<id>` picks the option, `?backend=sync|async` the in-process
// server, `?start` runs the start-up cases (in `window.startup`); playwright drives `window.bench`.
const params = new URLSearchParams(location.search);
const id = params.get('variant') ?? 'bare';
const mode = params.get('backend');
const inProcess = mode === 'sync' || mode === 'async' ? createInProcess(mode) : null;
const page = window as { bench?: unknown; benchError?: string; startup?: unknown };
const fail = (error: unknown) => (page.benchError = String(error));
const [providers, sender, library] = VARIANTS[id] ?? [];
const backend = inProcess ? [{ provide: HttpBackend, useValue: inProcess.backend }] : [];
const startup = params.has('start') ? startupProviders(id) : [];

if (!providers || !sender) fail(`unknown variant "${id}"`);
else {
  createApplication({ providers: [...providers, ...backend, ...startup] }).then(({ injector }) => {
    if (startup.length) runStartup(injector).then((result) => (page.startup = result), fail);
    const send = sender(injector, inProcess?.adapter);
    const server = () => {
      if (!inProcess) throw new Error('this measure needs ?backend=sync or ?backend=async');
      return inProcess.server;
    };
    const setSession = (tokens: TokenResponse) =>
      library ? injector.get(TokenService).setTokens(tokens) : injector.get(TokenStore).set(tokens);
    page.bench = {
      setSession,
      fire: (n: number, idleMs: number) => runBurst(n, (done) => send(RESOURCE_URL, done), idleMs),
      floor: (n: number, refreshToken: string, idleMs: number) =>
        measureFloor(injector.get(HttpClient), n, refreshToken, idleMs),
      login: () => setSession(server().login()),
      steady: (count: number, batch: number) => measureSteady(send, count, batch),
      cycles: (count: number) => runCycles(send, server(), count),
      counters: () => ({ ...server().counters }),
      sessionStatus: () => injector.get(TokenService, null)?.status() ?? null,
    };
  }, fail);
}
