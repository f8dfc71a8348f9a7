import { HttpClient } from '@angular/common/http';
import { Injector } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { RESOURCE_URL } from './api-urls';
import { BenchClient } from './bench-client';
import { runBurst } from './burst';
import { runCycles } from './cycles';
import { measureFloor } from './floor';
import { InProcess } from './in-process/in-process';
import { measurePrimitives } from './primitives';
import { measureSteady } from './steady';
import { SessionTokens, Variant } from './variants/variant';

/**
 * What the page exposes as `window.bench` for playwright. Network measures (`fire`, `floor`)
 * need the page on the real server; `login`, `steady` and `cycles` need `?backend=`.
 */
export function createBenchApi(
  variant: Variant,
  injector: Injector,
  client: BenchClient,
  inProcess: InProcess | null,
) {
  const needInProcess = (): InProcess => {
    if (!inProcess) throw new Error('this measure needs ?backend=sync or ?backend=async');
    return inProcess;
  };
  return {
    ready: true,
    setSession: (tokens: SessionTokens) => variant.setSession(injector, tokens),
    fire: (n: number, idleMs: number) =>
      runBurst(n, (done) => client.send(RESOURCE_URL, done), idleMs),
    floor: (n: number, refreshToken: string, idleMs: number) =>
      measureFloor(injector.get(HttpClient), n, refreshToken, idleMs),
    login: () => variant.setSession(injector, needInProcess().server.login()),
    steady: (count: number, batch: number) => measureSteady(client, count, batch),
    cycles: (count: number) => runCycles(client, needInProcess().server, count),
    counters: () => ({ ...needInProcess().server.counters }),
    primitives: (count: number) => measurePrimitives(count),
    /** The library's session status (`null` for the other options). */
    sessionStatus: () => injector.get(TokenService, null)?.status() ?? null,
  };
}

export type BenchApi = ReturnType<typeof createBenchApi>;
