/** The demo auth server's endpoints the bench apps call (same origin as the page). */
export const REFRESH_URL = '/api/auth/refresh';
export const RESOURCE_URL = '/api/items/1';
