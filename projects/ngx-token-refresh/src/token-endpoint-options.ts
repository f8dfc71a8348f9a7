/**
 * An OAuth 2 token endpoint (RFC 6749) for the `tokenEndpoint` option: the library refreshes
 * with the `refresh_token` grant there (section 6), as a public client identified by `clientId`.
 *
 * @usageNotes
 * ```ts
 * import { TokenEndpointOptions, provideTokenRefresh } from 'ngx-token-refresh';
 *
 * const tokenEndpoint: TokenEndpointOptions = {
 *   url: 'https://auth.example.com/oauth/token',
 *   clientId: 'spa',
 * };
 * provideTokenRefresh({ tokenEndpoint });
 * ```
 */
export interface TokenEndpointOptions {
  /** The token endpoint's URL, e.g. Keycloak's `.../protocol/openid-connect/token`. */
  url: string;
  /** The client's `client_id`, sent with every refresh. */
  clientId: string;
  /** A `scope` to ask for on refresh (space-separated); absent or `''`: the grant's scope stays. */
  scope?: string;
  /**
   * More form fields the server wants, e.g. `{ audience: 'https://api.example.com' }`. They
   * cannot replace `grant_type`, `refresh_token`, `client_id` or `scope`.
   */
  params?: Record<string, string>;
}
