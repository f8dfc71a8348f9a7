import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ServerMonitor } from '../core/server-monitor';

/** The auth server's counters (GET /api/_stats), reloaded after every request settles. */
@Component({
  selector: 'app-server-stats-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" data-testid="server-stats-card">
      <header class="card__header">
        <h2 class="card__title">Server counters</h2>
        <button type="button" class="btn btn--ghost btn--small" (click)="reload()">Reload</button>
      </header>
      @if (stats(); as s) {
        <div class="tiles">
          <div class="tile">
            <span class="tile__value" data-testid="stat-refresh-calls">{{ s.refreshCalls }}</span>
            <span class="tile__label">Refresh calls</span>
          </div>
          <div class="tile" [class.tile--alert]="s.reuseDetections > 0">
            <span class="tile__value" data-testid="stat-reuse">{{ s.reuseDetections }}</span>
            <span class="tile__label">Reuse detections</span>
          </div>
          <div class="tile">
            <span class="tile__value" data-testid="stat-unauthorized">{{ s.unauthorized }}</span>
            <span class="tile__label">401s served</span>
          </div>
          <div class="tile">
            <span class="tile__value" data-testid="stat-api-successes">{{ s.apiSuccesses }}</span>
            <span class="tile__label">API successes</span>
          </div>
        </div>
        <p class="card__footnote">
          {{ s.logins }} {{ s.logins === 1 ? 'login' : 'logins' }} · {{ s.refreshSuccesses }}
          {{ s.refreshSuccesses === 1 ? 'refresh' : 'refreshes' }} succeeded ·
          {{ s.refreshFailures }} failed
        </p>
      } @else {
        <p class="muted">Loading counters…</p>
      }
    </article>
  `,
})
export class ServerStatsCard {
  private readonly _monitor = inject(ServerMonitor);

  protected readonly stats = this._monitor.stats;

  protected reload(): void {
    this._monitor.reload();
  }
}
