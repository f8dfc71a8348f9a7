import { Observable } from 'rxjs';
import { SessionExpiredError } from './session-expired-error';
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
    /** Waits while `behind()`, at most `CATCH_UP_MS`, unless the subscriber leaves. */
    const waitWhile = async (behind: () => boolean) => {
      for (let waited = 0; behind() && waited < CATCH_UP_MS; waited += 10) {
        if (subscriber.closed) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    /**
     * Emits the refresh's `tokens`, unless another tab announced news (a logout, or a sign-in)
     * after this refresh left: that news, on its way, settles this tab's flight (the tokens are
     * dropped, never announced over it). Should it not come within `CATCH_UP_MS`, a logout fails
     * the refresh as the session's end, and the tokens of a refresh overtaken by a session go.
     */
    const deliver = async (tokens: TokenPair, newest: number) => {
      // Newer than what the tab knew, or than the mark it found stale when it got the lock.
      const overtaken = () => tabs.readRevision() > Math.max(tab.revision(), newest);
      if (overtaken()) await waitWhile(overtaken); // at once otherwise: the next tab sees it
      if (subscriber.closed) return;
      if (overtaken() && !tabs.sessionAnnounced()) {
        return subscriber.error(new SessionExpiredError('logout'));
      }
      subscriber.next(tokens);
      subscriber.complete();
    };
    tabs
      .withLock(timeoutMs, cancel.signal, async () => {
        locked = true;
        const newest = tabs.readRevision();
        await waitWhile(() => tab.revision() < newest);
        if (subscriber.closed) return;
        // Hold the lock until the refresh settles, or until the flight is abandoned (logout,
        // new login): then the refresh call is cancelled and the lock released at once.
        await new Promise<void>((release) => {
          const refresh = tab.refresh().subscribe({
            next: (tokens) => void deliver(tokens, newest),
            error: (error: unknown) => subscriber.error(error),
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
