import { isText } from './is-text';
import { TokenRefreshConfigError } from './token-refresh-config-error';
import { TokenEndpointOptions } from './token-endpoint-options';
import { TokenRefreshFeature } from './token-refresh-feature';
import { TokenRefreshOptions } from './token-refresh-options';
import { TokenStorage } from './token-storage';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Every option `provideTokenRefresh` reads (a key missing here fails to compile). */
const OPTIONS: Record<keyof TokenRefreshOptions, true> = {
  refreshUrl: true,
  tokenEndpoint: true,
  refresh: true,
  allowedOrigins: true,
  loginUrl: true,
  leewaySeconds: true,
  storage: true,
  storageKey: true,
  shouldRefresh: true,
  headerName: true,
  authScheme: true,
  refreshTokenInCookie: true,
  crossTab: true,
  refreshTimeoutMs: true,
};

/** Every field of `tokenEndpoint`. */
const ENDPOINT_FIELDS: Record<keyof TokenEndpointOptions, true> = {
  url: true,
  clientId: true,
  scope: true,
  params: true,
};

/**
 * Checks the options in dev mode (production builds drop this file): throws
 * `TokenRefreshConfigError` naming the first option that is missing, malformed or contradicts
 * another. `allowedOrigins` entries are checked where they are parsed.
 */
export function validateOptions(options: TokenRefreshOptions): void {
  if (typeof options !== 'object' || options === null) {
    fail('provideTokenRefresh() needs an options object such as { refreshUrl: "/api/refresh" }.');
  }
  checkKeys(options, OPTIONS, 'option');
  const { refreshUrl, refresh, tokenEndpoint, storage = 'memory' } = options;
  const ways = (['refreshUrl', 'tokenEndpoint', 'refresh'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (ways.length !== 1) {
    const got = ways.length ? `got ${ways.map((key) => `\`${key}\``).join(' and ')}` : 'got none';
    fail(`give exactly one of \`refreshUrl\`, \`tokenEndpoint\` and \`refresh\`, ${got}.`);
  }
  if (tokenEndpoint !== undefined) validateTokenEndpoint(tokenEndpoint, options);
  if (refreshUrl !== undefined && !isText(refreshUrl)) {
    fail('`refreshUrl` must be a non-empty URL string such as "/api/auth/refresh".');
  }
  if (refresh !== undefined && !isFunction(refresh)) {
    fail('`refresh` must be a function (refreshToken) => Observable<TokenPair> | Promise.');
  }
  if (!['memory', 'session', 'local'].includes(storage as string) && !isTokenStorage(storage)) {
    fail("`storage` must be 'memory', 'session', 'local' or a TokenStorage (read/write/remove).");
  }
  check(options, 'refreshTokenInCookie', 'a boolean', isBool);
  check(options, 'allowedOrigins', 'an array of origins', Array.isArray);
  check(options, 'loginUrl', "a path of this app such as '/login', not a full URL", isAppPath);
  check(options, 'leewaySeconds', 'a finite number >= 0', isCount);
  check(options, 'storageKey', 'a non-empty string', isText);
  check(options, 'shouldRefresh', 'a function', isFunction);
  check(options, 'headerName', 'an HTTP header name', (v) => isText(v) && HEADER_NAME.test(v));
  // A header value cannot hold these: every request with the token would fail to send.
  check(options, 'authScheme', 'a string without line breaks or NUL', isHeaderText);
  // Timers overflow beyond 2^31 - 1 ms, and the cross-tab lock waits twice the timeout.
  check(options, 'refreshTimeoutMs', 'a number > 0 and at most 1e9 (11.6 days)', isTimeout);
  check(options, 'crossTab', 'a boolean', isBool);
}

