// The HttpOnly `rt` cookie that carries the refresh token for cookie-based clients.

export const REFRESH_COOKIE = 'rt';
const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/api/auth' };

/** Reads the refresh-token cookie from the request (no cookie-parser needed). */
export function readRefreshCookie(req) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === REFRESH_COOKIE) {
      return decodeURIComponent(part.slice(index + 1).trim());
    }
  }
  return undefined;
}

export function setRefreshCookie(res, refreshToken, maxAgeMs) {
  res.cookie(REFRESH_COOKIE, refreshToken, { ...COOKIE_OPTIONS, maxAge: maxAgeMs });
}

export function clearRefreshCookie(res) {
  res.clearCookie(REFRESH_COOKIE, COOKIE_OPTIONS);
}
