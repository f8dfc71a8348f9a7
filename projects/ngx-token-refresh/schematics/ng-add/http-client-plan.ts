import { findNodes, insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange } from '@schematics/angular/utility/change';
import { isCallTo, mentions } from './ast';
import { Problem, RootProviders } from './root-providers';
import ts, { type TS } from './typescript';

/** A feature function of `provideHttpClient(...)` that `ng add` may add. */
export type HttpFeature = 'withFetch' | 'withInterceptors';

/** How `ng add` makes the app's HttpClient use the interceptor (and fetch, when needed). */
export interface HttpClientPlan {
  /** The edits of the existing `provideHttpClient(...)` and their imports. */
  readonly changes: Change[];
  /** The features of a `provideHttpClient(...)` to add as a root provider, or `null`. */
  readonly add: readonly HttpFeature[] | null;
}

const NOTHING: HttpClientPlan = { changes: [], add: null };

/**
 * Decides, without changing anything, how to wire `tokenRefreshInterceptor` into the root
 * providers: add a `provideHttpClient(...)`, or extend the one there (the interceptor goes last
 * in its `withInterceptors([...])`, so that the interceptors before it see the response after the
 * refresh and retry). An app that renders on the server also gets `withFetch()` (Angular warns
 * NG02801 without it); where the interceptor is wired already, only that, where the edit is plain.
 */
export function planHttpClient(root: RootProviders, fetch: boolean): HttpClientPlan | Problem {
  const wired = mentions(root.source, 'tokenRefreshInterceptor');
  if (wired && !fetch) return NOTHING;
  const plan = planEdit(root, fetch, !wired);
  return wired && ('problem' in plan || plan.add) ? NOTHING : plan;
}

function planEdit(
  root: RootProviders,
  fetch: boolean,
  addInterceptor: boolean,
): HttpClientPlan | Problem {
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
  if (!call) return { changes: [], add: [...features, 'withInterceptors'] };
  if (!elements.includes(call)) {
    return problem('it calls provideHttpClient(...) outside the root providers array');
  }
  const args = call.arguments;
  if (args.some(ts.isSpreadElement))
    return problem('provideHttpClient(...) receives spread features');
  const [interceptors, ...others] = args.filter((a) => isCallTo(a, 'withInterceptors'));
  const list = interceptors?.arguments[0];
  const changes: Change[] = [];
  if (addInterceptor && interceptors) {
    if (others.length || !list || !ts.isArrayLiteralExpression(list)) {
      return problem('its withInterceptors(...) is not a single call with an array literal');
    }
    changes.push(append(filePath, list.elements, ['tokenRefreshInterceptor']));
  } else if (addInterceptor) features.push('withInterceptors');
  if (addInterceptor) {
    changes.push(insertImport(source, filePath, 'tokenRefreshInterceptor', 'ngx-token-refresh'));
  }
  if (features.length)
    changes.push(
      append(
        filePath,
        args,
        features.map((f) => featureCode(f)),
      ),
    );
  changes.push(...features.map((f) => insertImport(source, filePath, f, '@angular/common/http')));
  return changes.length ? { changes, add: null } : NOTHING;
}

/** The call of a feature, `name` being what the file calls it: `withInterceptors([...])`. */
export function featureCode(feature: HttpFeature, name: string = feature, interceptor?: string) {
  return `${name}(${feature === 'withInterceptors' ? `[${interceptor ?? 'tokenRefreshInterceptor'}]` : ''})`;
}

/** Appends `texts` to a comma-separated list, each on a line of its own where the items are. */
function append(filePath: string, items: TS.NodeArray<TS.Node>, texts: string[]): Change {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, texts.join(', '));
  const [separator = ' '] = /^\r?\n[ \t]*/.exec(last.getFullText()) ?? [];
  return new InsertChange(filePath, last.getEnd(), texts.map((t) => `,${separator}${t}`).join(''));
}
