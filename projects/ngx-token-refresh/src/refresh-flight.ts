import { AsyncSubject, Observable, Subscription } from 'rxjs';

/** One refresh in flight: what its waiters receive, and the subscription that runs the call. */
export class RefreshFlight {
  private readonly _result = new AsyncSubject<string>();
  /** The running refresh call, cancelled when the flight ends before it does. */
  subscription: Subscription | null = null;

  /** The new access token, once, or the error that ended the flight. */
  readonly result: Observable<string> = this._result.asObservable();

  /** Cancels the call and completes the waiters without a token (the app was destroyed). */
  cancel(): void {
    this.subscription?.unsubscribe();
    this._result.complete();
  }

  /** Ends the flight: cancels the call, then gives the waiters `token`, or `error`. */
  end(outcome: { token: string } | { error: unknown }): void {
    this.subscription?.unsubscribe();
    if ('token' in outcome) this._result.next(outcome.token);
    else this._result.error(outcome.error);
    this._result.complete();
  }
}
