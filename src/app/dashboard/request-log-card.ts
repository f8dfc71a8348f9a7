import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { API } from '../core/api-urls';
import { LoggedRequest, RequestLog } from '../core/request-log';

/** The app's request log as a table: what left the app, with which token, and the outcome. */
@Component({
  selector: 'app-request-log-card',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-log-card.html',
  styleUrl: './request-log-card.css',
})
export class RequestLogCard {
  private readonly _log = inject(RequestLog);

  protected readonly entries = this._log.entries;
  protected readonly refreshUrl = API.refresh;

  protected clear(): void {
    this._log.clear();
  }

  protected tone(entry: LoggedRequest): string {
    const { status } = entry;
    if (status === null || status === 'cancelled') return 'neutral';
    if (status === 401) return 'warning';
    return status >= 200 && status < 400 ? 'success' : 'danger';
  }

  protected statusText(entry: LoggedRequest): string {
    const { status } = entry;
    if (status === null) return 'pending';
    if (status === 'cancelled') return 'cancelled';
    return status === 0 ? 'network error' : String(status);
  }
}
