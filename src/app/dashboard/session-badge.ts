import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';

type BadgeState = 'authenticated' | 'refreshing' | 'expired' | 'anonymous';

const LABELS: Record<BadgeState, string> = {
  authenticated: 'Authenticated',
  refreshing: 'Refreshing…',
  expired: 'Expired',
  anonymous: 'Signed out',
};

const TONES: Record<BadgeState, string> = {
  authenticated: 'success',
  refreshing: 'warning',
  expired: 'danger',
  anonymous: 'neutral',
};

/** The session status as a coloured badge; amber while the refresh lock is held. */
@Component({
  selector: 'app-session-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="badge badge--{{ tone() }}"
      data-testid="session-status"
      [attr.data-status]="state()"
      [attr.data-session-status]="status()"
    >
      <span class="badge__dot" aria-hidden="true"></span>{{ label() }}
    </span>
  `,
})
export class SessionBadge {
  private readonly _tokens = inject(TokenService);

  protected readonly status = this._tokens.status;
  protected readonly state = computed<BadgeState>(() =>
    this._tokens.isRefreshing() ? 'refreshing' : this._tokens.status(),
  );
  protected readonly label = computed(() => LABELS[this.state()]);
  protected readonly tone = computed(() => TONES[this.state()]);
}
