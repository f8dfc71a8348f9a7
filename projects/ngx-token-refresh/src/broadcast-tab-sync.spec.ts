import {
  EnvironmentInjector,
  createEnvironmentInjector,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { record, until } from '../spec/spec-helpers';
import { delay, markerKey, useTabChannels } from '../spec/tab-channels';
import { BroadcastTabSync } from './broadcast-tab-sync';
import { SessionStore } from './session-store';
import { StoredTokens } from './stored-tokens';
import { TabChannel, TabMessage } from './tab-channel';
import type { TabNews } from './tab-sync';
import { TOKEN_REFRESH_CONFIG, resolveTokenRefreshConfig } from './token-refresh-config';
import { TOKEN_STORAGE, memoryTokenStorage } from './token-storage';

describe('BroadcastTabSync', () => {
  const tabs = useTabChannels();
  let injectors: EnvironmentInjector[];

  beforeEach(() => (injectors = []));
  afterEach(() => injectors.forEach((injector) => injector.destroy())); // closes each sync's channel

  /** A tab's sync over its own channel and session store (starting with `stored`, if given). */
  function startTab(stored: StoredTokens | null = null): BroadcastTabSync {
    const channel = TabChannel.open(tabs.key);
    if (!channel) throw new Error('this browser should have BroadcastChannel and Web Locks');
    const storage = memoryTokenStorage();
    if (stored) storage.write(stored);
    const injector = createEnvironmentInjector(
      [
        SessionStore,
        {
          provide: TOKEN_REFRESH_CONFIG,
          useValue: resolveTokenRefreshConfig({ refreshUrl: '/auth/refresh' }),
        },
        { provide: TOKEN_STORAGE, useValue: storage },
      ],
      TestBed.inject(EnvironmentInjector),
    );
    injectors.push(injector);
    return runInInjectionContext(injector, () => new BroadcastTabSync(channel));
  }

  /** Destroys the app of the tab `startTab()` started last, as closing that tab does. */
  function closeLastTab(): void {
    injectors.pop()?.destroy();
  }

  /** Marks the newest news of the origin as a session, as a tab that signed in leaves it. */
  function announcedSession(): void {
    localStorage.setItem(`${markerKey(tabs.key)}:session`, '1');
  }

  /** Another tab, seen from the platform side: a bare channel of the same key. */
  function openPeer(): Peer {
    return hear(tabs.open());
  }

  describe('joining()', () => {
    let clock: jasmine.Clock;

    // With timers frozen, the join can only settle by what happens on the channel.
    beforeEach(() => {
      clock = jasmine.clock();
      clock.install();
    });
    afterEach(() => clock.uninstall());

    it('joining() is null from the start when no tab announced a session: nothing to wait for', async () => {
      const peer = openPeer();
      const sync = startTab();
      expect(sync.joining()).toBeNull();
      sync.announce({ type: 'logout' }); // the channel keeps a sender's order
      await peer.next('logout');
      expect(peer.messages.map((message) => message.type)).toEqual(['logout']);
    });

    it('joining() is null from the start when the newest news was a logout', () => {
      openPeer().channel.writeRevision(4, false);
      expect(startTab().joining()).toBeNull();
    });

    it('joining() settles at once when a session was announced but no other tab is open, and forgets the mark', async () => {
      announcedSession();
      const sync = startTab();
      const joining = sync.joining();
      expect(joining).not.toBeNull();
      await joining;
      expect(sync.joining()).toBeNull();
      expect(startTab().joining()).withContext('the next tab').toBeNull();
    });

    it('joining() keeps the session mark when the tab is alone but has a stored session: the next tab joins it', async () => {
      announcedSession();
      const first = startTab(TOKENS);
      await first.joining();
      const next = startTab();
      const news = listenTo(next);
      expect(next.joining()).withContext('the next tab').not.toBeNull();
      await next.joining();
      expect(news).toEqual([jasmine.objectContaining({ type: 'tokens', tokens: TOKENS })]);
    });

    it('joining() waits for a tab with a stored session even when no session was announced', async () => {
      const peer = openPeer();
      const sync = startTab({ accessToken: 'A0', refreshToken: 'R0', expiresAt: null });
      await expectJoinWaitsThenSettlesOnNone(peer, sync);
    });

    it('joining() waits for an open tab to answer, and settles on its "none"', async () => {
      announcedSession();
      const peer = openPeer();
      const sync = startTab();
      await expectJoinWaitsThenSettlesOnNone(peer, sync);
    });

    it('joining() settles on the session an open tab answers with, and passes it on', async () => {
      announcedSession();
      const peer = openPeer();
      const sync = startTab();
      const news = listenTo(sync);
      const joined = settledFlag(sync.joining());
      await peer.next('hello');
      await macrotask();
      expect(joined()).withContext('before the answer').toBeFalse();
      peer.channel.post({ type: 'tokens', revision: 4, tokens: TOKENS });
      await sync.joining();
      expect(news.length).toBe(1);
      expect(news[0]).toEqual(jasmine.objectContaining({ type: 'tokens', tokens: TOKENS }));
    });

    it('joining() gives up after a second when no open tab answers', async () => {
      announcedSession();
      const peer = openPeer();
      const sync = startTab();
      const joined = settledFlag(sync.joining());
      await peer.next('hello');
      clock.tick(999);
      await macrotask();
      expect(joined()).toBeFalse();
      clock.tick(1);
      await macrotask();
      expect(joined()).toBeTrue();
      expect(sync.joining()).toBeNull();
    });

    it('joining() ends when the tab announces news of its own', async () => {
      announcedSession();
      const peer = openPeer();
      const sync = startTab();
      await peer.next('hello');
      sync.announce({ type: 'logout' });
      await sync.joining();
      expect(sync.joining()).toBeNull();
    });
  });

  describe('announce()', () => {
    it('announce() writes a revision above the newest one any tab wrote, and posts the news with it', async () => {
      const sync = startTab();
      await sync.joining();
      const peer = openPeer();
      peer.channel.writeRevision(5, true);

      sync.announce({ type: 'tokens', tokens: TOKENS });
      expect(peer.channel.readRevision()).toBe(6);
      sync.announce({ type: 'logout' });
      expect(peer.channel.readRevision()).toBe(7);

      await until(() => peer.messages.length === 2, 'both announcements');
      expect(peer.messages).toEqual([
        { type: 'tokens', revision: 6, tokens: TOKENS },
        { type: 'logout', revision: 7 },
      ]);
    });
  });

  describe('listen()', () => {
    it("listen() passes on only news newer than the tab's revision", async () => {
      const sync = startTab(TOKENS);
      await sync.joining();
      const peer = openPeer();
      const news = listenTo(sync);
      sync.announce({ type: 'logout' }); // revision 1
      sync.announce({ type: 'logout' }); // revision 2

      peer.channel.post({ type: 'expired', revision: 1 });
      peer.channel.post({ type: 'logout', revision: 2 });
      peer.channel.post({ type: 'tokens', revision: 2, tokens: OTHER_TOKENS });
      peer.channel.post({ type: 'expired', revision: 3 });
      peer.channel.post({ type: 'logout', revision: 3 });
      peer.channel.post({ type: 'tokens', revision: 4, tokens: OTHER_TOKENS });
      await until(() => news.length === 2, 'the newer news');
      expect(news[0]).toEqual({ type: 'expired' });
      expect(news[1]).toEqual(jasmine.objectContaining({ type: 'tokens', tokens: OTHER_TOKENS }));
    });

    it('listen() passes on tokens of its own revision to a tab that joins with a stored session', async () => {
      const peer = openPeer();
      const sync = startTab(OTHER_TOKENS); // revision 0 until it has joined; none written yet
      const news = listenTo(sync);
      await peer.next('hello');
      peer.channel.post({ type: 'tokens', revision: 0, tokens: TOKENS });
      await sync.joining();
      expect(news).toEqual([jasmine.objectContaining({ type: 'tokens', tokens: TOKENS })]);
    });

    it('listen() passes on the tokens of the revision it read, when they come after its join', async () => {
      const peer = openPeer();
      peer.channel.writeRevision(4, true);
      const sync = startTab();
      const news = listenTo(sync);
      await peer.next('hello');
      peer.channel.post({ type: 'none', revision: 4 }); // a tab without a session answers first
      await sync.joining();
      peer.channel.post({ type: 'tokens', revision: 4, tokens: TOKENS }); // a late answer
      await until(() => news.length > 0, 'the tokens');
      expect(news).toEqual([jasmine.objectContaining({ type: 'tokens', tokens: TOKENS })]);
    });

    it('listen() passes on the news of the revision it caught up with at its join: a logout whose news was on the way', async () => {
      const peer = openPeer();
      const sync = startTab(OTHER_TOKENS); // revision 0 until it has joined
      const news = listenTo(sync);
      await peer.next('hello');
      peer.channel.post({ type: 'tokens', revision: 2, tokens: TOKENS }); // the answer
      peer.channel.writeRevision(3, false); // then a logout, written before it is posted
      await sync.joining(); // caught up with revision 3
      peer.channel.post({ type: 'logout', revision: 3 });
      await until(() => news.length === 2, 'the logout');
      expect(news.map((item) => item.type)).toEqual(['tokens', 'logout']);
    });

    it('listen(): a tab that logged out ignores tokens another tab numbered alike, so the logout wins', async () => {
      const sync = startTab();
      await sync.joining();
      const peer = openPeer();
      const news = listenTo(sync);
      sync.announce({ type: 'logout' }); // revision 1
      // Another tab's refresh that read the revision before the logout's write showed.
      peer.channel.post({ type: 'tokens', revision: 1, tokens: TOKENS });
      peer.channel.post({ type: 'expired', revision: 2 }); // to know the tokens were heard
      await until(() => news.length > 0, 'the news of revision 2');
      expect(news).toEqual([{ type: 'expired' }]);
    });

    it('listen(): a tab that signed in ignores a refresh another tab numbered alike, so the sign-in wins', async () => {
      const sync = startTab();
      await sync.joining();
      const peer = openPeer();
      const news = listenTo(sync);
      sync.announce({ type: 'tokens', tokens: OTHER_TOKENS, signIn: true }); // revision 1
      peer.channel.post({ type: 'tokens', revision: 1, tokens: TOKENS }); // a refresh's answer
      peer.channel.post({ type: 'expired', revision: 2 }); // to know the tokens were heard
      await until(() => news.length > 0, 'the news of revision 2');
      expect(news).toEqual([{ type: 'expired' }]);
    });

    it('listen(): a tab that refreshed takes a sign-in another tab numbered alike', async () => {
      const sync = startTab(TOKENS);
      await sync.joining();
      const peer = openPeer();
      const news = listenTo(sync);
      sync.announce({ type: 'tokens', tokens: TOKENS }); // a refresh's answer, revision 1
      peer.channel.post({ type: 'tokens', revision: 1, tokens: OTHER_TOKENS, signIn: true });
      await until(() => news.length > 0, 'the sign-in');
      expect(news).toEqual([jasmine.objectContaining({ type: 'tokens', tokens: OTHER_TOKENS })]);
    });

    it('listen(): a tab that announced tokens takes a logout another tab numbered alike, so the logout wins', async () => {
      const sync = startTab(TOKENS);
      await sync.joining();
      const peer = openPeer();
      const news = listenTo(sync);
      sync.announce({ type: 'tokens', tokens: OTHER_TOKENS }); // revision 1
      peer.channel.post({ type: 'tokens', revision: 1, tokens: TOKENS }); // a hello answer, say
      peer.channel.post({ type: 'logout', revision: 1 }); // numbered alike, concurrently
      await until(() => news.length > 0, 'the logout');
      expect(news).toEqual([{ type: 'logout' }]);
    });
  });

  describe('answering a hello', () => {
    it("BroadcastTabSync, once joined, answers a new tab's hello with its session", async () => {
      const sync = startTab(TOKENS);
      await sync.joining();
      const peer = openPeer();
      peer.channel.post({ type: 'hello' });
      const answer = await peer.next('tokens');
      expect(answer).toEqual(jasmine.objectContaining({ type: 'tokens', tokens: TOKENS }));
    });

    it('BroadcastTabSync, once joined, answers a hello with "none" without a session', async () => {
      const sync = startTab();
      await sync.joining();
      const peer = openPeer();
      peer.channel.writeRevision(3, true);
      sync.announce({ type: 'logout' }); // revision 4
      peer.channel.post({ type: 'hello' });
      expect(await peer.next('none')).toEqual({ type: 'none', revision: 4 });
    });

    it('BroadcastTabSync does not answer a hello while it is still joining itself', async () => {
      announcedSession();
      const peer = openPeer();
      const sync = startTab();
      await peer.next('hello');
      peer.channel.post({ type: 'hello' }); // another new tab's, while this one waits
      peer.channel.post({ type: 'none', revision: 0 });
      await sync.joining();
      sync.announce({ type: 'logout' }); // the channel keeps a sender's order
      await peer.next('logout');
      expect(peer.messages.map((message) => message.type)).toEqual(['hello', 'logout']);
    });
  });

  describe('closing', () => {
    it('BroadcastTabSync hears no more news once its app is destroyed', async () => {
      const sync = startTab(TOKENS);
      await sync.joining();
      const news = listenTo(sync);
      const peer = openPeer();
      closeLastTab();
      // Opened after the closed tab's channel, the witness hears each message after it would.
      const witness = hear(tabs.open());
      peer.channel.post({ type: 'logout', revision: 9 });
      await witness.next('logout');
      expect(news).toEqual([]);
    });
  });

  describe('locked()', () => {
    it('locked() in a tab that starts with a stored session waits for the open tabs to answer before it refreshes', async () => {
      const peer = openPeer();
      peer.channel.writeRevision(4, true);
      const sync = startTab(OTHER_TOKENS); // maybe older than the open tabs' session
      const refresh = jasmine
        .createSpy('refresh')
        .and.returnValue(of({ accessToken: 'opaque-A2', refreshToken: 'R2' }));
      const outcome = record(sync.locked(refresh, 5000));
      await delay(50); // the lock is free: only the join holds the refresh back
      expect(refresh).not.toHaveBeenCalled();
      peer.channel.post({ type: 'tokens', revision: 4, tokens: TOKENS });
      await until(() => outcome.completed, 'the refresh');
      expect(refresh).toHaveBeenCalledTimes(1);
    });
  });
});

const TOKENS: StoredTokens = {
  accessToken: 'opaque-A1',
  refreshToken: 'R1',
  expiresAt: Date.UTC(2100, 0, 1),
};

const OTHER_TOKENS: StoredTokens = {
  accessToken: 'opaque-A0',
  refreshToken: 'R0',
  expiresAt: null,
};

interface Peer {
  readonly channel: TabChannel;
  readonly messages: TabMessage[];
  /** The first message of `type` the peer has heard or will hear. */
  next(type: TabMessage['type']): Promise<TabMessage>;
}

function hear(channel: TabChannel): Peer {
  const messages: TabMessage[] = [];
  const waiting: { type: TabMessage['type']; resolve: (message: TabMessage) => void }[] = [];
  channel.listen((message) => {
    messages.push(message);
    waiting.filter((w) => w.type === message.type).forEach((w) => w.resolve(message));
  });
  return {
    channel,
    messages,
    next: (type) =>
      new Promise((resolve) => {
        const heard = messages.find((message) => message.type === type);
        if (heard) resolve(heard);
        else waiting.push({ type, resolve });
      }),
  };
}

/** The join of `sync` waits for `peer`'s answer to its hello, and settles on a "none". */
async function expectJoinWaitsThenSettlesOnNone(peer: Peer, sync: BroadcastTabSync): Promise<void> {
  const joined = settledFlag(sync.joining());
  await peer.next('hello');
  await macrotask();
  expect(joined()).withContext('before the answer').toBeFalse();
  peer.channel.post({ type: 'none', revision: 0 });
  await sync.joining();
  expect(sync.joining()).toBeNull();
}

function listenTo(sync: BroadcastTabSync): TabNews[] {
  const news: TabNews[] = [];
  sync.listen((item) => news.push(item));
  return news;
}

/** Whether `promise` has settled, read at any later moment. */
function settledFlag(promise: Promise<void> | null): () => boolean {
  let settled = false;
  void promise?.then(() => (settled = true));
  return () => settled;
}

/** Lets every pending promise callback run; a real macrotask, unaffected by the mock clock. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
