import { Rule } from '@angular-devkit/schematics';
import { findNodes, insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange, ReplaceChange } from '@schematics/angular/utility/change';
import { applyChangesToFile } from '@schematics/angular/utility/standalone/util';
import { isCallTo, mentions } from './ast';
import { Problem, RootProviders, findRootProviders } from './root-providers';
import ts, { type TS } from './typescript';

const INTERCEPTOR = 'tokenRefreshInterceptor';
const OWN_LINE = ['provideHttpClient', 'provideTokenRefresh'];
const HTTP = '@angular/common/http';

/** Edits of the app's `provideHttpClient(...)`; `add` when it has none, to add one first. */
export type HttpClientPlan = { readonly changes: Change[]; readonly add?: boolean };

/**
 * Plans, changing nothing, the HttpClient's `tokenRefreshInterceptor`: last in its withInterceptors
 * list (the interceptors before it see the refreshed, retried response) or in a new one. On the
 * server it adds `withFetch()` too (NG02801 without it), alone in a wired app whose edit is plain.
 */
export function planHttpClient(root: RootProviders, fetch: boolean): HttpClientPlan | Problem {
  const { filePath, source } = root;
  const wired = mentions(source, INTERCEPTOR);
  const problem = (text: string) => (wired ? { changes: [] } : { filePath, problem: text });
  if (mentions(source, 'HttpClientModule')) {
    return problem('it uses HttpClientModule; replace it with provideHttpClient(...) first');
  }
  const namespaced = (node: TS.Node): node is TS.PropertyAccessExpression =>
    ts.isPropertyAccessExpression(node) && node.name.text === 'provideHttpClient';
  if (findNodes(source, namespaced).length) {
    return problem('it calls provideHttpClient(...) through a namespace import');
  }
  const [call, ...more] = findNodes(source, (node) => isCallTo(node, 'provideHttpClient'));
  if (more.length) return problem('it calls provideHttpClient(...) more than once');
  const elements: readonly TS.Expression[] = root.providers?.elements ?? [];
  if (!call && elements.some(ts.isSpreadElement)) {
    return problem('its providers spread other arrays, which may already provide HttpClient');
  }
  if (!call) return { changes: [], add: !wired };
  if (!elements.includes(call)) return problem('its provideHttpClient(...) is not a root provider');
  const args = call.arguments;
  if (args.some(ts.isSpreadElement)) return problem('provideHttpClient(...) has spread arguments');
  const [interceptors, ...others] = args.filter((a) => isCallTo(a, 'withInterceptors'));
  const list = interceptors?.arguments[0];
  const array = list && ts.isArrayLiteralExpression(list) ? list : null;
  if (interceptors && !wired && (others.length || !array)) {
    return problem('its withInterceptors(...) is not a single call with an array literal');
  }
  const features = fetch && !args.some((a) => isCallTo(a, 'withFetch')) ? ['withFetch'] : [];
  if (!wired && !interceptors) features.push('withInterceptors');
  const changes = features.map((feature) => insertImport(source, filePath, feature, HTTP));
  if (!wired) changes.unshift(insertImport(source, filePath, INTERCEPTOR, 'ngx-token-refresh'));
  if (!wired && array) changes.push(append(filePath, array.elements, [INTERCEPTOR]));
  const code = features.map((f) => (f === 'withFetch' ? 'withFetch()' : `${f}([${INTERCEPTOR}])`));
  if (code.length) changes.push(append(filePath, args, code));
  return { changes };
}

/** After `addRootProvider`: the plan's edits; the calls it appended go on lines of their own. */
export function finishRootProviders(main: string, fetch: boolean): Rule {
  return (tree) => {
    const root = findRootProviders(tree, main);
    if ('problem' in root) return;
    const plan = planHttpClient(root, fetch);
    const changes = 'changes' in plan ? plan.changes : [];
    const [first, ...rest] = root.providers?.elements ?? [];
    const [newline = ''] = /^\r?\n[ \t]*/.exec(first?.getFullText() ?? '') ?? []; // '': one line
    const gap = (node: TS.Node) => node.getFullText().slice(0, node.getLeadingTriviaWidth());
    const moved = rest.filter((e) => OWN_LINE.some((n) => isCallTo(e, n)) && !/\S|\n/.test(gap(e)));
    const moves = moved.map((e) => new ReplaceChange(root.filePath, e.pos, gap(e), newline));
    applyChangesToFile(tree, root.filePath, newline ? [...changes, ...moves] : changes);
  };
}

/** Appends `texts` to a comma-separated list, each on a line of its own where the items are. */
function append(filePath: string, items: TS.NodeArray<TS.Node>, texts: string[]): Change {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, texts.join(', '));
  const [separator = ' '] = /^\r?\n[ \t]*/.exec(last.getFullText()) ?? [];
  return new InsertChange(filePath, last.getEnd(), texts.map((t) => `,${separator}${t}`).join(''));
}
