// Small client helpers for the demo auth server (login, refresh, bearer header, cookies).
import { postJson } from './start-server.mjs';

export const DEMO_CREDENTIALS = { username: 'demo', password: 'demo' };

/** Logs in as the demo user; resolves the token response body (throws unless 200). */
export async function login(baseUrl) {
  const response = await postJson(`${baseUrl}/api/auth/login`, DEMO_CREDENTIALS);
  if (response.status !== 200) throw new Error(`login failed with ${response.status}`);
  return response.body;
}

/** POST /api/auth/refresh with `{ refreshToken }`; resolves `{ status, headers, body }`. */
export function refresh(baseUrl, refreshToken, headers = {}) {
  const body = refreshToken === undefined ? undefined : { refreshToken };
  return postJson(`${baseUrl}/api/auth/refresh`, body, headers);
}

export const bearer = (accessToken) => ({ authorization: `Bearer ${accessToken}` });

/** Value of the named cookie in a response's Set-Cookie headers (undefined when absent). */
export function setCookieValue(headers, name) {
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    if (pair.slice(0, index).trim() === name) return decodeURIComponent(pair.slice(index + 1));
  }
  return undefined;
}
