import { OidcSettings } from './oidc-settings';

/** What one authorization request is made of (RFC 6749 section 4.1.1 with PKCE). */
export interface AuthorizationRequest {
  readonly redirectUri: string;
  readonly state: string;
  /** The PKCE `S256` challenge of the verifier kept for the code exchange. */
  readonly codeChallenge: string;
}

/** The provider's authorization URL for the authorization code flow with PKCE. */
export function authorizationUrl(settings: OidcSettings, request: AuthorizationRequest): string {
  const url = new URL(settings.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: request.redirectUri,
    scope: settings.scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** The form of the code exchange at the token endpoint (RFC 6749 section 4.1.3, RFC 7636). */
export function codeExchangeForm(
  settings: OidcSettings,
  { code, redirectUri, codeVerifier }: { code: string; redirectUri: string; codeVerifier: string },
): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: settings.clientId,
    code_verifier: codeVerifier,
  }).toString();
}
