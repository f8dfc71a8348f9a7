import { InjectionToken } from '@angular/core';
import { StoredTokens, asStoredTokens } from './stored-tokens';

/**
 * Where the session lives between requests and page loads. The library reads it once at start
 * and writes it only when the tokens change, never per request. Implement it to keep tokens
 * somewhere else (for example an encrypted store); a method that throws makes the library fall
 * back to memory with one console warning.
 *
 * @usageNotes
 * ```ts
 * import { provideTokenRefresh, StoredTokens, TokenStorage } from 'ngx-token-refresh';
 *
 * class MyStorage implements TokenStorage {
 *   private value: StoredTokens | null = null;
 *   read() { return this.value; }
 *   write(tokens: StoredTokens) { this.value = tokens; }
 *   remove() { this.value = null; }
 * }
 * provideTokenRefresh({ refreshUrl: '/api/auth/refresh', storage: new MyStorage() });
 * ```
 */
export interface TokenStorage {
  /** Returns the stored session, or `null` when there is none. */
  read(): StoredTokens | null;
  /** Stores the session, replacing any previous one. */
  write(tokens: StoredTokens): void;
  /** Forgets the session. */
  remove(): void;
}

/**
 * The storage the session lives in. `provideTokenRefresh` provides it from the `storage` option,
 * wrapped so that it never throws; a spec can provide its own after `provideTokenRefresh`.
 *
 * @usageNotes
 * ```ts
 * import { TOKEN_STORAGE, provideTokenRefresh } from 'ngx-token-refresh';
 *
 * TestBed.configureTestingModule({
 *   providers: [
 *     provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }),
 *     { provide: TOKEN_STORAGE, useValue: fakeStorage },
 *   ],
 * });
 * ```
 */
export const TOKEN_STORAGE = new InjectionToken<TokenStorage>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'TOKEN_STORAGE' : '',
);

/** A `TokenStorage` that keeps the session in this page's memory only (the default). */
export function memoryTokenStorage(): TokenStorage {
  let value: StoredTokens | null = null;
  return {
    read: () => value,
    write: (tokens) => (value = tokens),
    remove: () => (value = null),
  };
}

/**
 * A `TokenStorage` on `sessionStorage` or `localStorage`, as JSON under `key`. It throws when the
 * storage is missing (server-side rendering) or disabled; stored text that is not a session is
 * reported as `SyntaxError`.
 */
export function webTokenStorage(kind: 'session' | 'local', key: string): TokenStorage {
  const area = (): Storage => {
    const storage = kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
    // The fallback reports only the error's name: the message is for debugging in dev mode.
    if (!storage) {
      throw new ReferenceError(
        typeof ngDevMode === 'undefined' || ngDevMode ? `${kind}Storage is not defined` : '',
      );
    }
    return storage;
  };
  return {
    read() {
      const text = area().getItem(key);
      if (text === null) return null;
      const tokens = asStoredTokens(JSON.parse(text));
      if (!tokens) {
        throw new SyntaxError(
          typeof ngDevMode === 'undefined' || ngDevMode
            ? `the value under "${key}" is not a stored session`
            : '',
        );
      }
      return tokens;
    },
    write: (tokens) => area().setItem(key, JSON.stringify(tokens)),
    remove: () => area().removeItem(key),
  };
}
