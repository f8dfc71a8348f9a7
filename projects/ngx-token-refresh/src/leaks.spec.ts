import { TabChannel } from './tab-channel';
import { HttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LeakProbes, forcedGc, installLeakProbes, usedHeap } from '../spec/leak-probes';
import {
  Outcome,
  REFRESH_URL,
  createJwt,
  record,
  setup,
  unauthorized,
  uniqueKey,
} from '../spec/spec-helpers';
import { TokenService } from './public-api';

const CYCLES = 10_000;
const WARM_UP = 1_000;
const TIMEOUT_MS = 5_000;

/**
 * Drives refresh cycles in single-tab mode on jasmine's mock clock: each cycle has requests
 * that get a 401, a request and a `refresh()` caller that wait and leave, a request that leaves
 * before its answer, and one of four endings (rotation, no rotation, 503, timeout). Every 3rd
 * cycle starts with the token close to (or past) its expiry, so the refresh is proactive; every
 * 50th cycle ends with clear() during the refresh, every 97th with a definitive 401; both log in
 * again.
 */
class Cycles {
  hanging = 0;
  private readonly _http = TestBed.inject(HttpClient);
  private readonly _backend = TestBed.inject(HttpTestingController);
  private readonly _tokens = TestBed.inject(TokenService);

  constructor(private readonly _clock: jasmine.Clock) {
    this._login();
  }

  run(count: number): void {
    for (let i = 0; i < count; i++) this._cycle(i);
  }

  private _cycle(i: number): void {
    if (i % 3 === 0) this._clock.tick(45_000); // within the 30 s leeway of a 60 s token
    const waiting: Outcome<unknown>[] = [
      record(this._http.get('/api/a')),
      record(this._http.post('/api/b', { i })),
    ];
    record(this._http.get('/api/leaves')).subscription.unsubscribe();
    let refresh = this._takeRefresh();
    if (!refresh) {
      for (const url of ['/api/a', '/api/b']) unauthorized(this._backend.expectOne(url));
      refresh = this._takeRefresh();
    }
    record(this._http.get('/api/late')).subscription.unsubscribe();
    record(this._tokens.refresh()).subscription.unsubscribe();
    if (refresh) this._end(i, refresh);
    for (let round = 0; round < 3; round++) {
      for (const request of this._backend.match(() => true)) {
        if (!request.cancelled) request.flush('ok');
      }
    }
    this.hanging += waiting.filter((o) => !o.completed && o.error === undefined).length;
    if (this._tokens.status() !== 'authenticated') this._login();
  }

  private _takeRefresh(): TestRequest | undefined {
    return this._backend.match(REFRESH_URL).find((request) => !request.cancelled);
  }

  private _end(i: number, refresh: TestRequest): void {
    if (i % 50 === 49) this._tokens.clear();
    else if (i % 97 === 96) unauthorized(refresh);
    else if (i % 4 === 0) refresh.flush({ accessToken: this._jwt(), refreshToken: `R${i}` });
    else if (i % 4 === 1) refresh.flush({ accessToken: this._jwt() });
    else if (i % 4 === 2) refresh.flush('down', { status: 503, statusText: 'Down' });
    else this._clock.tick(TIMEOUT_MS);
  }

  private _login(): void {
    this._tokens.setTokens({ accessToken: this._jwt(), refreshToken: 'R0' });
  }

  private _jwt(): string {
    const now = Math.floor(Date.now() / 1000);
    return createJwt({ iat: now, exp: now + 60 });
  }
}

describe('no leaks over 10,000 refresh cycles (single tab)', () => {
  let clock: jasmine.Clock;
  let probes: LeakProbes | null;

  beforeEach(() => {
    clock = jasmine.clock();
    clock.install();
    clock.mockDate(new Date(Date.UTC(2030, 0, 1)));
    probes = null;
  });
  afterEach(() => {
    probes?.restore();
    clock.uninstall();
  });

  it('keeps live subscriptions, timers and listeners at their warm-up level', () => {
    probes = installLeakProbes();
    setup({ refreshTimeoutMs: TIMEOUT_MS, leewaySeconds: 30 });
    const cycles = new Cycles(clock);
    cycles.run(WARM_UP);
    const warm = probes.counts();
    cycles.run(CYCLES);
    const after = probes.counts();
    expect(cycles.hanging).toBe(0);
    expect(probes.created().subscriptions).toBeGreaterThan(CYCLES * 10);
    expect(probes.created().timers).toBeGreaterThan(CYCLES / 2);
    expect(after).toEqual(warm);
    expect(after.timeouts + after.intervals).toBe(0);
    expect(after.listeners).toEqual({});
  });

  it('keeps the heap within 256 KB of its warm-up level', () => {
    const gc = forcedGc();
    if (!gc || usedHeap() === null) {
      pending(
        'needs Chromium launched with --js-flags=--expose-gc and --enable-precise-memory-info ' +
          '(add both to the ChromeHeadlessCI flags in karma.conf.js)',
      );
      return;
    }
    setup({ refreshTimeoutMs: TIMEOUT_MS, leewaySeconds: 30 });
    const cycles = new Cycles(clock);
    cycles.run(WARM_UP);
    gc();
    const warm = usedHeap()!;
    cycles.run(CYCLES);
    gc();
    const after = usedHeap()!;
    expect(cycles.hanging).toBe(0);
    expect(after - warm)
      .withContext(`heap went from ${warm} to ${after} bytes`)
      .toBeLessThan(256 * 1024);
  });
});

