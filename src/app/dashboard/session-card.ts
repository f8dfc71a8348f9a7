import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { DPOP_ENABLED } from '../core/dpop-preference';
import { decodeJwtClaims } from '../core/jwt-claims';
import { OIDC_SETTINGS } from '../core/oidc-settings';
import { RequestLog } from '../core/request-log';
import { readStoragePreference } from '../core/storage-preference';
import { SessionBadge } from './session-badge';

/**
 * Live session facts: status, refresh lock, time left on the access token, its generation, its
 * type and the DPoP key it is bound to.
 */
@Component({
  selector: 'app-session-card',
  imports: [SessionBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-card.html',
  styleUrl: './session-card.css',
})
export class SessionCard {
  private readonly _tokens = inject(TokenService);
  private readonly _destroyRef = inject(DestroyRef);
  private readonly _log = inject(RequestLog);
  private readonly _now = signal(Date.now());

  protected readonly isRefreshing = this._tokens.isRefreshing;
  protected readonly expiresAt = this._tokens.expiresAt;
  protected readonly storage =
    inject(OIDC_SETTINGS) !== null || readStoragePreference() === 'session'
      ? 'sessionStorage'
      : 'Memory only';
  protected readonly claims = computed(() => decodeJwtClaims(this._tokens.accessToken()));
  protected readonly dpop = inject(DPOP_ENABLED);
  /**
   * How the token goes out: the scheme of the latest request that carried it, else what its
   * claims say (a `cnf.jkt` binds it to a DPoP key).
   */
  protected readonly tokenType = computed(() => {
    const sent = this._log.entries().find((entry) => entry.scheme !== null)?.scheme;
    if (sent) return sent;
    const claims = this.claims();
    return claims ? (claims.cnf?.jkt ? 'DPoP' : 'Bearer') : null;
  });
  /** Whole seconds until expiry (negative once expired), `null` without a known expiry. */
  protected readonly secondsLeft = computed(() => {
    const expiresAt = this.expiresAt();
    return expiresAt === null ? null : Math.ceil((expiresAt - this._now()) / 1000);
  });
  /** Share of the token's lifetime still left, for the progress bar (0..100). */
  protected readonly percentLeft = computed(() => {
    const { iat, exp } = this.claims() ?? {};
    const expiresAt = this.expiresAt();
    if (expiresAt === null || iat === undefined || exp === undefined || exp <= iat) return 0;
    const share = (expiresAt - this._now()) / ((exp - iat) * 1000);
    return Math.round(Math.min(Math.max(share, 0), 1) * 100);
  });

  constructor() {
    const timer = setInterval(() => this._now.set(Date.now()), 1000);
    this._destroyRef.onDestroy(() => clearInterval(timer));
  }
}
