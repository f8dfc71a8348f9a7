import { Injectable, computed, signal } from '@angular/core';

/** One request as it actually left the app (after the token interceptor). */
export interface LoggedRequest {
  readonly id: number;
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  /** 1 for the first attempt; 2 for the library's retry after a 401. */
  readonly attempt: number;
  /** Whether the request carried an Authorization header at all. */
  readonly authorized: boolean;
  /** The scheme it carried the token with (`Bearer`, `DPoP`), `null` without a token. */
  readonly scheme: string | null;
  /** Whether it carried a DPoP proof (`DPoP` header). */
  readonly proof: boolean;
  /** The `gen` claim of the token it carried, `null` without a (decodable) token. */
  readonly generation: number | null;
  /** HTTP status; 0 for a network error; `null` while pending; 'cancelled' if unsubscribed. */
  readonly status: number | 'cancelled' | null;
}

const MAX_ENTRIES = 60;

/** The demo's request log, newest first, capped at the last 60 requests. */
@Injectable({ providedIn: 'root' })
export class RequestLog {
  private readonly _entries = signal<readonly LoggedRequest[]>([]);
  private readonly _settled = signal(0);
  private _nextId = 1;

  readonly entries = this._entries.asReadonly();
  /** Counts requests that finished (any outcome): a cue to reload the server counters. */
  readonly settledCount = this._settled.asReadonly();
  readonly pendingCount = computed(() => this._entries().filter((e) => e.status === null).length);

  start(entry: Omit<LoggedRequest, 'id' | 'startedAt' | 'status'>): number {
    const id = this._nextId++;
    const logged: LoggedRequest = { ...entry, id, startedAt: Date.now(), status: null };
    this._entries.update((entries) => [logged, ...entries].slice(0, MAX_ENTRIES));
    return id;
  }

  finish(id: number, status: number | 'cancelled'): void {
    this._entries.update((entries) =>
      entries.map((entry) =>
        entry.id === id && entry.status === null ? { ...entry, status } : entry,
      ),
    );
    this._settled.update((count) => count + 1);
  }

  clear(): void {
    this._entries.set([]);
  }
}
