import { findNodes, insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange } from '@schematics/angular/utility/change';
import { isCallTo, mentions } from './ast';
import { Problem, RootProviders } from './root-providers';
import ts, { type TS } from './typescript';
import type { CodeBlockCallback } from '@schematics/angular/utility';

const HTTP = '@angular/common/http';
const INTERCEPTOR = 'tokenRefreshInterceptor';

/** A feature function of `provideHttpClient(...)` that `ng add` may add. */
export type HttpFeature = 'withFetch' | 'withInterceptors';

/**
 * How `ng add` wires the interceptor: `changes` to the `provideHttpClient(...)` there (with their
 * imports), or the features of one to `add` as a root provider.
 */
export interface HttpClientPlan {
  readonly changes: Change[];
  readonly add?: HttpFeature[];
}

/**
 * Decides, without changing anything, how the HttpClient gets `tokenRefreshInterceptor`: last in
 * the `withInterceptors([...])` there (the interceptors before it then see the response after
 * the refresh and retry), as a `withInterceptors` feature of the `provideHttpClient(...)` there,
 * or in a new `provideHttpClient(...)`. An app that renders on the server also gets `withFetch()`
 * (Angular warns NG02801 without it); once the interceptor is wired, only that, if the edit is plain.
 */
export function planHttpClient(root: RootProviders, fetch: boolean): HttpClientPlan | Problem {
  const wired = mentions(root.source, INTERCEPTOR);
  const plan = wired && !fetch ? { changes: [] } : planEdit(root, fetch, !wired);
  return wired && ('problem' in plan || plan.add) ? { changes: [] } : plan;
}

function planEdit(root: RootProviders, fetch: boolean, interceptor: boolean) {
  const { filePath, source } = root;
  const problem = (text: string): Problem => ({ filePath, problem: text });
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
  if (!call) return { changes: [], add: [...features, 'withInterceptors'] } as HttpClientPlan;
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
  if (interceptor && withInterceptors) {
    if (others.length || !list || !ts.isArrayLiteralExpression(list)) {
      return problem('its withInterceptors(...) is not a single call with an array literal');
    }
    changes.push(append(filePath, list.elements, [INTERCEPTOR]));
  } else if (interceptor) features.push('withInterceptors');
  if (interceptor) {
    changes.push(insertImport(source, filePath, INTERCEPTOR, 'ngx-token-refresh'));
  }
  const code = features.map((feature) => featureCode(feature));
  if (code.length) changes.push(append(filePath, args, code));
  changes.push(...features.map((f) => insertImport(source, filePath, f, HTTP)));
  return { changes };
}

/** A feature's call, `name` being what the file calls it: `withInterceptors([...])`. */
function featureCode(feature: HttpFeature, name: string = feature, interceptor = INTERCEPTOR) {
  return `${name}(${feature === 'withFetch' ? '' : `[${interceptor}]`})`;
}

/** `provideHttpClient(...)` with `features`, for `addRootProvider`. */
export function httpClientProvider(features: readonly HttpFeature[]): CodeBlockCallback {
  return ({ code, external }) => {
    const provide = external('provideHttpClient', HTTP); // first: its import comes first
    const interceptor = external(INTERCEPTOR, 'ngx-token-refresh');
    const args = features.map((f) => featureCode(f, external(f, HTTP), interceptor));
    return code`${provide}(${args.join(', ')})`;
  };
}

/** Appends `texts` to a comma-separated list, each on a line of its own where the items are. */
function append(filePath: string, items: TS.NodeArray<TS.Node>, texts: string[]): Change {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, texts.join(', '));
  const [separator = ' '] = /^\r?\n[ \t]*/.exec(last.getFullText()) ?? [];
  return new InsertChange(filePath, last.getEnd(), texts.map((t) => `,${separator}${t}`).join(''));
}
