import { uniqueKey } from '../spec/spec-helpers';
import { delay, neverAborted, useTabChannels } from '../spec/tab-channels';
import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';

describe('TabChannel', () => {
  const { open, gate } = useTabChannels();

  describe('withLock()', () => {
    it('withLock() runs the work and settles with its result', async () => {
      const a = open();
      await expectAsync(a.withLock(1000, neverAborted(), async () => 'done')).toBeResolvedTo(
        'done',
      );
      const failure = new Error('refresh failed');
      await expectAsync(
        a.withLock(1000, neverAborted(), () => Promise.reject(failure)),
      ).toBeRejectedWith(failure);
    });

    it('withLock() runs one holder at a time across the channels of a key', async () => {
      const a = open();
      const b = open();
      const aHolds = gate();
      const first = a.withLock(5000, neverAborted(), () => aHolds.promise.then(() => 'a'));
      const bWork = jasmine.createSpy('work').and.resolveTo('b');
      const second = b.withLock(5000, neverAborted(), bWork);
      await delay(50);
      expect(bWork).not.toHaveBeenCalled();
      aHolds.release();
      expect(await first).toBe('a');
      expect(await second).toBe('b');
      expect(bWork).toHaveBeenCalledTimes(1);
    });

    it('withLock() releases the lock when the work fails, so the next waiter runs', async () => {
      const a = open();
      const b = open();
      const aHolds = gate();
      const first = a.withLock(5000, neverAborted(), async () => {
        await aHolds.promise;
        throw new Error('refresh failed');
      });
      const second = b.withLock(5000, neverAborted(), async () => 'b');
      aHolds.release();
      await expectAsync(first).toBeRejectedWithError('refresh failed');
      await expectAsync(second).toBeResolvedTo('b');
    });

    it('withLock() does not wait for the lock of another key', async () => {
      const a = open();
      const elsewhere = open(uniqueKey());
      a.withLock(5000, neverAborted(), () => gate().promise);
      await expectAsync(
        elsewhere.withLock(1000, neverAborted(), async () => 'elsewhere'),
      ).toBeResolvedTo('elsewhere');
    });

    it('withLock() rejects with RefreshLockTimeoutError after its timeout and never runs the work', async () => {
      const a = open();
      const b = open();
      const aHolds = gate();
      const first = a.withLock(5000, neverAborted(), () => aHolds.promise);
      const bWork = jasmine.createSpy('work').and.resolveTo('b');
      await expectAsync(b.withLock(50, neverAborted(), bWork)).toBeRejectedWithError(
        RefreshLockTimeoutError,
        /50 ms/,
      );
      aHolds.release();
      await first;
      await delay(30);
      expect(bWork).not.toHaveBeenCalled();
      // The withdrawn request left the lock free.
      await expectAsync(b.withLock(1000, neverAborted(), async () => 'b')).toBeResolvedTo('b');
    });

    it('withLock() bounds only the wait: work that runs past the timeout still settles', async () => {
      const a = open();
      // A free lock comes at once; 1 s leaves room for a busy machine to hand it over.
      const slow = a.withLock(1000, neverAborted(), () => delay(1500).then(() => 'slow'));
      await expectAsync(slow).toBeResolvedTo('slow');
    });

    it('withLock() rejects with the abort reason when its signal aborts while it waits', async () => {
      const a = open();
      const b = open();
      const aHolds = gate();
      a.withLock(5000, neverAborted(), () => aHolds.promise);
      const cancel = new AbortController();
      const bWork = jasmine.createSpy('work').and.resolveTo('b');
      const waiting = b.withLock(5000, cancel.signal, bWork);
      await delay(20);
      const reason = new Error('flight abandoned');
      cancel.abort(reason);
      await expectAsync(waiting).toBeRejectedWith(reason);
      aHolds.release();
      await delay(30);
      expect(bWork).not.toHaveBeenCalled();
    });

    it('withLock() rejects at once, without running the work, when its signal is already aborted', async () => {
      const a = open();
      const cancel = new AbortController();
      const reason = new Error('abandoned before the wait');
      cancel.abort(reason);
      const work = jasmine.createSpy('work').and.resolveTo('ran');
      await expectAsync(a.withLock(1000, cancel.signal, work)).toBeRejectedWith(reason);
      expect(work).not.toHaveBeenCalled();
    });

    it('withLock() runs the work without the lock where the document refuses Web Locks', async () => {
      const a = open();
      spyOn(navigator.locks, 'request').and.throwError(new DOMException('denied', 'SecurityError'));
      await expectAsync(a.withLock(1000, neverAborted(), async () => 'ran')).toBeResolvedTo('ran');
    });
  });
});
