/** Where the demo keeps its own setting (not the tokens): which token storage to use. */
const PREFERENCE_KEY = 'ngx-token-refresh-demo.storage';

/** The token storage the user picked on the login page. */
export type StoragePreference = 'memory' | 'session';

/** Reads the preference at bootstrap; anything unexpected (or no localStorage) means memory. */
export function readStoragePreference(): StoragePreference {
  try {
    return globalThis.localStorage?.getItem(PREFERENCE_KEY) === 'session' ? 'session' : 'memory';
  } catch {
    return 'memory';
  }
}

/** Saves the preference; it takes effect on the next page load. */
export function writeStoragePreference(preference: StoragePreference): void {
  try {
    globalThis.localStorage?.setItem(PREFERENCE_KEY, preference);
  } catch {
    // Storage disabled: the demo simply keeps using memory.
  }
}
