import { Injectable, signal } from '@angular/core';

/** A refresh that failed without ending the session. */
export interface TransientRefreshFailure {
  /** Human wording of the cause: 'server error', 'network error', 'service unavailable', ... */
  readonly cause: string;
  readonly status: number;
  readonly at: number;
}

/**
 * Remembers the last refresh outcome, as seen by the app's request-log interceptor, so the
 * dashboard can tell the user that a refresh failed but the session is still alive.
 */
@Injectable({ providedIn: 'root' })
export class RefreshNotice {
  private readonly _failure = signal<TransientRefreshFailure | null>(null);

  readonly failure = this._failure.asReadonly();

  /** Records the refresh call's HTTP status (0 for a network error). */
  record(status: number): void {
    const transient = status === 0 || status === 408 || status === 429 || status >= 500;
    this._failure.set(transient ? { cause: describe(status), status, at: Date.now() } : null);
  }

  dismiss(): void {
    this._failure.set(null);
  }
}

function describe(status: number): string {
  if (status === 0) return 'network error';
  if (status === 503) return 'service unavailable';
  if (status >= 500) return 'server error';
  return `HTTP ${status}`;
}
