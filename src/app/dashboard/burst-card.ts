import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { catchError, forkJoin, map, of } from 'rxjs';
import { API } from '../core/api-urls';
import { OIDC_SETTINGS } from '../core/oidc-settings';

const BURST_SIZE = 20;
/** The demo server has items 1 to 3. */
const ITEM_COUNT = 3;

interface BurstResult {
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * Fires 20 concurrent API calls: after expiry they must share one refresh. In the provider mode
 * they go to the provider's userinfo endpoint, a resource that takes its tokens.
 */
@Component({
  selector: 'app-burst-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" data-testid="burst-card">
      <header class="card__header">
        <h2 class="card__title">Concurrent requests</h2>
      </header>
      <p class="card__text">
        Sends {{ size }} parallel <code>GET {{ target }}</code
        >. With an expired token they wait for a single shared refresh.
      </p>
      <button
        type="button"
        class="btn btn--primary"
        data-testid="fire-20"
        [disabled]="running()"
        (click)="fire()"
      >
        Fire {{ size }} requests
      </button>
      <p
        class="summary"
        data-testid="burst-summary"
        [attr.data-state]="running() ? 'running' : result() ? 'done' : 'idle'"
        [attr.data-succeeded]="result()?.succeeded"
        [attr.data-failed]="result()?.failed"
        [attr.data-runs]="runs()"
      >
        @if (running()) {
          <span class="muted">Sending {{ size }} requests…</span>
        } @else if (result(); as r) {
          <span [class]="r.failed ? 'text-danger' : 'text-success'">
            {{ r.succeeded }} of {{ size }} succeeded
          </span>
          @if (r.failed) {
            <span class="muted"> · {{ r.failed }} failed</span>
          }
        } @else {
          <span class="muted">No requests fired yet.</span>
        }
      </p>
    </article>
  `,
})
export class BurstCard {
  private readonly _http = inject(HttpClient);
  private readonly _userinfo = inject(OIDC_SETTINGS)?.userinfoEndpoint ?? null;

  protected readonly size = BURST_SIZE;
  protected readonly target = this._userinfo ?? '/api/items/:id';
  protected readonly running = signal(false);
  protected readonly result = signal<BurstResult | null>(null);
  /** How many bursts have completed: lets a test wait for *its* burst. */
  protected readonly runs = signal(0);

  protected fire(): void {
    this.running.set(true);
    const calls = Array.from({ length: BURST_SIZE }, (_, index) =>
      this._http.get(this._userinfo ?? `${API.items}/${(index % ITEM_COUNT) + 1}`).pipe(
        map(() => true),
        catchError(() => of(false)),
      ),
    );
    forkJoin(calls).subscribe((outcomes) => {
      const succeeded = outcomes.filter(Boolean).length;
      this.result.set({ succeeded, failed: BURST_SIZE - succeeded });
      this.running.set(false);
      this.runs.update((runs) => runs + 1);
    });
  }
}
