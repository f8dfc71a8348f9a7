// The README's whole-file snippets: each ```ts block whose first line is `// src/<path>.ts`
// (optionally followed by a note, as in `// src/app/app.config.ts, in an app made with ng new
// --ssr`). The consumer checks paste them into fresh CLI apps exactly as a user would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const README = resolve(import.meta.dirname, '..', 'README.md');
const BLOCK = /^```ts\n\/\/ (src\/[\w./-]+\.ts)(.*)\n([\s\S]*?)^```$/gm;

/** @returns {{ path: string, note: string, code: string }[]} the files, in README order */
export function readmeFiles() {
  const text = readFileSync(README, 'utf8');
  return [...text.matchAll(BLOCK)].map(([, path, note, body]) => ({
    path,
    note: note.replace(/^,\s*/, ''),
    code: `// ${path}${note}\n${body}`,
  }));
}
