import { RefreshLock } from './refresh-lock';
import { StoredTokens } from './stored-tokens';

/** What a tab waiting for the refresh lock posts, for the tab that keeps it (`RefreshLock`). */
const LOCK_WANTED = { type: 'refresh-lock-wanted' } as const;

/** What tabs tell each other about the shared session. */
export type TabMessage =
  | {
      readonly type: 'tokens';
      readonly revision: number;
      readonly tokens: StoredTokens;
      readonly signIn?: boolean;
    }
  | { readonly type: 'logout' | 'expired'; readonly revision: number }
  /** A new tab asks the open tabs for their session... */
  | { readonly type: 'hello' }
  /** ...and a tab without one answers this. */
  | { readonly type: 'none'; readonly revision: number };

/**
 * The platform side of the link between the tabs of one origin: a `BroadcastChannel` for news, a
 * Web Lock so that only one tab refreshes at a time (`RefreshLock`), a shared "open" lock that
 * every tab holds while it lives (so a new tab can tell whether any other tab is open), and in
 * `localStorage` a revision marker and whether the newest news was a session (a number and a
 * flag, never a token). `open` returns `null` where the browser lacks the APIs or refuses them
 * (insecure or opaque origins, old browsers).
 */
export class TabChannel {
  private readonly _channel: BroadcastChannel;
  private readonly _closed = new AbortController();
  private readonly _lock: RefreshLock;
  private _handler: (message: TabMessage) => void = () => undefined;

  private constructor(
    private readonly _name: string,
    private readonly _locks: LockManager,
  ) {
    this._channel = new BroadcastChannel(_name);
    const ask = () => this.post(LOCK_WANTED);
    this._lock = new RefreshLock(_locks, _name, ask, this._closed.signal);
    this._channel.onmessage = ({ data }: MessageEvent<TabMessage | typeof LOCK_WANTED>) =>
      data.type === LOCK_WANTED.type ? this._lock.asked() : this._handler(data);
    this._holdOpenLock();
  }

  static open(key: string): TabChannel | null {
    // Reading `navigator.locks` or opening a channel can throw (sandboxed or opaque-origin
    // documents): such a page works per tab, as one without the APIs does.
    try {
      const locks = globalThis.navigator?.locks;
      if (typeof BroadcastChannel !== 'function' || typeof locks?.request !== 'function') {
        return null;
      }
      return new TabChannel(`ngx-token-refresh:${key}`, locks);
    } catch {
      return null;
    }
  }

  /**
   * Whether another tab of the origin is open: more holders of the "open" lock than this tab.
   * Where the question cannot be asked, it answers `true` (wait and see).
   */
  async othersOpen(): Promise<boolean> {
    // query() may be missing or refused; assuming company only costs the short join wait.
    try {
      const { held = [], pending = [] } = await this._locks.query();
      const open = [...held, ...pending].filter((lock) => lock.name === this._openLock);
      return open.length > 1;
    } catch {
      return true;
    }
  }

  /** Calls `handler` for each message another tab posts. */
  listen(handler: (message: TabMessage) => void): void {
    this._handler = handler;
  }

  post(message: TabMessage | typeof LOCK_WANTED): void {
    // A closed channel (the app was destroyed) throws: the news has nobody left to tell here.
    try {
      this._channel.postMessage(message);
    } catch {}
  }

  /**
   * Runs `work` while holding the origin-wide refresh lock (see `RefreshLock`): waiting is bounded
   * by `timeoutMs` and `signal`.
   */
  withLock<T>(timeoutMs: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    return this._lock.run(timeoutMs, signal, work);
  }

  /** The newest revision any tab has written, or 0. */
  readRevision(): number {
    const value = Number(this._marker((storage) => storage.getItem(this._name)));
    return Number.isFinite(value) && value > 0 ? value : 0;
  }

  /** Writes the revision of news this tab announces, and whether that news is a session. */
  writeRevision(revision: number, session: boolean): void {
    this._marker((storage) => {
      storage.setItem(this._name, String(revision));
      // Each write costs the page an IPC; the mark rarely changes.
      if (!session) storage.removeItem(this._sessionMark);
      else if (storage.getItem(this._sessionMark) === null) storage.setItem(this._sessionMark, '1');
    });
  }

  /**
   * Whether the newest news any tab announced was a session (tokens, not a logout or an end):
   * only then may an open tab hold a session for a new one to join. `true` where it cannot be
   * read (wait and see).
   */
  sessionAnnounced(): boolean {
    return this._marker((storage) => storage.getItem(this._sessionMark)) !== null;
  }

  /** Forgets the session mark: this tab is alone and has none, so the mark was left by tabs gone. */
  forgetSessionMark(): void {
    this._marker((storage) => storage.removeItem(this._sessionMark));
  }

  close(): void {
    this._closed.abort();
    this._channel.close();
  }

  private get _openLock(): string {
    return `${this._name}:open`;
  }

  private get _sessionMark(): string {
    return `${this._name}:session`;
  }

  /** Holds the shared "open" lock until `close()`, so that new tabs know this one is there. */
  private _holdOpenLock(): void {
    const name = this._openLock;
    const held = new Promise<void>((release) =>
      this._closed.signal.addEventListener('abort', () => release(), { once: true }),
    );
    // A refused lock only makes new tabs skip the join wait for this one.
    try {
      this._locks
        .request(name, { mode: 'shared', signal: this._closed.signal }, () => held)
        .catch(() => undefined);
    } catch {}
  }

  private _marker<T>(use: (storage: Storage) => T): T | undefined {
    // localStorage may be disabled; the channel alone still carries the news, a bit later.
    try {
      return use(globalThis.localStorage);
    } catch {
      return undefined;
    }
  }
}
