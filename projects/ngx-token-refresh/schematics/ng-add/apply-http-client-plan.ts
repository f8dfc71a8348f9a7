import { Tree } from '@angular-devkit/schematics';
import { insertImport } from '@schematics/angular/utility/ast-utils';
import { Change, InsertChange, applyToUpdateRecorder } from '@schematics/angular/utility/change';
import { HttpClientPlan } from './http-client-plan';
import { RootProviders } from './root-providers';
import type { Node, NodeArray } from './typescript';

const INTERCEPTOR = 'tokenRefreshInterceptor';

/**
 * Edits an existing `provideHttpClient(...)` in place: adds `withInterceptors([...])` to it, or
 * appends the interceptor to its `withInterceptors` array (last, so that interceptors listed
 * before it see the response after the refresh and retry). Imports what it uses.
 */
export function applyHttpClientPlan(tree: Tree, root: RootProviders, plan: HttpClientPlan): void {
  const { filePath, source } = root;
  const changes: Change[] = [insertImport(source, filePath, INTERCEPTOR, 'ngx-token-refresh')];
  if (plan.kind === 'add-feature') {
    changes.push(
      appendItem(filePath, plan.call.arguments, plan.call, `withInterceptors([${INTERCEPTOR}])`),
      insertImport(source, filePath, 'withInterceptors', '@angular/common/http'),
    );
  } else if (plan.kind === 'merge') {
    changes.push(appendItem(filePath, plan.interceptors.elements, plan.interceptors, INTERCEPTOR));
  } else {
    return;
  }
  const recorder = tree.beginUpdate(filePath);
  applyToUpdateRecorder(recorder, changes);
  tree.commitUpdate(recorder);
}

/**
 * Appends `text` to a comma-separated list (call arguments or array elements), on a line of its
 * own when the list already puts its items on separate lines.
 */
function appendItem(
  filePath: string,
  items: NodeArray<Node>,
  owner: Node,
  text: string,
): InsertChange {
  const last = items[items.length - 1];
  if (!last) return new InsertChange(filePath, items.pos, text);
  const source = owner.getSourceFile();
  const multiline = /\n/.test(source.text.slice(items.pos, items[0]!.getStart()));
  const indent = ' '.repeat(source.getLineAndCharacterOfPosition(last.getStart()).character);
  const separator = multiline ? `\n${indent}` : ' ';
  if (items.hasTrailingComma) {
    return new InsertChange(filePath, items.end, `${separator}${text},`);
  }
  return new InsertChange(filePath, last.getEnd(), `,${separator}${text}`);
}
