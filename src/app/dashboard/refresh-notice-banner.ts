import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { RefreshNotice } from '../core/refresh-notice';

/** Tells the user that a refresh failed transiently while the session is still alive. */
@Component({
  selector: 'app-refresh-notice-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure(); as f) {
      <div
        class="alert alert--warning banner"
        role="status"
        data-testid="refresh-failed-notice"
        [attr.data-cause]="f.cause"
      >
        <span>
          <strong>Refresh failed ({{ f.cause }})</strong> — you are still signed in; the next action
          will retry.
        </span>
        <button type="button" class="btn btn--ghost btn--small" (click)="dismiss()">Dismiss</button>
      </div>
    }
  `,
})
export class RefreshNoticeBanner {
  private readonly _notice = inject(RefreshNotice);
  private readonly _tokens = inject(TokenService);

  protected readonly failure = computed(() =>
    this._tokens.status() === 'authenticated' ? this._notice.failure() : null,
  );

  protected dismiss(): void {
    this._notice.dismiss();
  }
}
