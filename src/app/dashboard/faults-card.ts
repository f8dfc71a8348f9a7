import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FaultSettings, ServerMonitor } from '../core/server-monitor';

const LATENCY_MS = 1000;
const OUTAGE_MS = 5000;

/** Fault-injection switches of the test-mode server (POST /api/_faults). */
@Component({
  selector: 'app-faults-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './faults-card.html',
  styleUrl: './faults-card.css',
})
export class FaultsCard {
  private readonly _monitor = inject(ServerMonitor);

  protected readonly available = this._monitor.faultsAvailable;
  protected readonly outageSeconds = OUTAGE_MS / 1000;
  protected readonly latencySeconds = LATENCY_MS / 1000;
  private readonly _faults = computed(() => this._monitor.faults());
  protected readonly fail500 = computed(() => this._pending('500'));
  protected readonly drop = computed(() => this._pending('drop'));
  protected readonly unavailable = computed(() => this._faults()?.refreshUnavailable ?? false);
  protected readonly latency = computed(() => (this._faults()?.latencyMs ?? 0) > 0);

  protected toggleFailure(mode: FaultSettings['failMode'], event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this._monitor.setFaults(
      on ? { failNextRefreshes: 1, failMode: mode } : { failNextRefreshes: 0 },
    );
  }

  protected toggleUnavailable(event: Event): void {
    this._monitor.setFaults({ refreshUnavailable: (event.target as HTMLInputElement).checked });
  }

  protected toggleLatency(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this._monitor.setFaults({ latencyMs: on ? LATENCY_MS : 0 });
  }

  protected takeDown(): void {
    this._monitor.setFaults({ downForMs: OUTAGE_MS });
  }

  private _pending(mode: FaultSettings['failMode']): boolean {
    const faults = this._faults();
    return !!faults && faults.failNextRefreshes > 0 && faults.failMode === mode;
  }
}
