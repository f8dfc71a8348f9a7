import { findCalls, isCallTo, mentions } from './ast';
import { RootProviders } from './root-providers';
import ts, {
  type ArrayLiteralExpression,
  type CallExpression,
  type Expression,
} from './typescript';

/** How to make the app's HttpClient use `tokenRefreshInterceptor`. */
export type HttpClientPlan =
  /** The root file already refers to the interceptor. */
  | { readonly kind: 'present' }
  /** No `provideHttpClient(...)`: add `provideHttpClient(withInterceptors([...]))`. */
  | { readonly kind: 'add-provider' }
  /** `provideHttpClient(...)` without interceptors: add `withInterceptors([...])` to it. */
  | { readonly kind: 'add-feature'; readonly call: CallExpression }
  /** `withInterceptors([...])` exists: append the interceptor to its array. */
  | { readonly kind: 'merge'; readonly interceptors: ArrayLiteralExpression }
  /** An unusual shape: the edit could break or duplicate something. */
  | { readonly kind: 'unsafe'; readonly reason: string };

/** Decides how to wire the interceptor into the root providers, without changing anything. */
export function planHttpClient(root: RootProviders): HttpClientPlan {
  if (mentions(root.source, 'tokenRefreshInterceptor')) return { kind: 'present' };
  if (mentions(root.source, 'HttpClientModule')) {
    return unsafe('it uses HttpClientModule; replace it with provideHttpClient(...) first');
  }
  const elements: readonly Expression[] = root.providers?.elements ?? [];
  const calls = findCalls(root.source, 'provideHttpClient');
  if (calls.length > 1) return unsafe('it calls provideHttpClient(...) more than once');
  const [call] = calls;
  if (!call) {
    return elements.some(ts.isSpreadElement)
      ? unsafe('its providers spread other arrays, which may already provide HttpClient')
      : { kind: 'add-provider' };
  }
  if (!elements.includes(call)) {
    return unsafe('it calls provideHttpClient(...) outside the root providers array');
  }
  if (call.arguments.some(ts.isSpreadElement)) {
    return unsafe('provideHttpClient(...) receives spread features');
  }
  const features = call.arguments.filter((argument) => isCallTo(argument, 'withInterceptors'));
  if (features.length === 0) return { kind: 'add-feature', call };
  const interceptors = features[0]?.arguments[0];
  if (features.length > 1 || !interceptors || !ts.isArrayLiteralExpression(interceptors)) {
    return unsafe('its withInterceptors(...) is not a single call with an array literal');
  }
  return { kind: 'merge', interceptors };
}

function unsafe(reason: string): HttpClientPlan {
  return { kind: 'unsafe', reason };
}
