// Test helper: oidc-provider (panva's OpenID Certified server, v9) on a free port of 127.0.0.1,
// set up for a browser app that signs in with the authorization code flow + PKCE as a public
// client and holds DPoP-bound (RFC 9449), rotating refresh tokens. Shared by
// server/oidc-provider.test.mjs (a Node client) and e2e/oidc-interop.spec.ts (the demo app).
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** The public client the app signs in as. */
export const SPA_CLIENT_ID = 'demo-spa';
/** A confidential client standing for a resource server: it may introspect the SPA's tokens. */
export const INTROSPECTION_CLIENT = {
  id: 'resource-server',
  secret: randomBytes(16).toString('hex'),
};
/** The only account; the sign-in page signs it in without a password. */
export const ACCOUNT_ID = 'demo';

/**
 * Starts the provider. `redirectOrigin` is the app's origin: the client's redirect_uri is
 * `<redirectOrigin>/callback` and CORS is allowed for that origin only. Every DPoP proof must
 * carry the provider's nonce; access tokens (opaque) live `accessTtlS` seconds; each refresh
 * rotates the refresh token.
 * @param {{ redirectOrigin: string, accessTtlS?: number }} options
 * @returns {Promise<OidcProvider>}
 *
 * @typedef {{ method: string, path: string, status: number, grantType?: string,
 *   proof: boolean, proofNonce: boolean, proofIatAheadS?: number, error?: string,
 *   token?: string }} OidcRequest
 * @typedef {{ url: string, issuer: string, clientId: string, redirectUri: string,
 *   authorizationEndpoint: string, tokenEndpoint: string, userinfoEndpoint: string,
 *   introspectionEndpoint: string, provider: Provider, requests: OidcRequest[],
 *   introspect: (token: string) => Promise<Record<string, any>>, stop: () => Promise<void> }} OidcProvider
 */
export async function startOidcProvider({ redirectOrigin, accessTtlS = 10 }) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const redirectUri = `${redirectOrigin}/callback`;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test', alg: 'ES256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: SPA_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        dpop_bound_access_tokens: true,
      },
      {
        client_id: INTROSPECTION_CLIENT.id,
        client_secret: INTROSPECTION_CLIENT.secret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [signingKey] },
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    findAccount: (ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, name: 'Demo User' }),
    }),
    features: {
      devInteractions: { enabled: false },
      introspection: {
        enabled: true,
        allowedPolicy: (ctx, client) => client.clientId === INTROSPECTION_CLIENT.id,
      },
      revocation: { enabled: true },
      dPoP: {
        enabled: true,
        nonceSecret: randomBytes(32),
        requireNonce: () => true,
      },
    },
    pkce: { required: () => true },
    clientBasedCORS: (ctx, origin) => origin === redirectOrigin,
    // A refresh token for every code grant of the SPA (no offline_access consent dance), living
    // independently of the provider's browser session, rotated on each use.
    issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: () => false,
    rotateRefreshToken: true,
    ttl: {
      AccessToken: accessTtlS,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  });

  /** Every request the provider answered (not preflights), in order. */
  const requests = [];
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.method === 'OPTIONS') return;
    const proof = ctx.get('DPoP');
    const claims = proof === '' ? null : proofClaims(proof);
    const token = /^\S+ (\S+)$/.exec(ctx.get('authorization'))?.[1];
    requests.push({
      method: ctx.method,
      path: ctx.path,
      status: ctx.status,
      grantType: ctx.oidc?.params?.grant_type,
      proof: proof !== '',
      proofNonce: typeof claims?.nonce === 'string',
      // How far the proof's `iat` lies ahead of the provider's clock (s; negative: behind).
      proofIatAheadS: typeof claims?.iat === 'number' ? claims.iat - Date.now() / 1000 : undefined,
      error: typeof ctx.body === 'object' && ctx.body !== null ? ctx.body.error : undefined,
      // Which access token a resource request carried (a digest: the log holds no token).
      token: token && createHash('sha256').update(token).digest('base64url').slice(0, 12),
    });
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    signIn(provider, req, res, match[2] !== undefined).catch((error) => {
      res.statusCode = 500;
      res.end(String(error?.message ?? error));
    });
  });

  const endpoint = (path) => `${issuer}${path}`;
  return {
    url: issuer,
    issuer,
    clientId: SPA_CLIENT_ID,
    redirectUri,
    authorizationEndpoint: endpoint('/auth'),
    tokenEndpoint: endpoint('/token'),
    userinfoEndpoint: endpoint('/me'),
    introspectionEndpoint: endpoint('/token/introspection'),
    provider,
    requests,
    /** RFC 7662 introspection as the resource server (`active`, `cnf.jkt`, `token_type`, ...). */
    async introspect(token) {
      const basic = Buffer.from(`${INTROSPECTION_CLIENT.id}:${INTROSPECTION_CLIENT.secret}`);
      const response = await fetch(endpoint('/token/introspection'), {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic.toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }),
      });
      if (!response.ok) throw new Error(`introspection answered ${response.status}`);
      return response.json();
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The provider's sign-in page: a button that signs in the demo account and grants the client
 * the scopes it asked for, in one step (GET shows it, POST .../login submits it).
 */
async function signIn(provider, req, res, submitted) {
  const details = await provider.interactionDetails(req, res);
  if (!submitted) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      '<!doctype html><title>Test provider</title><h1>Test OpenID provider</h1>' +
        `<form method="post" action="/interaction/${details.uid}/login">` +
        `<p>Client: ${details.params.client_id}</p>` +
        '<button data-testid="op-sign-in">Sign in as demo</button></form>',
    );
    return;
  }
  const grant = new provider.Grant({ accountId: ACCOUNT_ID, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: ACCOUNT_ID }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** A DPoP proof JWT's payload (no verification: the provider does that), or `null`. */
function proofClaims(proof) {
  try {
    const payload = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}
