import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { RequestLog } from '../core/request-log';
import { ServerMonitor } from '../core/server-monitor';
import { BurstCard } from './burst-card';
import { FaultsCard } from './faults-card';
import { GuideCard } from './guide-card';
import { PartnerCard } from './partner-card';
import { RefreshNoticeBanner } from './refresh-notice-banner';
import { RequestLogCard } from './request-log-card';
import { ServerStatsCard } from './server-stats-card';
import { SessionCard } from './session-card';

/** The guarded dashboard: session state, server counters, actions and the request log. */
@Component({
  selector: 'app-dashboard-page',
  imports: [
    BurstCard,
    FaultsCard,
    GuideCard,
    PartnerCard,
    RefreshNoticeBanner,
    RequestLogCard,
    ServerStatsCard,
    SessionCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="dashboard-page">
      <header class="page-header">
        <h1 class="page-title">Dashboard</h1>
        <p class="page-subtitle">
          Watch the access token expire, then act: requests refresh it once and carry on.
        </p>
      </header>
      <app-refresh-notice-banner />
      <div class="grid">
        <app-session-card />
        <app-server-stats-card />
        <app-burst-card />
        <app-faults-card />
        <app-partner-card />
        <app-guide-card />
        <app-request-log-card />
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .grid > * {
      display: contents;
    }
  `,
})
export class DashboardPage {
  private readonly _monitor = inject(ServerMonitor);
  private readonly _log = inject(RequestLog);

  constructor() {
    // Reload the counters whenever a request settles (coalesced), and once at start.
    effect(() => {
      this._log.settledCount();
      untracked(() => this._monitor.scheduleReload());
    });
  }
}
