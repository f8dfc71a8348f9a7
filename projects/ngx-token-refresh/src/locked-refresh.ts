import { Observable } from 'rxjs';
import { TabChannel } from './tab-channel';
import { TokenPair } from './token-pair';

/** How long a tab that got the refresh lock waits for news of a change another tab made. */
const CATCH_UP_MS = 1000;

/** What a refresh under the cross-tab lock needs from the tab that runs it. */
export interface LockedRefreshTab {
  /** The newest session revision this tab has applied. */
  revision(): number;
  /** Runs the actual refresh with the tab's current refresh token. */
  refresh(): Observable<TokenPair>;
}

/**
 * Refreshes while holding the origin-wide lock (waiting at most `timeoutMs` for it). A tab that
 * gets the lock first catches up with changes other tabs announced (their news may still be on
 * its way): if one of them already rotated the tokens, applying that news settles the tab's
 * flight, which unsubscribes here, and no refresh is sent. The result is emitted (stored and
 * announced by the subscriber) before the lock is released, so the next tab in line sees it.
 */
export function lockedRefresh(
  tabs: TabChannel,
  timeoutMs: number,
  tab: LockedRefreshTab,
): Observable<TokenPair> {
  return new Observable<TokenPair>((subscriber) => {
    const cancel = new AbortController();
    let locked = false;
    tabs
      .withLock(timeoutMs, cancel.signal, async () => {
        locked = true;
        const newest = tabs.readRevision();
        for (let waited = 0; tab.revision() < newest && waited < CATCH_UP_MS; waited += 10) {
          if (subscriber.closed) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (subscriber.closed) return;
        // Hold the lock until the refresh settles, or until the flight is abandoned (logout,
        // new login): then the refresh call is cancelled and the lock released at once.
        await new Promise<void>((release) => {
          const refresh = tab.refresh().subscribe({
            next: (tokens) => subscriber.next(tokens),
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          });
          subscriber.add(() => {
            refresh.unsubscribe();
            release();
          });
        });
      })
      .catch((error: unknown) => subscriber.error(error));
    // Withdraws a request still waiting for the lock. Once the lock is held, unsubscribing
    // settles the work above, and an abort (an `AbortError` made each time) would cost for nothing.
    return () => {
      if (!locked) cancel.abort();
    };
  });
}
