import { Observable, Subject, of, throwError } from 'rxjs';
import { record, until } from '../spec/spec-helpers';
import { delay, neverAborted, useTabChannels } from '../spec/tab-channels';
import { lockedRefresh } from './locked-refresh';
import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
import { SessionExpiredError } from './session-expired-error';
import { TabChannel } from './tab-channel';
import { TokenPair } from './token-pair';

describe('lockedRefresh', () => {
  const tabChannels = useTabChannels();
  const { open, gate } = tabChannels;

  /** Makes `tab` hold the refresh lock until the returned function (or `afterEach`) releases it. */
  function holdLock(tab: TabChannel): () => void {
    const held = gate();
    void tab.withLock(5000, neverAborted(), () => held.promise);
    return held.release;
  }

  it('lockedRefresh() runs the refresh once, under the lock, and emits its tokens', async () => {
    const a = open();
    const b = open();
    const answer = new Subject<TokenPair>();
    const refresh = jasmine.createSpy('refresh').and.returnValue(answer);
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 0, refresh }));
    await until(() => refresh.calls.any(), 'the refresh to start');

    await expectAsync(lockIsFree(b, 50)).withContext('lock while refreshing').toBeResolvedTo(false);
    answer.next(PAIR);
    answer.complete();
    expect(outcome.values).toEqual([PAIR]);
    expect(outcome.completed).toBeTrue();
    await expectAsync(lockIsFree(b, 1000))
      .withContext('lock after the refresh')
      .toBeResolvedTo(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('lockedRefresh() runs a refresh that answers at once in a tab that still keeps the lock', async () => {
    const a = open();
    const first = record(lockedRefresh(a, 5000, { revision: () => 0, refresh: () => of(PAIR) }));
    await until(() => first.completed, 'the first refresh');
    // Nobody asked for the lock: this tab keeps it and runs the next refresh without waiting.
    const second = record(lockedRefresh(a, 5000, { revision: () => 0, refresh: () => of(PAIR) }));
    await until(() => second.completed || second.error !== undefined, 'the second refresh');
    expect(second.error).toBeUndefined();
    expect(second.values).toEqual([PAIR]);
  });

  it('lockedRefresh() passes on the refresh error and releases the lock', async () => {
    const a = open();
    const failure = new Error('network down');
    const outcome = record(
      lockedRefresh(a, 5000, {
        revision: () => 0,
        refresh: () => throwError(() => failure),
      }),
    );
    await until(() => outcome.error !== undefined, 'the error');
    expect(outcome.error).toBe(failure);
    await expectAsync(lockIsFree(open(), 1000)).toBeResolvedTo(true);
  });

  it('lockedRefresh() fails with RefreshLockTimeoutError, without refreshing, when another tab keeps the lock', async () => {
    const a = open();
    const release = holdLock(open());
    const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
    const outcome = record(lockedRefresh(a, 50, { revision: () => 0, refresh }));
    await until(() => outcome.error !== undefined, 'the timeout');
    expect(outcome.error).toBeInstanceOf(RefreshLockTimeoutError);
    release();
    await delay(30);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('lockedRefresh() waits until a tab behind the stored revision has caught up, then refreshes', async () => {
    const a = open();
    a.writeRevision(5, true);
    let revision = 3;
    const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
    const outcome = record(lockedRefresh(a, 5000, { revision: () => revision, refresh }));
    await delay(80);
    expect(refresh).withContext('while behind').not.toHaveBeenCalled();
    revision = 5;
    await until(() => outcome.completed, 'the refresh after catching up');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(outcome.values).toEqual([PAIR]);
  });

  it('lockedRefresh() never refreshes when news settles the flight while the tab catches up', async () => {
    const a = open();
    a.writeRevision(5, true);
    const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 3, refresh }));
    await delay(50);
    outcome.subscription.unsubscribe();
    // The lock comes free long before the catch-up wait would have run out.
    await expectAsync(lockIsFree(open(), 500)).toBeResolvedTo(true);
    expect(refresh).not.toHaveBeenCalled();
    expect(outcome.error).toBeUndefined();
  });

  it('lockedRefresh() refreshes anyway when the news it waits for never comes', async () => {
    const a = open();
    a.writeRevision(5, true);
    const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 3, refresh }));
    // The catch-up wait is 1 s of 10 ms sleeps, which a loaded machine stretches.
    await until(() => outcome.completed, 'the refresh after the catch-up wait', 5000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(outcome.values).toEqual([PAIR]);
  });

  it('lockedRefresh() drops its tokens for a logout another tab announced while it refreshed', async () => {
    const a = open();
    const answer = new Subject<TokenPair>();
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 3, refresh: () => answer }));
    await until(() => answer.observed, 'the refresh to start');
    a.writeRevision(4, false); // another tab's logout, its news still on the way
    answer.next(PAIR);
    await delay(50);
    expect(outcome.values).withContext('while the news is awaited').toEqual([]);
    outcome.subscription.unsubscribe(); // the news came: it settled the flight
    await expectAsync(lockIsFree(open(), 500)).toBeResolvedTo(true);
    expect(outcome.values).toEqual([]);
  });

  it("lockedRefresh() fails as the session's end when that logout's news never comes", async () => {
    const a = open();
    const answer = new Subject<TokenPair>();
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 3, refresh: () => answer }));
    await until(() => answer.observed, 'the refresh to start');
    a.writeRevision(4, false);
    answer.next(PAIR);
    // The wait is 1 s of 10 ms sleeps, which a loaded machine stretches.
    await until(() => outcome.error !== undefined, 'the end after the wait', 5000);
    expect(outcome.values).toEqual([]);
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    await expectAsync(lockIsFree(open(), 1000)).toBeResolvedTo(true);
  });

  it('lockedRefresh() cancels the refresh and releases the lock when the subscriber leaves mid-refresh', async () => {
    const a = open();
    const b = open();
    let cancelled = false;
    const hanging = new Observable<TokenPair>(() => () => (cancelled = true));
    const refresh = jasmine.createSpy('refresh').and.returnValue(hanging);
    const first = record(lockedRefresh(a, 5000, { revision: () => 0, refresh }));
    await until(() => refresh.calls.any(), 'the first refresh to start');
    first.subscription.unsubscribe();
    expect(cancelled).withContext('the refresh call cancelled').toBeTrue();

    const second = record(
      lockedRefresh(b, 2000, {
        revision: () => 0,
        refresh: () => of(NEXT_PAIR),
      }),
    );
    await until(() => second.completed || second.error !== undefined, 'the second refresh');
    expect(second.error).toBeUndefined();
    expect(second.values).toEqual([NEXT_PAIR]);
    expect(first.values).toEqual([]);
  });

  it('lockedRefresh() never refreshes when the subscriber leaves while waiting for the lock', async () => {
    const a = open();
    const release = holdLock(open());
    const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 0, refresh }));
    await delay(20);
    outcome.subscription.unsubscribe();
    release();
    await delay(50);
    expect(refresh).not.toHaveBeenCalled();
    expect(outcome.error).toBeUndefined();
    await expectAsync(lockIsFree(open(), 1000)).toBeResolvedTo(true);
  });

  describe('with a fake clock', () => {
    let clock: jasmine.Clock;
    beforeEach(() => {
      clock = jasmine.clock();
      clock.install();
    });
    afterEach(() => clock.uninstall());

    /** A tab channel whose lock is granted at once, with a revision marker the spec sets. */
    function fakeTabs(marker: { revision: number; session: boolean }): TabChannel {
      const tabs: Pick<TabChannel, 'withLock' | 'readRevision' | 'sessionAnnounced'> = {
        withLock: (_timeoutMs, _signal, work) => work(),
        readRevision: () => marker.revision,
        sessionAnnounced: () => marker.session,
      };
      return tabs as TabChannel;
    }

    /**
     * A refresh sent at revision 3 whose answer comes after another tab announced revision 4
     * (`session`: a sign-in, else a logout), that news still on its way to this tab.
     */
    async function overtakenRefresh({ session }: { session: boolean }) {
      const marker = { revision: 3, session: true };
      const answer = new Subject<TokenPair>();
      const outcome = record(
        lockedRefresh(fakeTabs(marker), 5000, { revision: () => 3, refresh: () => answer }),
      );
      await settle();
      Object.assign(marker, { revision: 4, session });
      answer.next(PAIR);
      return outcome;
    }

    /** Lets the pending promise callbacks run, then advances the clock by `ms`, 1 ms at a time. */
    async function advance(ms: number): Promise<void> {
      for (let i = 0; i < ms; i++) {
        await settle();
        clock.tick(1);
      }
      await settle();
    }

    async function settle(): Promise<void> {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }

    it('lockedRefresh() refreshes at once in a tab that is not behind the stored revision', async () => {
      const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
      const tabs = fakeTabs({ revision: 5, session: true });
      const outcome = record(lockedRefresh(tabs, 5000, { revision: () => 5, refresh }));
      await settle();
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(outcome.values).toEqual([PAIR]);
      expect(outcome.completed).toBeTrue();
    });

    it('lockedRefresh() waits exactly 1 s for news of a revision it is behind, then refreshes', async () => {
      const refresh = jasmine.createSpy('refresh').and.returnValue(of(PAIR));
      const tabs = fakeTabs({ revision: 5, session: true });
      const outcome = record(lockedRefresh(tabs, 5000, { revision: () => 3, refresh }));
      await advance(999);
      expect(refresh).withContext('after 999 ms').not.toHaveBeenCalled();
      await advance(1);
      expect(refresh).withContext('after 1 s').toHaveBeenCalledTimes(1);
      expect(outcome.values).toEqual([PAIR]);
    });

    it('lockedRefresh() waits exactly 1 s for the news of a logout another tab made while it refreshed', async () => {
      const outcome = await overtakenRefresh({ session: false }); // a logout
      await advance(999);
      expect(outcome.error).withContext('after 999 ms').toBeUndefined();
      await advance(1);
      expect(outcome.error).withContext('after 1 s').toBeInstanceOf(SessionExpiredError);
      expect((outcome.error as SessionExpiredError).reason).toBe('logout');
      expect(outcome.values).toEqual([]);
    });

    it('lockedRefresh() waits for the news of a sign-in another tab made while it refreshed, and delivers nothing once that news settles the flight', async () => {
      const outcome = await overtakenRefresh({ session: true }); // a sign-in
      await advance(500);
      expect(outcome.values).withContext('after 500 ms').toEqual([]);
      outcome.subscription.unsubscribe(); // the news came: it settled this tab's flight
      await advance(1000);
      expect(outcome.values).toEqual([]);
      expect(outcome.error).toBeUndefined();
    });

    it('lockedRefresh() delivers its tokens after 1 s when the news of a newer session never comes', async () => {
      const outcome = await overtakenRefresh({ session: true });
      await advance(999);
      expect(outcome.values).withContext('after 999 ms').toEqual([]);
      await advance(1);
      expect(outcome.values).withContext('after 1 s').toEqual([PAIR]);
      expect(outcome.completed).toBeTrue();
    });
  });

  it('lockedRefresh() withdraws its request for the lock when the subscriber leaves while waiting', async () => {
    const a = open();
    holdLock(open());
    const outcome = record(lockedRefresh(a, 5000, { revision: () => 0, refresh: () => of(PAIR) }));
    await until(async () => (await waitingForLock()) > 0, 'the request to queue');
    outcome.subscription.unsubscribe();
    await until(async () => (await waitingForLock()) === 0, 'the request to be withdrawn');
  });

  /** How many requests for the refresh lock of this spec's key wait. */
  async function waitingForLock(): Promise<number> {
    const { pending = [] } = await navigator.locks.query();
    return pending.filter((lock) => lock.name === `ngx-token-refresh:${tabChannels.key}`).length;
  }
});

const PAIR: TokenPair = { accessToken: 'A2', refreshToken: 'R2' };
const NEXT_PAIR: TokenPair = { accessToken: 'A3', refreshToken: 'R3' };

/** Whether `tab` gets the refresh lock within `ms` (it lets go at once). */
function lockIsFree(tab: TabChannel, ms: number): Promise<boolean> {
  return tab
    .withLock(ms, neverAborted(), async () => true)
    .catch((error: unknown) => {
      if (error instanceof RefreshLockTimeoutError) return false;
      throw error;
    });
}
