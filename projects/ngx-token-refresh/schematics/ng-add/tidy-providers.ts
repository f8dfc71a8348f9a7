import { Rule } from '@angular-devkit/schematics';
import { isCallTo } from './ast';
import { findRootProviders } from './root-providers';

/**
 * `addRootProvider` appends to a standalone config as `last, added` on one line; in a providers
 * array that lists one provider per line, this moves each of the named calls onto its own line.
 */
export function putOnOwnLines(mainFile: string, names: readonly string[]): Rule {
  return (tree) => {
    const root = findRootProviders(tree, mainFile);
    if ('problem' in root) return;
    const { filePath, providers } = root;
    const first = providers?.elements[0];
    if (!providers || !first) return;
    const source = providers.getSourceFile();
    const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line;
    if (lineOf(providers.getStart()) === lineOf(first.getStart())) return;
    const indent = ' '.repeat(source.getLineAndCharacterOfPosition(first.getStart()).character);
    const recorder = tree.beginUpdate(filePath);
    providers.elements.forEach((element, index) => {
      const previous = providers.elements[index - 1];
      const named = names.some((name) => isCallTo(element, name));
      const gap = element.getFullStart(); // just after the comma
      const between = source.text.slice(gap, element.getStart());
      if (!previous || !named || !/^[ \t]*$/.test(between)) return;
      recorder.remove(gap, between.length);
      recorder.insertLeft(gap, `\n${indent}`);
    });
    tree.commitUpdate(recorder);
  };
}
