/** Where `provideTokenRefresh` keeps the tokens, as `ng add` offers it. */
export type StorageKind = 'memory' | 'session' | 'local';

/** The options of `ng add ngx-token-refresh`, as described by `schema.json`. */
export interface NgAddOptions {
  /** The application to set up; the CLI fills in the current or only project. */
  project?: string;
  /** The refresh endpoint given to `provideTokenRefresh`. */
  refreshUrl: string;
  /** Where `sessionGuard` sends users without a session. */
  loginUrl: string;
  /** Where the tokens live. */
  storage: StorageKind;
}
