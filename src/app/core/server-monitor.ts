import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { catchError, forkJoin, of } from 'rxjs';
import { API } from './api-urls';
import { toolingContext } from './unlogged';

/** The counters of GET /api/_stats that the dashboard shows. */
export interface ServerStats {
  readonly logins: number;
  readonly refreshCalls: number;
  readonly refreshSuccesses: number;
  readonly refreshFailures: number;
  readonly reuseDetections: number;
  readonly unauthorized: number;
  readonly apiRequests: number;
  readonly apiSuccesses: number;
}

/** The fault-injection settings of GET/POST /api/_faults (TEST_MODE servers only). */
export interface FaultSettings {
  readonly latencyMs: number;
  readonly refreshLatencyMs: number;
  readonly failNextRefreshes: number;
  readonly failMode: '500' | 'drop';
  readonly refreshUnavailable: boolean;
  readonly downForMs: number;
}

const RELOAD_DELAY_MS = 150;

/** The server's observable state: its counters and, in test mode, its fault switches. */
@Injectable({ providedIn: 'root' })
export class ServerMonitor {
  private readonly _http = inject(HttpClient);
  private readonly _stats = signal<ServerStats | null>(null);
  private readonly _faults = signal<FaultSettings | null>(null);
  private readonly _faultsAvailable = signal(true);
  private _timer: ReturnType<typeof setTimeout> | undefined;

  readonly stats = this._stats.asReadonly();
  readonly faults = this._faults.asReadonly();
  /** False when the server does not run in test mode (no /api/_faults). */
  readonly faultsAvailable = this._faultsAvailable.asReadonly();

  /** Reloads soon, coalescing bursts (20 requests settling at once make one reload). */
  scheduleReload(): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
  }

  reload(): void {
    const context = toolingContext();
    forkJoin({
      stats: this._http.get<ServerStats>(API.stats, { context }).pipe(catchError(() => of(null))),
      faults: this._http
        .get<FaultSettings>(API.faults, { context })
        .pipe(catchError(() => of(null))),
    }).subscribe(({ stats, faults }) => {
      if (stats) this._stats.set(stats);
      this._faults.set(faults);
      this._faultsAvailable.set(faults !== null);
    });
  }

  /** Changes fault switches, e.g. `{ failNextRefreshes: 1, failMode: '500' }`. */
  setFaults(patch: Partial<FaultSettings>): void {
    this._http
      .post<FaultSettings>(API.faults, patch, { context: toolingContext() })
      .subscribe({ next: (faults) => this._faults.set(faults), error: () => this.reload() });
  }
}
