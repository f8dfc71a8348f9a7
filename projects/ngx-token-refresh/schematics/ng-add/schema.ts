/** The options of `ng add ngx-token-refresh`, as described by `schema.json`. */
export interface NgAddOptions {
  /** The application to set up; the CLI fills in the current project. */
  project?: string;
  refreshUrl: string;
  loginUrl: string;
  storage: 'memory' | 'session' | 'local';
}
