import { uniqueKey, until } from '../spec/spec-helpers';
import { delay, markerKey, useTabChannels } from '../spec/tab-channels';
import { TabChannel, TabMessage } from './tab-channel';

// withLock(): tab-channel-lock.spec.ts.
describe('TabChannel', () => {
  const tabs = useTabChannels();
  const { open } = tabs;

  describe('open()', () => {
    it('open() is null without BroadcastChannel', () => {
      const global = globalThis as { BroadcastChannel?: unknown };
      const original = global.BroadcastChannel;
      global.BroadcastChannel = undefined;
      try {
        expect(TabChannel.open(tabs.key)).toBeNull();
      } finally {
        global.BroadcastChannel = original;
      }
    });

    it('open() is null without Web Locks', () => {
      const locks = spyOnProperty(navigator, 'locks').and.returnValue(
        undefined as unknown as LockManager,
      );
      expect(TabChannel.open(tabs.key)).toBeNull();
      locks.and.returnValue({} as LockManager);
      expect(TabChannel.open(tabs.key)).withContext('a LockManager without request()').toBeNull();
    });

    it('open() is null when reading navigator.locks throws', () => {
      spyOnProperty(navigator, 'locks').and.throwError(new DOMException('denied', 'SecurityError'));
      expect(TabChannel.open(tabs.key)).toBeNull();
    });

    it('open() is null when opening the BroadcastChannel throws', () => {
      const constructor = spyOn(globalThis, 'BroadcastChannel').and.throwError(
        new DOMException('denied', 'SecurityError'),
      );
      expect(TabChannel.open(tabs.key)).toBeNull();
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
      await until(async () => !(await a.othersOpen()), 'the closed channel to let go');
      expect(await a.othersOpen()).toBeFalse();
    });

    it('othersOpen() assumes company when the locks cannot be queried', async () => {
      const a = open();
      spyOn(navigator.locks, 'query').and.rejectWith(new DOMException('denied', 'SecurityError'));
      expect(await a.othersOpen()).toBeTrue();
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
        localStorage.setItem(markerKey(tabs.key), garbage);
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

const TOKENS: TabMessage = {
  type: 'tokens',
  revision: 3,
  tokens: { accessToken: 'A1', refreshToken: 'R1', expiresAt: 1_900_000_000_000 },
};

function listenTo(channel: TabChannel): TabMessage[] {
  const received: TabMessage[] = [];
  channel.listen((message) => received.push(message));
  return received;
}