/** Checks the features in dev mode: each one a feature such as `withDpop()`, none twice. */
export function validateFeatures(features: readonly TokenRefreshFeature[]): void {
  const seen = new Set<string>();
  for (const feature of features) {
    if (typeof feature?.ɵkind !== 'string' || !Array.isArray(feature.ɵproviders)) {
      fail('features must be results of calls such as `withDpop()`, not the functions.');
    }
    if (seen.has(feature.ɵkind)) fail(`the feature \`${feature.ɵkind}\` is given twice.`);
    seen.add(feature.ɵkind);
  }
}

const RESERVED_FIELDS = ['grant_type', 'refresh_token', 'client_id', 'scope'];

function validateTokenEndpoint(endpoint: TokenEndpointOptions, options: TokenRefreshOptions) {
  const example = "{ url: 'https://auth.example.com/oauth/token', clientId: 'spa' }";
  if (typeof endpoint !== 'object' || endpoint === null || Array.isArray(endpoint)) {
    fail(`\`tokenEndpoint\` must be an object such as ${example}.`);
  }
  checkKeys(endpoint, ENDPOINT_FIELDS, 'field of `tokenEndpoint`');
  if (!isText(endpoint.url)) fail(`\`tokenEndpoint.url\` must be a non-empty URL string.`);
  if (!isText(endpoint.clientId)) fail('`tokenEndpoint.clientId` must be a non-empty string.');
  if (endpoint.scope !== undefined && typeof endpoint.scope !== 'string') {
    fail('`tokenEndpoint.scope` must be a string such as "openid offline_access".');
  }
  const params: unknown = endpoint.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    fail('`tokenEndpoint.params` must be an object of form fields.');
  }
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') fail(`\`tokenEndpoint.params.${name}\` must be a string.`);
    if (RESERVED_FIELDS.includes(name)) {
      fail(`\`tokenEndpoint.params\` cannot set \`${name}\`: the library sends it.`);
    }
  }
  if (options.refreshTokenInCookie) {
    fail(
      '`tokenEndpoint` sends the refresh token in the form body; it cannot be combined with ' +
        '`refreshTokenInCookie` (use `refreshUrl` or `refresh` for a cookie).',
    );
  }
}

/**
 * Fails on a key that is not in `known`, a typo that would otherwise be ignored: names it, and the
 * key it likely meant (same letters but for case, `_` and `-`).
 */
function checkKeys(value: object, known: Record<string, true>, what: string): void {
  const plain = (key: string) => key.replace(/[_-]/g, '').toLowerCase();
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(known, key)) continue;
    const meant = Object.keys(known).find((name) => plain(name) === plain(key));
    const hint = meant ? `did you mean \`${meant}\`?` : `known: ${Object.keys(known).join(', ')}.`;
    fail(`unknown ${what} \`${key}\`; ${hint}`);
  }
}

function check(
  options: TokenRefreshOptions,
  key: keyof TokenRefreshOptions,
  expected: string,
  isValid: (value: unknown) => boolean,
): void {
  const value = options[key];
  if (value !== undefined && !isValid(value)) {
    const got = typeof value === 'number' ? value : JSON.stringify(value); // Infinity, NaN too
    fail(`\`${key}\` must be ${expected}, got ${got}.`);
  }
}

function fail(message: string): never {
  throw new TokenRefreshConfigError(message);
}

const isBool = (v: unknown) => typeof v === 'boolean';
const isFunction = (v: unknown) => typeof v === 'function';
const isHeaderText = (v: unknown) => typeof v === 'string' && !/[\0\r\n]/.test(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTimeout = (v: unknown) => typeof v === 'number' && v > 0 && v <= 1e9;
// The router parses 'https://host/login' as the path '/https:' and '//host/x' as '/host/x'.
const isAppPath = (v: unknown) => isText(v) && !/^(?:[a-z][a-z\d+.-]*:|[/\\]{2})/i.test(v);

function isTokenStorage(value: unknown): value is TokenStorage {
  const storage = value as Partial<TokenStorage> | null;
  return (
    typeof storage === 'object' &&
    storage !== null &&
    typeof storage.read === 'function' &&
    typeof storage.write === 'function' &&
    typeof storage.remove === 'function'
  );
}
