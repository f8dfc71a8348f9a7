import type { CodeBlockCallback } from '@schematics/angular/utility';
import { findNodes, insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange } from '@schematics/angular/utility/change';
import { isCallTo, mentions } from './ast';
import { Problem, RootProviders } from './root-providers';
import ts, { type TS } from './typescript';

const HTTP = '@angular/common/http';
const INTERCEPTOR = 'tokenRefreshInterceptor';
type HttpFeature = 'withFetch' | 'withInterceptors';

/** Edits of the app's `provideHttpClient(...)`, or the features of one to `add`. */
export type HttpClientPlan = { readonly changes: Change[]; readonly add?: HttpFeature[] };

/**
 * Decides, without changing anything, how the HttpClient gets `tokenRefreshInterceptor`: last in
 * the `withInterceptors([...])` there (the interceptors before it then see the response after the
 * refresh and retry), as a feature of the `provideHttpClient(...)` there, or in a new one. An app
 * that renders on the server also gets `withFetch()` (Angular warns NG02801 without it); once the
 * interceptor is wired, only that, and only where the edit is plain.
 */
export function planHttpClient(root: RootProviders, fetch: boolean): HttpClientPlan | Problem {
  const { filePath, source } = root;
  const wired = mentions(source, INTERCEPTOR);
  const problem = (text: string) => (wired ? { changes: [] } : { filePath, problem: text });
  if (wired && !fetch) return { changes: [] };
  if (mentions(source, 'HttpClientModule')) {
    return problem('it uses HttpClientModule; replace it with provideHttpClient(...) first');
  }
  const [call, ...more] = findNodes(source, (node) => isCallTo(node, 'provideHttpClient'));
  if (more.length) return problem('it calls provideHttpClient(...) more than once');
  const elements: readonly TS.Expression[] = root.providers?.elements ?? [];
  const hasFetch = call?.arguments.some((argument) => isCallTo(argument, 'withFetch'));
  const features: HttpFeature[] = fetch && !hasFetch ? ['withFetch'] : [];
  if (!call && elements.some(ts.isSpreadElement)) {
    return problem('its providers spread other arrays, which may already provide HttpClient');
  }
  if (!call) return { changes: [], add: wired ? undefined : [...features, 'withInterceptors'] };
  if (!elements.includes(call)) {
    return problem('it calls provideHttpClient(...) outside the root providers array');
  }
  const args = call.arguments;
  if (args.some(ts.isSpreadElement)) {
    return problem('provideHttpClient(...) receives spread features');
  }
  const [withInterceptors, ...others] = args.filter((a) => isCallTo(a, 'withInterceptors'));
  const list = withInterceptors?.arguments[0];
  const changes: Change[] = [];
  if (!wired && withInterceptors) {
    if (others.length || !list || !ts.isArrayLiteralExpression(list)) {
      return problem('its withInterceptors(...) is not a single call with an array literal');
    }
    changes.push(append(filePath, list.elements, [INTERCEPTOR]));
  }
  if (!wired && !withInterceptors) features.push('withInterceptors');
  if (!wired) changes.push(insertImport(source, filePath, INTERCEPTOR, 'ngx-token-refresh'));
  const code = features.map((feature) => featureCall(feature));
  if (code.length) changes.push(append(filePath, args, code));
  changes.push(...features.map((feature) => insertImport(source, filePath, feature, HTTP)));
  return { changes };
}

/** `provideHttpClient(...)` with `features`, for `addRootProvider`. */
export function httpClientProvider(features: readonly HttpFeature[]): CodeBlockCallback {
  return ({ code, external }) => {
    const provide = external('provideHttpClient', HTTP); // first, so that its import comes first
    const interceptor = external(INTERCEPTOR, 'ngx-token-refresh');
    const args = features.map((f) => featureCall(f, external(f, HTTP), interceptor));
    return code`${provide}(${args.join(', ')})`;
  };
}

function featureCall(feature: HttpFeature, name: string = feature, interceptor = INTERCEPTOR) {
  return `${name}(${feature === 'withFetch' ? '' : `[${interceptor}]`})`;
}

/** Appends `texts` to a comma-separated list, each on a line of its own where the items are. */
function append(filePath: string, items: TS.NodeArray<TS.Node>, texts: string[]): Change {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, texts.join(', '));
  const [separator = ' '] = /^\r?\n[ \t]*/.exec(last.getFullText()) ?? [];
  return new InsertChange(filePath, last.getEnd(), texts.map((t) => `,${separator}${t}`).join(''));
}
