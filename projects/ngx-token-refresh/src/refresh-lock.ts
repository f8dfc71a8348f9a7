import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';

/** How often a tab waiting for the refresh lock asks the tab that keeps it to let go. */
const ASK_EVERY_MS = 100;

/**
 * The origin-wide refresh lock, a Web Lock. A tab that got it keeps it after its refresh, so the
 * next refresh of a tab that is on its own costs no lock request. It lets go as soon as nothing
 * runs under it and another tab has asked for it (`asked()`, from the tab channel), the page is
 * hidden (a frozen background page must not keep it) or the channel closes. A tab waiting for it
 * asks every `ASK_EVERY_MS` (`ask`), so a request that crossed the grant is not lost.
 */
export class RefreshLock {
  /** Whether this tab holds the lock (granted, not let go yet). */
  private _held = false;
  private _letGo: () => void = () => undefined;
  /** How many works run under the lock right now. */
  private _busy = 0;
  /**
   * Whether another tab asked for the lock since this tab last let go of it: an ask that came
   * while this tab waited counts too, so it lets go as soon as its work is done.
   */
  private _asked = false;

  constructor(
    private readonly _locks: LockManager,
    private readonly _name: string,
    private readonly _ask: () => void,
    private readonly _closed: AbortSignal,
  ) {
    const release = () => this._release();
    globalThis.document?.addEventListener?.('visibilitychange', release, { signal: _closed });
    _closed.addEventListener('abort', release, { once: true });
  }

  /** Another tab asked for the lock: let go once nothing runs under it. */
  asked(): void {
    this._asked = true;
    this._release();
  }

  /**
   * Runs `work` while holding the lock, at once when this tab keeps it. Waiting is bounded:
   * after `timeoutMs`, or when `signal` aborts, it rejects without running `work`. A tab that
   * dies holding the lock releases it with its death.
   */
  run<T>(timeoutMs: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this._held) return this._runHeld(work);
    return new Promise<T>((resolve, reject) => {
      const waiting = new AbortController();
      const timer = setTimeout(
        () => waiting.abort(new RefreshLockTimeoutError(timeoutMs)),
        timeoutMs,
      );
      const abort = () => waiting.abort(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      this._ask();
      const asking = setInterval(this._ask, ASK_EVERY_MS);
      const stop = () => {
        clearTimeout(timer);
        clearInterval(asking);
        signal.removeEventListener('abort', abort);
      };
      const granted = (): Promise<void> => {
        stop();
        this._held = true;
        const held = new Promise<void>((letGo) => (this._letGo = letGo));
        this._runHeld(work).then(resolve, reject);
        return held;
      };
      // A document may refuse Web Locks (SecurityError): refresh without the lock, the way a
      // browser without Web Locks does, rather than fail.
      try {
        this._locks.request(this._name, { signal: waiting.signal }, granted).catch((error) => {
          stop();
          reject(error);
        });
      } catch {
        stop();
        work().then(resolve, reject);
      }
    });
  }

  private _runHeld<T>(work: () => Promise<T>): Promise<T> {
    this._busy++;
    return work().finally(() => {
      this._busy--;
      this._release();
    });
  }

  /** Lets the lock go when nothing runs under it and it is wanted elsewhere, or must not stay. */
  private _release(): void {
    if (!this._held || this._busy > 0) return;
    const hidden = globalThis.document?.visibilityState === 'hidden';
    if (!this._asked && !hidden && !this._closed.aborted) return;
    this._held = false;
    this._asked = false;
    this._letGo();
  }
}
