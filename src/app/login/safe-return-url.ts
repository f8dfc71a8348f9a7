/**
 * The in-app URL to go to after login: the `returnUrl` query parameter when it is a local path,
 * otherwise the dashboard (so a crafted link cannot redirect to another site).
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (!returnUrl || !returnUrl.startsWith('/') || /^\/[/\\]/.test(returnUrl)) return '/dashboard';
  return returnUrl.startsWith('/login') ? '/dashboard' : returnUrl;
}
