import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DEFAULT_PARTNER_URL } from '../core/api-urls';
import { RequestLog } from '../core/request-log';

const PARTNER_PATH = '/v1/quotes?from=relay';

interface PartnerResult {
  readonly status: number;
  /** Whether the request that left the app carried an Authorization header. */
  readonly authorized: boolean;
}

/**
 * Calls an API on another origin. The library must not attach the token there: only the page's
 * own origin (and `allowedOrigins`, empty in this demo) may receive it.
 */
@Component({
  selector: 'app-partner-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partner-card.html',
})
export class PartnerCard {
  private readonly _http = inject(HttpClient);
  private readonly _log = inject(RequestLog);

  /** Defaults to `?partner=<origin>` on the dashboard URL, else the recorder of `npm start`. */
  protected readonly partnerUrl = signal(
    inject(ActivatedRoute).snapshot.queryParamMap.get('partner') ?? DEFAULT_PARTNER_URL,
  );
  protected readonly busy = signal(false);
  protected readonly result = signal<PartnerResult | null>(null);

  protected call(): void {
    const url = this.partnerUrl().trim().replace(/\/+$/, '') + PARTNER_PATH;
    this.busy.set(true);
    this.result.set(null);
    const done = (status: number) => {
      const sent = this._log.entries().find((entry) => entry.url === url);
      this.result.set({ status, authorized: sent?.authorized ?? false });
      this.busy.set(false);
    };
    this._http.get(url).subscribe({
      next: () => done(200),
      error: (error: unknown) => done(error instanceof HttpErrorResponse ? error.status : 0),
    });
  }
}
