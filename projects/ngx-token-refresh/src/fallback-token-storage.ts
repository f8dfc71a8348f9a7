import { isPlatformServer } from '@angular/common';
import { PLATFORM_ID, inject } from '@angular/core';
import { StoredTokens, asStoredTokens } from './stored-tokens';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenStorage, memoryTokenStorage, webTokenStorage } from './token-storage';

/**
 * The default `TOKEN_STORAGE`: the storage the options ask for, wrapped so that it never throws.
 * On the server every render starts without a session, in memory, without a warning: web storage
 * never exists there, and a `TokenStorage` of the options is one object shared by the renders of
 * every user. Runs in an injection context.
 */
export function createTokenStorage(): TokenStorage {
  const { storage, storageKey } = inject(TOKEN_REFRESH_CONFIG);
  if (storage === 'memory' || isPlatformServer(inject(PLATFORM_ID))) return memoryTokenStorage();
  if (typeof storage !== 'string') return new FallbackTokenStorage(storage, 'custom');
  return new FallbackTokenStorage(webTokenStorage(storage, storageKey), storage);
}

/**
 * Wraps a `TokenStorage` so that it never throws: the first failure (quota, storage disabled)
 * switches to memory for the rest of the page's life, with one console warning that names the
 * error but never a token. A failed write also removes what the storage held, so that no older
 * session outlives the switch. Stored data that is not a session (a `SyntaxError` on read) is
 * removed instead, and the storage kept.
 */
export class FallbackTokenStorage implements TokenStorage {
  private _storage: TokenStorage;
  private readonly _memory = memoryTokenStorage();

  constructor(
    storage: TokenStorage,
    private readonly _label: string,
  ) {
    this._storage = storage;
  }

  read(): StoredTokens | null {
    return this._attempt('read', () => this._validated(this._storage.read()), null);
  }

  write(tokens: StoredTokens): void {
    this._memory.write(tokens);
    this._attempt('write', () => this._storage.write(tokens), undefined);
  }

  remove(): void {
    this._memory.remove();
    this._attempt('remove', () => this._storage.remove(), undefined);
  }

  /** A read result that is not a session (wrong shape, a Promise) counts as a failed read. */
  private _validated(value: unknown): StoredTokens | null {
    if (value === null || value === undefined) return null;
    const tokens = asStoredTokens(value);
    if (!tokens) {
      // The warning names only the error: the message is for debugging in dev mode.
      throw new TypeError(
        typeof ngDevMode === 'undefined' || ngDevMode
          ? 'read() returned something that is not StoredTokens'
          : '',
      );
    }
    return tokens;
  }

  private _attempt<T>(operation: string, run: () => T, fallback: T): T {
    if (this._storage === this._memory) return run();
    // Storage can throw for reasons outside the app's control; memory keeps the app working.
    try {
      return run();
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      // Unreadable data, not the storage, failed: dropped, the storage stays if it can drop it.
      // An older session must not outlive a failed write (to come back on reload, or after logout).
      const kept = name === 'SyntaxError' && operation === 'read' && removed(this._storage);
      if (operation === 'write') removed(this._storage);
      if (!kept) this._storage = this._memory;
      console.warn(
        typeof ngDevMode === 'undefined' || ngDevMode
          ? `ngx-token-refresh: ${this._label} storage failed to ${operation} (${name}); ` +
              (kept
                ? 'the unreadable value was removed.'
                : 'tokens are kept in memory for this page only.')
          : `ngx-token-refresh: ${this._label} storage ${operation} failed (${name})`,
      );
      return fallback;
    }
  }
}

/** Removes what `storage` holds; whether it could (it has failed once already). */
function removed(storage: TokenStorage): boolean {
  try {
    storage.remove();
    return true;
  } catch {
    return false;
  }
}