describe('no leaks over 1,000 refresh cycles (cross-tab: Web Lock, BroadcastChannel)', () => {
  let storageKey: string;
  let probes: LeakProbes | null;
  beforeEach(() => {
    storageKey = uniqueKey('leaks');
    probes = null;
  });
  afterEach(() => {
    probes?.restore();
    localStorage.removeItem(`ngx-token-refresh:${storageKey}`);
    localStorage.removeItem(`ngx-token-refresh:${storageKey}:session`);
  });

  /** One turn of the event loop, without the 4 ms clamp of nested setTimeout. */
  const turn = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });

  /** Yields until `find` returns a request (the lock is granted asynchronously). */
  async function next(find: () => TestRequest | undefined): Promise<TestRequest> {
    for (let turns = 0; turns < 10_000; turns++) {
      const request = find();
      if (request) return request;
      await turn();
    }
    throw new Error('the request never came');
  }

  /** Another tab of the same key (its channel lives through the spec, opened before the probes). */
  let otherTab: TabChannel | null = null;
  afterEach(() => {
    otherTab?.close();
    otherTab = null;
  });

  /**
   * Makes the other tab take the refresh lock (asking this tab to let go of it, as tabs do) and
   * run a refresh under it until `release()` is called.
   */
  async function holdLock(): Promise<{ release: () => void; released: Promise<unknown> }> {
    otherTab ??= TabChannel.open(storageKey)!;
    let release: (() => void) | null = null;
    const held = new Promise<void>((resolve) => (release = resolve));
    let granted = false;
    const released = otherTab.withLock(5000, new AbortController().signal, () => {
      granted = true;
      return held;
    });
    while (!granted) await turn();
    return { release: release!, released };
  }

  it('keeps subscriptions, timers and abort listeners at their warm-up level', async () => {
    const { http, backend, tokens } = setup({ crossTab: true, storageKey });
    let hanging = 0;
    const cycle = async (i: number) => {
      tokens.setTokens({ accessToken: `T${i}`, refreshToken: `R${i}` });
      const outcome = record(http.get('/api/a'));
      record(http.get('/api/leaves')).subscription.unsubscribe();
      // Every 10th cycle another tab holds the lock and clear() aborts the wait for it.
      const other = i % 10 === 9 ? await holdLock() : null;
      unauthorized(backend.expectOne('/api/a'));
      record(tokens.refresh()).subscription.unsubscribe();
      if (other) {
        await turn();
        tokens.clear();
        other.release();
        await other.released;
      } else {
        const refresh = await next(() => backend.match(REFRESH_URL)[0]);
        refresh.flush({ accessToken: `T${i}b`, refreshToken: `R${i}b` });
        (await next(() => backend.match('/api/a')[0])).flush('ok');
      }
      backend.match(() => true);
      if (!outcome.completed && outcome.error === undefined) hanging++;
    };
    for (let i = 0; i < 100; i++) await cycle(i);
    probes = installLeakProbes();
    for (let i = 0; i < 100; i++) await cycle(i);
    const warm = probes.counts();
    for (let i = 0; i < 1_000; i++) await cycle(i);
    const after = probes.counts();
    expect(hanging).toBe(0);
    // A tab keeps the lock between its own refreshes: only the 110 cycles where the other tab
    // took it make both tabs wait, each wait with an abort listener.
    expect(probes.created().listeners).toBeGreaterThanOrEqual(220);
    expect(after).toEqual(warm);
    expect(after.listeners['AbortSignal'] ?? 0).toBe(0);
  }, 20_000);

  it('cancels the refresh call and releases the lock when clear() or setTokens() abandons it', async () => {
    const { backend, tokens } = setup({ crossTab: true, storageKey });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    tokens.refresh().subscribe({ error: () => undefined });
    const abandoned = await next(() => backend.match(REFRESH_URL)[0]);
    tokens.clear();
    expect(abandoned.cancelled).toBeTrue();
    tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    const outcome = record(tokens.refresh());
    const refresh = await next(() => backend.match(REFRESH_URL)[0]);
    expect(refresh.request.body).toEqual({ refreshToken: 'R2' });
    refresh.flush({ accessToken: 'T3' });
    expect(outcome.values).toEqual(['T3']);
  });
});
