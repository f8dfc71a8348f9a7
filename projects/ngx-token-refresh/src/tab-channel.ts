import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
import { StoredTokens } from './stored-tokens';

/** What tabs tell each other about the shared session. */
export type TabMessage =
  | { readonly type: 'tokens'; readonly revision: number; readonly tokens: StoredTokens }
  | { readonly type: 'logout' | 'expired'; readonly revision: number }
  /** A new tab asks the open tabs for their session... */
  | { readonly type: 'hello' }
  /** ...and a tab without one answers this. */
  | { readonly type: 'none'; readonly revision: number };

/**
 * The platform side of the link between the tabs of one origin: a `BroadcastChannel` for news, a
 * Web Lock so that only one tab refreshes at a time, a shared "open" lock that every tab holds
 * while it lives (so a new tab can tell whether any other tab is open), and in `localStorage` a
 * revision marker and whether the newest news was a session (a number and a flag, never a token). `open` returns `null` where the browser lacks the
 * APIs or refuses them (insecure or opaque origins, old browsers).
 */
export class TabChannel {
  private readonly _channel: BroadcastChannel;
  private readonly _closed = new AbortController();

  private constructor(
    private readonly _name: string,
    private readonly _locks: LockManager,
  ) {
    this._channel = new BroadcastChannel(_name);
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
    this._channel.onmessage = (event: MessageEvent<TabMessage>) => handler(event.data);
  }

  post(message: TabMessage): void {
    // A closed channel (the app was destroyed) throws: the news has nobody left to tell here.
    try {
      this._channel.postMessage(message);
    } catch {}
  }

  /**
   * Runs `work` while holding the origin-wide refresh lock. Waiting is bounded: after
   * `timeoutMs`, or when `signal` aborts, it rejects without running `work`. A tab that dies
   * holding the lock releases it with its death.
   */
  withLock<T>(timeoutMs: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const waiting = new AbortController();
    const timer = setTimeout(
      () => waiting.abort(new RefreshLockTimeoutError(timeoutMs)),
      timeoutMs,
    );
    const abort = () => waiting.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    const granted = (): Promise<T> => {
      clearTimeout(timer);
      return work();
    };
    let locked: Promise<T>;
    // A document may refuse Web Locks (SecurityError): refresh without the lock, the way a
    // browser without Web Locks does, rather than fail.
    try {
      locked = this._locks.request(this._name, { signal: waiting.signal }, granted) as Promise<T>;
    } catch {
      locked = granted();
    }
    return locked.finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    });
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
      if (session) storage.setItem(this._sessionMark, '1');
      else storage.removeItem(this._sessionMark);
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
