import { Observable, Subscriber, Subscription } from 'rxjs';

type Outcome = { token: string } | { error: unknown } | null;

/** One refresh in flight: what its waiters receive, and the subscription that runs the call. */
export class RefreshFlight {
  private readonly _waiters = new Set<Subscriber<string>>();
  /** How the flight ended (`null`: cancelled), or `undefined` while it runs. */
  private _outcome: Outcome | undefined;
  /** The running refresh call, cancelled when the flight ends before it does. */
  subscription: Subscription | null = null;
  /** When the flight started, by this page's clock: its answer was issued after it. */
  readonly startedAt = Date.now();

  /** The new access token, once, or the error that ended the flight; late waiters get it too. */
  readonly result = new Observable<string>((waiter) => {
    if (this._outcome === undefined) {
      this._waiters.add(waiter);
      return () => this._waiters.delete(waiter);
    }
    deliver(waiter, this._outcome);
    return undefined;
  });

  /** Cancels the call and completes the waiters without a token (the app was destroyed). */
  cancel(): void {
    this._finish(null);
  }

  /** Ends the flight: cancels the call, then gives the waiters `token`, or `error`. */
  end(outcome: { token: string } | { error: unknown }): void {
    this._finish(outcome);
  }

  private _finish(outcome: Outcome): void {
    if (this._outcome !== undefined) return;
    this._outcome = outcome;
    this.subscription?.unsubscribe();
    for (const waiter of [...this._waiters]) deliver(waiter, outcome);
    this._waiters.clear();
  }
}

function deliver(waiter: Subscriber<string>, outcome: Outcome): void {
  if (outcome && 'error' in outcome) return waiter.error(outcome.error);
  if (outcome) waiter.next(outcome.token);
  waiter.complete();
}
