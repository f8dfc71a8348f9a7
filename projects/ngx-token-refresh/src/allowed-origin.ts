import { TokenRefreshConfigError } from './token-refresh-config-error';

/** An allowed origin: an exact origin (already normalized) or a pattern tested on the origin. */
export type OriginRule = string | RegExp;

/**
 * Normalizes the `allowedOrigins` option: each string must be an origin such as
 * `https://api.example.com` (scheme, host, optional port; case, default ports and a trailing
 * slash do not matter). Throws `TokenRefreshConfigError` naming the first entry that is not.
 */
export function parseAllowedOrigins(entries: readonly (string | RegExp)[]): OriginRule[] {
  return entries.map((entry, index) => {
    if (entry instanceof RegExp) {
      if (typeof ngDevMode === 'undefined' || ngDevMode) checkPattern(entry, index);
      return entry;
    }
    const origin = typeof entry === 'string' ? bareOrigin(entry) : null;
    if (origin === null) {
      throw new TokenRefreshConfigError(
        typeof ngDevMode === 'undefined' || ngDevMode
          ? `allowedOrigins[${index}] (${describeEntry(entry)}) is not an http(s) origin ` +
              `(scheme, host and optional port, no path, query, user or wildcard); write it as ` +
              `'https://api.example.com', or use a RegExp for patterns.`
          : `allowedOrigins[${index}]`,
      );
    }
    return origin;
  });
}

/**
 * Dev mode: refuses a pattern that would let other hosts in. It must match whole origins (each
 * alternative between `^` and `$`: `/example\.com/` also matches `https://example.com.evil.example`),
 * and a dot between letters must be literal (`/^https:\/\/api.example\.com$/` also matches
 * `https://apixexample.com`, which anyone can register).
 */
function checkPattern(rule: RegExp, index: number): void {
  // Escapes and character classes can hold `|`, `(`, `.` and `$` that mean nothing here.
  const bare = rule.source.replace(/\\./g, '_').replace(/\[[^\]]*\]/g, '_');
  const unanchored = topLevelAlternatives(bare).some((alt) => !/^\^.*\$$/.test(alt));
  const looseDot = /\w\.\w/.test(bare);
  if (!unanchored && !looseDot) return;
  throw new TokenRefreshConfigError(
    `allowedOrigins[${index}] (${rule}) ` +
      (unanchored
        ? 'is not anchored: it would also match origins that only contain a match, such as ' +
          'https://api.example.com.evil.example. Write each alternative between ^ and $.'
        : 'has a dot that matches any character between two letters: it would also match ' +
          'other hosts (api.example matches apixexample). Write \\. for a dot.') +
      ' For example /^https:\\/\\/[a-z0-9-]+\\.example\\.com$/.',
  );
}

/** The alternatives of a pattern's top level: `a|b` gives two, `^(a|b)$` one. */
function topLevelAlternatives(source: string): string[] {
  const alternatives = [''];
  let depth = 0;
  for (const char of source) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === '|' && depth === 0) alternatives.push('');
    else alternatives[alternatives.length - 1] += char;
  }
  return alternatives;
}

/** The entry for an error message; one with user info may hold a password: never shown. */
function describeEntry(entry: unknown): string {
  return typeof entry === 'string' && entry.includes('@')
    ? 'an origin with user info'
    : JSON.stringify(entry);
}

/** The normalized origin of an entry that is an http(s) origin and nothing more, else `null`. */
function bareOrigin(entry: string): string | null {
  let url: URL;
  // The URL constructor throws on input it cannot parse: such an entry is not an origin.
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const onlyOrigin =
    /^https?:$/.test(url.protocol) &&
    url.pathname === '/' &&
    !/[?#]/.test(entry) &&
    url.username === '' &&
    url.password === '' &&
    !entry.includes('*');
  return onlyOrigin ? url.origin : null;
}

/**
 * Whether a request to `url` may carry the token. The URL is resolved the way the browser will
 * send it (against `baseUrl`, the document's base URI), so relative URLs land on the page's
 * origin and tricks such as `//evil.example`, `https://api.example.com@evil.example/` or
 * backslashes land where the browser would really go. An unparsable URL is never allowed.
 */
export function isAllowedUrl(
  url: string,
  baseUrl: string,
  pageOrigin: string,
  rules: readonly OriginRule[],
): boolean {
  if (isPathOnly(url) && originOfPage(baseUrl) === pageOrigin) return true;
  const origin = originOf(url, baseUrl);
  if (origin === null || origin === 'null') return false;
  if (origin === pageOrigin) return true;
  return rules.some((rule) =>
    typeof rule === 'string' ? rule === origin : testRule(rule, origin),
  );
}

/**
 * A plain path such as `/api/x`: it stays on the base URL's origin. Not `//host` or `/\\host`,
 * and nothing with tabs, newlines or backslashes, which URL parsing removes or turns into `/`.
 */
const PATH_ONLY = /^\/(?![/\\])[^\t\n\r\\]*$/;

function isPathOnly(url: string): boolean {
  return PATH_ONLY.test(url);
}

let lastBase = '';
let lastBaseOrigin: string | null = null;

/** The origin of a page or base URL, parsed once per URL (it rarely changes), or `null`. */
export function originOfPage(baseUrl: string): string | null {
  if (baseUrl !== lastBase) {
    lastBase = baseUrl;
    lastBaseOrigin = originOf(baseUrl);
  }
  return lastBaseOrigin;
}

function testRule(rule: RegExp, origin: string): boolean {
  rule.lastIndex = 0;
  return rule.test(origin);
}

function originOf(url: string, base?: string): string | null {
  // The URL constructor throws on input it cannot parse: such a URL counts as not allowed.
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}
