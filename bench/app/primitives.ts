import { JwtHelperService } from '@auth0/angular-jwt';
import { fakeJwt } from './in-process/fake-jwt';

/**
 * The cost (ns per call, median of 5 rounds of `count`) of the operations an interceptor may do
 * per request, measured in the same page: to explain the steady-state numbers.
 */
export function measurePrimitives(count: number): Record<string, number> {
  const now = Date.now() / 1000;
  const token = fakeJwt({ sub: 'demo', gen: 1, iat: now, exp: now + 3600 });
  const helper = new JwtHelperService();
  const url = '/api/items/1';
  const operations: Record<string, () => unknown> = {
    'document.baseURI': () => document.baseURI,
    'document.location.origin': () => document.location.origin,
    'new URL(url, base).origin': () => new URL(url, 'http://127.0.0.1/').origin,
    'JwtHelperService.decodeToken': () => helper.decodeToken(token),
    'JwtHelperService.isTokenExpired': () => helper.isTokenExpired(token),
  };
  const result: Record<string, number> = {};
  for (const [name, operation] of Object.entries(operations)) {
    for (let i = 0; i < count / 5; i++) operation();
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) operation();
      rounds.push(((performance.now() - t0) * 1e6) / count);
    }
    result[name] = rounds.sort((a, b) => a - b)[2];
  }
  return result;
}
