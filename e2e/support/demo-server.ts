// A small client for the demo auth server's counters and test-mode control endpoints, and for
// the header recorder.
import { getJson, postJson } from './start-server.mjs';

/** The counters of GET /api/_stats (numbers, plus the per-token and per-generation maps). */
export type Stats = Record<string, number> & {
  requestsByGeneration: Record<string, number>;
  requestsByToken: Record<string, number>;
};

/** Client for one running auth server (test mode). */
export class DemoServer {
  constructor(readonly url: string) {}

  private api(path: string): string {
    return `${this.url}/api${path}`;
  }

  async stats(): Promise<Stats> {
    const { status, body } = await getJson(this.api('/_stats'));
    if (status !== 200) throw new Error(`GET /api/_stats answered ${status}`);
    return body;
  }

  /** GET /api/_faults, or POST a patch to it; resolves the fault settings. */
  async faults(patch?: Record<string, unknown>): Promise<Record<string, any>> {
    const { status, body } = patch
      ? await postJson(this.api('/_faults'), patch)
      : await getJson(this.api('/_faults'));
    if (status !== 200) throw new Error(`/api/_faults answered ${status}: ${JSON.stringify(body)}`);
    return body;
  }

  /** Polls /api/_stats until `condition(stats)` holds; resolves those stats. */
  async waitForStats(
    condition: (stats: Stats) => boolean,
    { timeoutMs = 15_000, intervalMs = 50 } = {},
  ): Promise<Stats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.stats();
      if (condition(current)) return current;
      if (Date.now() > deadline) {
        throw new Error(`/api/_stats did not reach the condition in ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  async revokeAll(): Promise<unknown> {
    const { status, body } = await postJson(this.api('/_revoke-all'), {});
    if (status !== 200) throw new Error(`POST /api/_revoke-all answered ${status}`);
    return body;
  }

  /** POST /api/_reset: zero counters, no faults (token families are kept). */
  async reset(): Promise<void> {
    const { status } = await postJson(this.api('/_reset'), {});
    if (status !== 200) throw new Error(`POST /api/_reset answered ${status}`);
  }
}

/** Client for the "other origin" header recorder. */
export class Recorder {
  constructor(readonly url: string) {}

  async records(): Promise<{ method: string; path: string; headers: Record<string, string> }[]> {
    const { status, body } = await getJson(`${this.url}/_records`);
    if (status !== 200) throw new Error(`GET /_records answered ${status}`);
    return body;
  }

  async clear(): Promise<void> {
    const response = await fetch(`${this.url}/_records`, { method: 'DELETE' });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`DELETE /_records answered ${response.status}`);
  }
}

/** The numeric counters that changed between two /api/_stats snapshots. */
export function statsDelta(before: Stats, after: Stats): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    if (typeof value === 'number') delta[key] = value - (before[key] as number);
  }
  return delta;
}
