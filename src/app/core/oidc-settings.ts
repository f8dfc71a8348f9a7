import { InjectionToken } from '@angular/core';

/**
 * The demo's "OpenID provider" mode: sign in at an OAuth 2 / OpenID provider (authorization
 * code + PKCE, as a public client) instead of the demo server, refresh at its token endpoint.
 * Written to localStorage under `ngx-token-refresh-demo.oidc` (by hand or by a test) from the
 * provider's discovery document, read once at bootstrap.
 */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  /** A resource that takes the provider's tokens: the dashboard's requests go there. */
  readonly userinfoEndpoint: string;
  /** The scope to ask for. @default 'openid' */
  readonly scope: string;
}

export const OIDC_SETTINGS_KEY = 'ngx-token-refresh-demo.oidc';

/** The settings in `text` (JSON), or `null` when it is absent or not complete and http(s). */
export function parseOidcSettings(text: string | null): OidcSettings | null {
  let value: unknown;
  // JSON.parse throws on text that is not JSON: such an entry counts as absent.
  try {
    value = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  const urls = ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'userinfoEndpoint'] as const;
  if (!urls.every((name) => isHttpUrl(entry[name]))) return null;
  const { clientId, scope = 'openid' } = entry;
  if (typeof clientId !== 'string' || clientId === '' || typeof scope !== 'string') return null;
  return {
    issuer: entry['issuer'] as string,
    clientId,
    authorizationEndpoint: entry['authorizationEndpoint'] as string,
    tokenEndpoint: entry['tokenEndpoint'] as string,
    userinfoEndpoint: entry['userinfoEndpoint'] as string,
    scope,
  };
}

/** Reads the settings at bootstrap; `null` (the demo server's own login) without a valid entry. */
export function readOidcSettings(): OidcSettings | null {
  try {
    return parseOidcSettings(globalThis.localStorage?.getItem(OIDC_SETTINGS_KEY) ?? null);
  } catch {
    return null;
  }
}

/** The provider mode's settings for this page load, or `null` (provided in app.config.ts). */
export const OIDC_SETTINGS = new InjectionToken<OidcSettings | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'OIDC_SETTINGS' : '',
  { factory: () => null },
);

function isHttpUrl(value: unknown): value is string {
  // The URL constructor throws on text it cannot parse: not a URL.
  try {
    return typeof value === 'string' && /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
