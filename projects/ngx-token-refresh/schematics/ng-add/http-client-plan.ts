import { findNodes } from '@schematics/angular/utility/ast-utils';
import { isCallTo, mentions } from './ast';
import { RootProviders } from './root-providers';
import ts, { type TS } from './typescript';

/** A feature function of `provideHttpClient(...)` that `ng add` may add. */
export type HttpFeature = 'withFetch' | 'withInterceptors';

/** How to make the app's HttpClient use `tokenRefreshInterceptor` (and fetch, when needed). */
export type HttpClientPlan =
  /** The interceptor is there, and `withFetch()` wherever it can be added. */
  | { readonly kind: 'present' }
  /** No `provideHttpClient(...)`: add one with these features. */
  | { readonly kind: 'add-provider'; readonly features: readonly HttpFeature[] }
  /**
   * Edit the one `provideHttpClient(...)`: append `features` to its arguments and, where its
   * `withInterceptors([...])` is given, the interceptor to that array.
   */
  | {
      readonly kind: 'edit';
      readonly call: TS.CallExpression;
      readonly features: readonly HttpFeature[];
      readonly interceptors: TS.ArrayLiteralExpression | null;
    }
  /** An unusual shape: the edit could break or duplicate something. */
  | { readonly kind: 'unsafe'; readonly reason: string };

const PRESENT: HttpClientPlan = { kind: 'present' };

/**
 * Decides how to wire the interceptor into the root providers, without changing anything. An app
 * that renders on the server also gets `withFetch()` (Angular warns NG02801 without it); an
 * interceptor that is there already only gets it added, and only where the edit is plain.
 */
export function planHttpClient(root: RootProviders, rendersOnServer: boolean): HttpClientPlan {
  const wired = mentions(root.source, 'tokenRefreshInterceptor');
  if (wired && !rendersOnServer) return PRESENT;
  const plan = planEdit(root, rendersOnServer, !wired);
  return wired && plan.kind !== 'edit' ? PRESENT : plan;
}

function planEdit(root: RootProviders, fetch: boolean, addInterceptor: boolean): HttpClientPlan {
  if (mentions(root.source, 'HttpClientModule')) {
    return unsafe('it uses HttpClientModule; replace it with provideHttpClient(...) first');
  }
  const elements: readonly TS.Expression[] = root.providers?.elements ?? [];
  const calls = findNodes(root.source, (n): n is TS.CallExpression =>
    isCallTo(n, 'provideHttpClient'),
  );
  if (calls.length > 1) return unsafe('it calls provideHttpClient(...) more than once');
  const [call] = calls;
  const features: HttpFeature[] = [];
  if (fetch && !call?.arguments.some((argument) => isCallTo(argument, 'withFetch'))) {
    features.push('withFetch');
  }
  if (!call) {
    return elements.some(ts.isSpreadElement)
      ? unsafe('its providers spread other arrays, which may already provide HttpClient')
      : { kind: 'add-provider', features: [...features, 'withInterceptors'] };
  }
  if (!elements.includes(call)) {
    return unsafe('it calls provideHttpClient(...) outside the root providers array');
  }
  if (call.arguments.some(ts.isSpreadElement)) {
    return unsafe('provideHttpClient(...) receives spread features');
  }
  const existing = call.arguments.filter((argument) => isCallTo(argument, 'withInterceptors'));
  if (!addInterceptor || existing.length === 0) {
    if (addInterceptor) features.push('withInterceptors');
    return features.length ? { kind: 'edit', call, features, interceptors: null } : PRESENT;
  }
  const interceptors = existing[0]?.arguments[0];
  if (existing.length > 1 || !interceptors || !ts.isArrayLiteralExpression(interceptors)) {
    return unsafe('its withInterceptors(...) is not a single call with an array literal');
  }
  return { kind: 'edit', call, features, interceptors };
}

function unsafe(reason: string): HttpClientPlan {
  return { kind: 'unsafe', reason };
}
