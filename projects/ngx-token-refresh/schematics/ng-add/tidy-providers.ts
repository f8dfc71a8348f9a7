import { Rule } from '@angular-devkit/schematics';
import { ReplaceChange } from '@schematics/angular/utility/change';
import { applyChangesToFile } from '@schematics/angular/utility/standalone/util';
import { isCallTo } from './ast';
import { findRootProviders } from './root-providers';
import type { TS } from './typescript';

/**
 * `addRootProvider` appends to a standalone config as `last, added` on one line; in a providers
 * array that lists one provider per line, this moves each of the named calls onto its own line.
 */
export function putOnOwnLines(mainFile: string, names: readonly string[]): Rule {
  return (tree) => {
    const root = findRootProviders(tree, mainFile);
    const [first, ...rest] = ('providers' in root && root.providers?.elements) || [];
    const [newline] = /^\r?\n[ \t]*/.exec(first?.getFullText() ?? '') ?? [];
    if (!newline) return; // a one-line array stays on one line
    const gap = (node: TS.Node) => node.getFullText().slice(0, node.getLeadingTriviaWidth());
    const moved = rest.filter((e) => names.some((n) => isCallTo(e, n)) && !/\S|\n/.test(gap(e)));
    const changes = moved.map((e) => new ReplaceChange(root.filePath, e.pos, gap(e), newline));
    applyChangesToFile(tree, root.filePath, changes);
  };
}
