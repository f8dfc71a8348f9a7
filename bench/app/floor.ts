import { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { REFRESH_URL, RESOURCE_URL } from './api-urls';
import { BurstResult, runBurst } from './burst';
import { TokenResponse } from './patterns/auth-api';

/**
 * The physical floor of a refresh for `n` waiting requests: one refresh round trip, then the `n`
 * requests with the new token, sent by a bare HttpClient with no logic in between. Latencies
 * count from before the refresh.
 */
export async function measureFloor(
  http: HttpClient,
  n: number,
  refreshToken: string,
  idleMs: number,
): Promise<BurstResult & { refreshMs: number }> {
  const t0 = performance.now();
  const tokens = await firstValueFrom(http.post<TokenResponse>(REFRESH_URL, { refreshToken }));
  const refreshMs = performance.now() - t0;
  const headers = { Authorization: `Bearer ${tokens.accessToken}` };
  const burst = await runBurst(
    n,
    (done) =>
      http.get(RESOURCE_URL, { headers }).subscribe({
        next: () => done(true, 200),
        error: (error: { status?: number }) => done(false, error.status ?? -1),
      }),
    idleMs,
    t0,
  );
  return { ...burst, refreshMs };
}
