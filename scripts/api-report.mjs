#!/usr/bin/env node
// The public-API report: for each entry point of the built package (dist/ngx-token-refresh/types),
// the declarations a user can reach, printed without comments, private members or `@internal`
// members. Committed under projects/ngx-token-refresh/api/; `scripts/api-report.test.mjs` fails
// when the build no longer matches, so every change to the public surface is a visible diff.
// `node scripts/api-report.mjs --update` rewrites the committed reports after a deliberate change.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
export const TYPES_DIR = join(root, 'dist', 'ngx-token-refresh', 'types');
export const REPORT_DIR = join(root, 'projects', 'ngx-token-refresh', 'api');

/** Returns `{ file, text }` for every entry point's report, as the current build has it. */
export function buildReports() {
  return readdirSync(TYPES_DIR)
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => ({
      file: file.replace(/\.d\.ts$/, '.api.d.ts'),
      text: report(readFileSync(join(TYPES_DIR, file), 'utf8'), file),
    }));
}

function report(source, fileName) {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const dropHidden = (context) => (node) => {
    const visit = (child) =>
      isHidden(child) ? undefined : ts.visitEachChild(child, visit, context);
    return ts.visitEachChild(node, visit, context);
  };
  const [cleaned] = ts.transform(sourceFile, [dropHidden]).transformed;
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const header = `// API report for ${fileName.replace(/\.d\.ts$/, '')}: do not edit by hand.\n`;
  return header + printer.printFile(cleaned);
}

function isHidden(node) {
  if (!ts.isClassElement(node)) return false;
  const privateMember = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private;
  const privateName = node.name && ts.isPrivateIdentifier(node.name);
  const internal = ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');
  return Boolean(privateMember || privateName || internal);
}

if (process.argv.includes('--update')) {
  mkdirSync(REPORT_DIR, { recursive: true });
  for (const { file, text } of buildReports()) {
    writeFileSync(join(REPORT_DIR, file), text);
    console.log(`wrote ${join('projects/ngx-token-refresh/api', file)}`);
  }
}
