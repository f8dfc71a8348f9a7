import { InProcessBackend } from './in-process-backend';
import { inProcessAdapter } from './in-process-adapter';
import { FakeAuthServer } from './fake-auth-server';
import { AxiosAdapter } from 'axios';

/** The in-process server with the two ways in: Angular's `HttpBackend` and an axios adapter. */
export interface InProcess {
  readonly server: FakeAuthServer;
  readonly backend: InProcessBackend;
  readonly adapter: AxiosAdapter;
}

/**
 * `'sync'`: every request answered 200 at once (steady state). `'async'`: tokens enforced,
 * answers in a microtask (refresh cycles).
 */
export function createInProcess(mode: 'sync' | 'async'): InProcess {
  const server = new FakeAuthServer(mode === 'async');
  return {
    server,
    backend: new InProcessBackend(server, mode === 'async'),
    adapter: inProcessAdapter(server),
  };
}
