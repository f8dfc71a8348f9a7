import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
import { StoredTokens } from './stored-tokens';

/** What tabs tell each other about the shared session. */
export type TabMessage =
  | { readonly type: 'tokens'; readonly revision: number; readonly tokens: StoredTokens }
  | { readonly type: 'logout' | 'expired'; readonly revision: number }
  | { readonly type: 'hello' };

/**
 * The link between the tabs of one origin that share a session: a `BroadcastChannel` for news, a
 * Web Lock so that only one tab refreshes at a time, and a revision marker in `localStorage`
 * (a number, never a token) so a tab that gets the lock can tell whether another tab changed the
 * session before the news reached it. `open` returns `null` where the browser lacks either API
 * (server-side rendering, insecure origins, old browsers): the service then works per tab.
 */
export class TabSync {
  private readonly _channel: BroadcastChannel;

  private constructor(
    private readonly _name: string,
    private readonly _locks: LockManager,
  ) {
    this._channel = new BroadcastChannel(_name);
  }

  static open(key: string): TabSync | null {
    // Reading `navigator.locks` or opening a channel can throw (sandboxed or opaque-origin
    // documents): such a page works per tab, as one without the APIs does.
    try {
      const locks = globalThis.navigator?.locks;
      if (typeof BroadcastChannel !== 'function' || typeof locks?.request !== 'function') {
        return null;
      }
      return new TabSync(`ngx-token-refresh:${key}`, locks);
    } catch {
      return null;
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
    return Number.isFinite(value) ? value : 0;
  }

  writeRevision(revision: number): void {
    this._marker((storage) => storage.setItem(this._name, String(revision)));
  }

  close(): void {
    this._channel.close();
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
