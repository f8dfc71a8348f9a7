import { until } from '../spec/spec-helpers';
import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
import { TabChannel, TabMessage } from './tab-channel';

describe('TabChannel', () => {
  let key: string;
  let opened: TabChannel[];
  let gates: Gate[];

  beforeEach(() => {
    key = uniqueKey();
    opened = [];
    gates = [];
  });
  afterEach(() => {
    gates.forEach((gate) => gate.release());
    opened.forEach((channel) => channel.close());
    localStorage.removeItem(markerKey(key));
    localStorage.removeItem(`${markerKey(key)}:session`);
  });

  /** Opens a channel (of this spec's key unless told) that `afterEach` closes. */
  function open(channelKey = key): TabChannel {
    const channel = TabChannel.open(channelKey);
    if (!channel) throw new Error('this browser should have BroadcastChannel and Web Locks');
    opened.push(channel);
    return channel;
  }

  /** A promise the spec settles by hand; `afterEach` settles any it left open. */
  function gate(): Gate {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    const made = { promise, release };
    gates.push(made);
    return made;
  }

  describe('open()', () => {
    it('open() is null without BroadcastChannel', () => {
      const global = globalThis as { BroadcastChannel?: unknown };
      const original = global.BroadcastChannel;
      global.BroadcastChannel = undefined;
      try {
        expect(TabChannel.open(key)).toBeNull();
      } finally {
        global.BroadcastChannel = original;
      }
    });

    it('open() is null without Web Locks', () => {
      const locks = spyOnProperty(navigator, 'locks').and.returnValue(
        undefined as unknown as LockManager,
      );
      expect(TabChannel.open(key)).toBeNull();
      locks.and.returnValue({} as LockManager);
      expect(TabChannel.open(key)).withContext('a LockManager without request()').toBeNull();
    });

    it('open() is null when reading navigator.locks throws', () => {
      spyOnProperty(navigator, 'locks').and.throwError(new DOMException('denied', 'SecurityError'));
      expect(TabChannel.open(key)).toBeNull();
    });

    it('open() is null when opening the BroadcastChannel throws', () => {
      const constructor = spyOn(globalThis, 'BroadcastChannel').and.throwError(
        new DOMException('denied', 'SecurityError'),
      );
      expect(TabChannel.open(key)).toBeNull();
      expect(constructor).toHaveBeenCalled();
    });
  });

  describe('post() and listen()', () => {
    it('listen() receives what another channel of the same key posts, in order', async () => {
      const a = open();
      const b = open();
      const atB = listenTo(b);
      a.post(TOKENS);
      a.post({ type: 'logout', revision: 4 });
      await until(() => atB.length === 2, 'B to receive both messages');
      expect(atB).toEqual([TOKENS, { type: 'logout', revision: 4 }]);
    });

    it('listen() hears neither its own posts nor those of another key', async () => {
      const a = open();
      const b = open();
      const elsewhere = open(uniqueKey());
      const atA = listenTo(a);
      const atB = listenTo(b);
      const atElsewhere = listenTo(elsewhere);
      a.post({ type: 'hello' });
      await until(() => atB.length === 1, 'B to receive the hello');
      await delay(30);
      expect(atA).toEqual([]);
      expect(atElsewhere).toEqual([]);
    });

    it('close() stops listening, and post() on a closed channel does nothing', async () => {
      const a = open();
      const b = open();
      const c = open();
      const atB = listenTo(b);
      const atC = listenTo(c);
      b.close();
      a.post({ type: 'none', revision: 1 });
      await until(() => atC.length === 1, 'C to receive the message');
      await delay(30);
      expect(atB).toEqual([]);
      a.close();
      expect(() => a.post({ type: 'hello' })).not.toThrow();
    });
  });

  describe('othersOpen()', () => {
    it('othersOpen() is false for the only channel of its key', async () => {
      const a = open();
      open(uniqueKey());
      expect(await a.othersOpen()).toBeFalse();
    });

    it('othersOpen() is true while another channel of the key is open, false once it closes', async () => {
      const a = open();
      const b = open();
      expect(await a.othersOpen()).toBeTrue();
      expect(await b.othersOpen()).toBeTrue();
      b.close();
      await eventually(async () => !(await a.othersOpen()), 'the closed channel to let go');
      expect(await a.othersOpen()).toBeFalse();
    });

    it('othersOpen() assumes company when the locks cannot be queried', async () => {
      const a = open();
      spyOn(navigator.locks, 'query').and.rejectWith(new DOMException('denied', 'SecurityError'));
      expect(await a.othersOpen()).toBeTrue();
    });
  });

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

  describe('readRevision(), writeRevision() and sessionAnnounced()', () => {
    it('readRevision() is 0 before any channel of the key wrote one', () => {
      expect(open().readRevision()).toBe(0);
    });

    it('readRevision() reads what any channel of the key wrote, and only of that key', () => {
      const a = open();
      const b = open();
      const elsewhere = open(uniqueKey());
      a.writeRevision(7, true);
      expect(b.readRevision()).toBe(7);
      expect(a.readRevision()).toBe(7);
      expect(elsewhere.readRevision()).toBe(0);
      b.writeRevision(8, true);
      expect(a.readRevision()).toBe(8);
    });

    it('readRevision() is 0 for a marker that is not a positive number', () => {
      const a = open();
      for (const garbage of ['abc', '{"revision":3}', 'NaN', 'Infinity', '1e400', '-3']) {
        localStorage.setItem(markerKey(key), garbage);
        expect(a.readRevision()).withContext(garbage).toBe(0);
      }
    });

    it('sessionAnnounced() tells whether the newest revision written was a session, for every channel of the key', () => {
      const a = open();
      const b = open();
      expect(b.sessionAnnounced()).withContext('nothing written').toBeFalse();
      a.writeRevision(1, true);
      expect(b.sessionAnnounced()).withContext('a session').toBeTrue();
      a.writeRevision(2, false);
      expect(b.sessionAnnounced()).withContext('a logout').toBeFalse();
      a.writeRevision(3, true);
      b.forgetSessionMark();
      expect(a.sessionAnnounced()).withContext('forgotten').toBeFalse();
      expect(a.readRevision()).toBe(3);
    });

    it('sessionAnnounced() is true where localStorage cannot be read (wait and see)', () => {
      const a = open();
      spyOn(Storage.prototype, 'getItem').and.throwError(
        new DOMException('denied', 'SecurityError'),
      );
      expect(a.sessionAnnounced()).toBeTrue();
    });

    it('readRevision() is 0 and writeRevision() does nothing where localStorage throws', () => {
      const a = open();
      a.writeRevision(5, true);
      spyOn(Storage.prototype, 'getItem').and.throwError(
        new DOMException('denied', 'SecurityError'),
      );
      spyOn(Storage.prototype, 'setItem').and.throwError(
        new DOMException('full', 'QuotaExceededError'),
      );
      expect(a.readRevision()).toBe(0);
      expect(() => a.writeRevision(6, true)).not.toThrow();
    });
  });
});

interface Gate {
  readonly promise: Promise<void>;
  release(): void;
}

const TOKENS: TabMessage = {
  type: 'tokens',
  revision: 3,
  tokens: { accessToken: 'A1', refreshToken: 'R1', expiresAt: 1_900_000_000_000 },
};

function uniqueKey(): string {
  return `spec-${Math.random().toString(36).slice(2)}`;
}

/** Where the channels of `key` keep their revision marker (shared by every tab of the origin). */
function markerKey(key: string): string {
  return `ngx-token-refresh:${key}`;
}

function listenTo(channel: TabChannel): TabMessage[] {
  const received: TabMessage[] = [];
  channel.listen((message) => received.push(message));
  return received;
}

function neverAborted(): AbortSignal {
  return new AbortController().signal;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (2 s at most) until the async `condition` holds; fails the spec if it never does. */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await condition())) {
    if (Date.now() > deadline) return fail(`timed out waiting for ${what}`);
    await delay(5);
  }
}
