import { uniqueKey, until } from '../spec/spec-helpers';
import { delay, neverAborted } from '../spec/tab-channels';
import { RefreshLock } from './refresh-lock';

describe('RefreshLock', () => {
  let name: string;
  let closers: AbortController[];

  beforeEach(() => {
    name = uniqueKey('spec-lock');
    closers = [];
  });
  afterEach(() => closers.forEach((closer) => closer.abort()));

  /** A tab's lock; `ask` is what it posts to the other tabs while it waits. */
  function tab(ask: () => void = () => undefined): { lock: RefreshLock; close: () => void } {
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
});
