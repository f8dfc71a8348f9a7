import { NgAddOptions } from './schema';

/** The options object literal for `provideTokenRefresh(...)`, in the project's code style. */
export function tokenRefreshOptionsCode(options: NgAddOptions): string {
  const { refreshUrl, loginUrl, storage } = options;
  return `{ refreshUrl: ${quote(refreshUrl)}, loginUrl: ${quote(loginUrl)}, storage: ${quote(storage)} }`;
}

/** A single-quoted TypeScript string literal for any text. */
function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}
