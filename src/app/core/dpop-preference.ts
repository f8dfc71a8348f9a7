import { InjectionToken } from '@angular/core';

/** Where the demo keeps its own setting (not the key): whether to bind tokens with DPoP. */
const PREFERENCE_KEY = 'ngx-token-refresh-demo.dpop';

/** Reads the preference at bootstrap; anything but `'on'` (or no localStorage) means off. */
export function readDpopPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(PREFERENCE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Saves the preference; it takes effect on the next page load. */
export function writeDpopPreference(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(PREFERENCE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage disabled: the demo simply keeps sending Bearer tokens.
  }
}

/** Whether this page load runs with `withDpop()` (read once at bootstrap, in app.config.ts). */
export const DPOP_ENABLED = new InjectionToken<boolean>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'DPOP_ENABLED' : '',
  { factory: () => false },
);
