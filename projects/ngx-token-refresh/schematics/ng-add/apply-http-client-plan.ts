import { Tree } from '@angular-devkit/schematics';
import { insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange, applyToUpdateRecorder } from '@schematics/angular/utility/change';
import { HttpClientPlan, HttpFeature } from './http-client-plan';
import { RootProviders } from './root-providers';
import type { TS } from './typescript';

const INTERCEPTOR = 'tokenRefreshInterceptor';
const HTTP = '@angular/common/http';

/** The code of each feature `ng add` adds to `provideHttpClient(...)`. */
const FEATURE_CODE: Record<HttpFeature, string> = {
  withFetch: 'withFetch()',
  withInterceptors: `withInterceptors([${INTERCEPTOR}])`,
};

/**
 * Edits the existing `provideHttpClient(...)` in place: appends the interceptor to its
 * `withInterceptors` array (last, so that interceptors listed before it see the response after the
 * refresh and retry) and the missing features (`withFetch()`, `withInterceptors([...])`) to its
 * arguments. Imports what it uses.
 */
export function applyHttpClientPlan(tree: Tree, root: RootProviders, plan: HttpClientPlan): void {
  if (plan.kind !== 'edit') return;
  const { filePath, source } = root;
  const { call, features, interceptors } = plan;
  const changes: Change[] = [];
  if (interceptors || features.includes('withInterceptors')) {
    changes.push(insertImport(source, filePath, INTERCEPTOR, 'ngx-token-refresh'));
  }
  if (interceptors) {
    changes.push(appendItem(filePath, interceptors.elements, interceptors, INTERCEPTOR));
  }
  if (features.length) {
    const code = features.map((feature) => FEATURE_CODE[feature]);
    changes.push(appendItem(filePath, call.arguments, call, ...code));
  }
  changes.push(...features.map((feature) => insertImport(source, filePath, feature, HTTP)));
  const recorder = tree.beginUpdate(filePath);
  applyToUpdateRecorder(recorder, changes);
  tree.commitUpdate(recorder);
}

/**
 * Appends `texts` to a comma-separated list (call arguments or array elements), each on a line of
 * its own when the list already puts its items on separate lines.
 */
function appendItem(
  filePath: string,
  items: TS.NodeArray<TS.Node>,
  owner: TS.Node,
  ...texts: string[]
): InsertChange {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, texts.join(', '));
  const source = owner.getSourceFile();
  const multiline = /\n/.test(source.text.slice(items.pos, items[0]!.getStart()));
  const indent = ' '.repeat(source.getLineAndCharacterOfPosition(last.getStart()).character);
  const separator = multiline ? `\n${indent}` : ' ';
  const text = texts.join(`,${separator}`);
  if (items.hasTrailingComma) {
    return new InsertChange(filePath, items.end, `${separator}${text},`);
  }
  return new InsertChange(filePath, last.getEnd(), `,${separator}${text}`);
}
