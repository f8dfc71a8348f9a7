import { NgAddOptions } from './schema';

/** The options object literal for `provideTokenRefresh(...)`, single-quoted as the CLI writes. */
export function tokenRefreshOptionsCode({ refreshUrl, loginUrl, storage }: NgAddOptions): string {
  const quote = (text: string) =>
    `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  return `{ refreshUrl: ${quote(refreshUrl)}, loginUrl: ${quote(loginUrl)}, storage: ${quote(storage)} }`;
}
