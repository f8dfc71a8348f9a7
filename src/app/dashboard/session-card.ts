import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { decodeJwtClaims } from '../core/jwt-claims';
import { readStoragePreference } from '../core/storage-preference';
import { SessionBadge } from './session-badge';

/** Live session facts: status, refresh lock, time left on the access token, its generation. */
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
  private readonly _now = signal(Date.now());

  protected readonly isRefreshing = this._tokens.isRefreshing;
  protected readonly expiresAt = this._tokens.expiresAt;
  protected readonly storage =
    readStoragePreference() === 'session' ? 'sessionStorage' : 'Memory only';
  protected readonly claims = computed(() => decodeJwtClaims(this._tokens.accessToken()));
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
