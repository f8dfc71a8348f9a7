import { uniqueKey, until } from '../spec/spec-helpers';
import { delay, neverAborted } from '../spec/tab-channels';
import { RefreshLock } from './refresh-lock';
import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';

describe('RefreshLock', () => {
  let name: string;
  let closers: AbortController[];

  beforeEach(() => {
    name = uniqueKey('spec-lock');
    closers = [];
  });
  afterEach(() => closers.forEach((closer) => closer.abort()));

  /** A tab's lock; `ask` is what it posts to the other tabs while it waits. */
  function tab(ask: () => void = () => undefined): {
    lock: RefreshLock;
    close: () => void;
  } {
    const closer = new AbortController();
    closers.push(closer);
    return {
      lock: new RefreshLock(navigator.locks, name, ask, closer.signal),
      close: () => closer.abort(),
    };
  }

  async function isHeld(): Promise<boolean> {
    const { held = [] } = await navigator.locks.query();
    return held.some((lock) => lock.name === name);
  }

  it('run() keeps the lock after its work, and runs the next work without a lock request', async () => {
    const { lock } = tab();
    await expectAsync(lock.run(1000, neverAborted(), async () => 'one')).toBeResolvedTo('one');
    expect(await isHeld()).toBeTrue();
    const request = spyOn(navigator.locks, 'request').and.callThrough();
    await expectAsync(lock.run(1000, neverAborted(), async () => 'two')).toBeResolvedTo('two');
    expect(request).not.toHaveBeenCalled();
  });

  it('run() asks the tab that keeps the lock to let go, which it does once its work is done', async () => {
    const a = tab();
    let finish!: () => void;
    const first = a.lock.run(5000, neverAborted(), () => new Promise<void>((r) => (finish = r)));
    await until(() => finish !== undefined);
    const b = tab(() => a.lock.asked());
    const bWork = jasmine.createSpy('work').and.resolveTo('b');
    const second = b.lock.run(5000, neverAborted(), bWork);
    await delay(50);
    expect(bWork).withContext('while the first work runs').not.toHaveBeenCalled();
    finish();
    await first;
    await expectAsync(second).toBeResolvedTo('b');
  });

  it('run() keeps asking while it waits, so an ask the holder missed is not lost', async () => {
    const a = tab();
    await a.lock.run(1000, neverAborted(), async () => undefined);
    let asks = 0;
    const b = tab(() => {
      asks++;
      if (asks === 3) a.lock.asked(); // the first two asks went nowhere
    });
    await expectAsync(b.lock.run(5000, neverAborted(), async () => 'b')).toBeResolvedTo('b');
    // The grant may come after one more ask on a busy machine; once it came, the asking stops.
    expect(asks).toBeGreaterThanOrEqual(3);
    const asked = asks;
    await delay(250);
    expect(asks).withContext('asks after the grant').toBe(asked);
  });

  it('lets go right after its work when another tab asked while it waited for the lock', async () => {
    const { lock } = tab();
    lock.asked(); // a third tab's ask, heard before this one got the lock
    await lock.run(1000, neverAborted(), async () => undefined);
    await until(async () => !(await isHeld()));
  });

  it('lets go of the lock when the page is hidden', async () => {
    const { lock } = tab();
    await lock.run(1000, neverAborted(), async () => undefined);
    spyOnProperty(document, 'visibilityState').and.returnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(async () => !(await isHeld()));
  });

  it('lets go of the lock when it closes', async () => {
    const { lock, close } = tab();
    await lock.run(1000, neverAborted(), async () => undefined);
    close();
    await until(async () => !(await isHeld()));
  });

  /** Runs `spec` with tab `b` (asking through `ask`) behind the lock `a` keeps, on a fake clock. */
  async function behindAnotherTab(
    spec: (tabs: {
      a: ReturnType<typeof tab>;
      b: ReturnType<typeof tab>;
      ask: jasmine.Spy;
      clock: jasmine.Clock;
    }) => Promise<void>,
  ): Promise<void> {
    const a = tab();
    await a.lock.run(1000, neverAborted(), async () => undefined);
    const ask = jasmine.createSpy('ask');
    const b = tab(ask);
    const clock = jasmine.clock();
    clock.install();
    try {
      await spec({ a, b, ask, clock });
    } finally {
      clock.uninstall();
    }
  }

  it('run() asks the tab that keeps the lock at once, then every 100 ms while it waits', async () => {
    await behindAnotherTab(async ({ a, b, ask, clock }) => {
      const second = b.lock.run(5000, neverAborted(), async () => 'b');
      expect(ask).withContext('before any time passed').toHaveBeenCalledTimes(1);
      clock.tick(99);
      expect(ask).withContext('after 99 ms').toHaveBeenCalledTimes(1);
      clock.tick(1);
      expect(ask).withContext('after 100 ms').toHaveBeenCalledTimes(2);
      clock.tick(100);
      expect(ask).withContext('after 200 ms').toHaveBeenCalledTimes(3);
      a.lock.asked();
      await expectAsync(second).toBeResolvedTo('b');
    });
  });

  it('run() stops asking once its wait for the lock timed out', async () => {
    // The asks go nowhere: the holder keeps the lock.
    await behindAnotherTab(async ({ b, ask, clock }) => {
      const waiting = b.lock.run(150, neverAborted(), async () => 'b');
      clock.tick(150);
      await expectAsync(waiting).toBeRejectedWithError(RefreshLockTimeoutError);
      const asked = ask.calls.count();
      clock.tick(1000);
      expect(ask.calls.count()).withContext('asks after the timeout').toBe(asked);
    });
  });

  it('run() stops asking once its caller gave up waiting for the lock', async () => {
    await behindAnotherTab(async ({ b, ask, clock }) => {
      const cancel = new AbortController();
      const waiting = b.lock.run(5000, cancel.signal, async () => 'b');
      clock.tick(150);
      const reason = new Error('flight abandoned');
      cancel.abort(reason);
      await expectAsync(waiting).toBeRejectedWith(reason);
      const asked = ask.calls.count();
      clock.tick(1000);
      expect(ask.calls.count()).withContext('asks after giving up').toBe(asked);
    });
  });

  it('run() where the document refuses Web Locks runs the work and leaves no asking behind', async () => {
    spyOn(navigator.locks, 'request').and.throwError(new DOMException('denied', 'SecurityError'));
    const ask = jasmine.createSpy('ask');
    const { lock } = tab(ask);
    const clock = jasmine.clock();
    clock.install();
    try {
      await expectAsync(lock.run(5000, neverAborted(), async () => 'ran')).toBeResolvedTo('ran');
      const asked = ask.calls.count();
      clock.tick(1000);
      expect(ask.calls.count()).withContext('asks after the work').toBe(asked);
    } finally {
      clock.uninstall();
    }
  });

  it('run() where the document refuses Web Locks passes on the failure of its work', async () => {
    spyOn(navigator.locks, 'request').and.throwError(new DOMException('denied', 'SecurityError'));
    const { lock } = tab();
    const failure = new Error('refresh failed');
    await expectAsync(
      lock.run(1000, neverAborted(), () => Promise.reject(failure)),
    ).toBeRejectedWith(failure);
  });

  it('waits for the lock again after it let go of it to another tab', async () => {
    let b: { lock: RefreshLock } | undefined;
    const a = tab(() => b?.lock.asked());
    await a.lock.run(1000, neverAborted(), async () => undefined);
    b = tab(() => a.lock.asked());
    let finish!: () => void;
    const second = b.lock.run(5000, neverAborted(), () => new Promise<void>((r) => (finish = r)));
    await until(() => finish !== undefined, 'the other tab to get the lock');
    const aWork = jasmine.createSpy('work').and.resolveTo('a again');
    const third = a.lock.run(5000, neverAborted(), aWork);
    expect(aWork).withContext('while the other tab holds the lock').not.toHaveBeenCalled();
    finish();
    await second;
    await expectAsync(third).toBeResolvedTo('a again');
  });

  it('keeps the lock once more after it let go when asked, so the next work needs no lock request', async () => {
    const { lock } = tab();
    await lock.run(1000, neverAborted(), async () => undefined);
    lock.asked(); // another tab's ask: it lets go at once
    await until(async () => !(await isHeld()), 'the lock to be let go');
    await lock.run(1000, neverAborted(), async () => undefined); // nobody asks this time
    const request = spyOn(navigator.locks, 'request').and.callThrough();
    await expectAsync(lock.run(1000, neverAborted(), async () => 'kept')).toBeResolvedTo('kept');
    expect(request).not.toHaveBeenCalled();
  });
});
