import { isPlatformServer } from '@angular/common';
import { InjectionToken, PLATFORM_ID, Provider, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { BroadcastTabSync } from './broadcast-tab-sync';
import { StoredTokens } from './stored-tokens';
import { TabChannel } from './tab-channel';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenPair } from './token-pair';

/** News about the session that one tab tells the others (`signIn`: tokens of a sign-in). */
export type TabNews =
  | { readonly type: 'tokens'; readonly tokens: StoredTokens; readonly signIn?: boolean }
  | { readonly type: 'logout' | 'expired' };

/**
 * How this tab shares its session with the other tabs of the origin. The refresher tells it what
 * changed and runs refreshes through it; it reports what other tabs changed.
 */
export interface TabSync {
  /** Settles once a new tab has heard from the open tabs (or found none); `null` once it has. */
  joining(): Promise<void> | null;
  /** Tells the other tabs what changed in this one. */
  announce(news: TabNews): void;
  /** Calls `handler` with each piece of news from another tab that is newer than this tab's. */
  listen(handler: (news: TabNews) => void): void;
  /**
   * Runs `refresh` so that one tab of the origin refreshes at a time, waiting at most
   * `timeoutMs` for its turn; news of another tab's refresh that arrives meanwhile settles the
   * caller's flight instead (it unsubscribes, and `refresh` never runs).
   */
  locked(refresh: () => Observable<TokenPair>, timeoutMs: number): Observable<TokenPair>;
}

/** The sync of a tab on its own: SSR, `crossTab: false`, browsers without the APIs, specs. */
export class SingleTabSync implements TabSync {
  joining(): null {
    return null;
  }
  announce(): void {}
  listen(): void {}
  locked(refresh: () => Observable<TokenPair>): Observable<TokenPair> {
    return refresh();
  }
}

/**
 * The tab sync `provideTokenRefresh` provides: across tabs with `crossTab` where the browser has
 * Web Locks and BroadcastChannel, otherwise (and always on the server) a single tab's.
 * Specs replace it with `ɵprovideSingleTabSync()`.
 */
export const TAB_SYNC = new InjectionToken<TabSync>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'TAB_SYNC' : '',
);

/** The default `TAB_SYNC`; runs in an injection context. */
export function createTabSync(): TabSync {
  const { crossTab, storageKey } = inject(TOKEN_REFRESH_CONFIG);
  const channel =
    crossTab && !isPlatformServer(inject(PLATFORM_ID)) ? TabChannel.open(storageKey) : null;
  return channel ? new BroadcastTabSync(channel) : new SingleTabSync();
}

/**
 * Private API for `ngx-token-refresh/testing` and the library's own specs: this tab works on its
 * own and its refreshes settle synchronously, whatever `crossTab` says.
 */
export function ɵprovideSingleTabSync(): Provider {
  return { provide: TAB_SYNC, useClass: SingleTabSync };
}
