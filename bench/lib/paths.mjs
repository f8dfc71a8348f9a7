// Where the harness reads and writes, relative to the repository root.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const APP_SOURCES = join(ROOT, 'bench', 'app');
export const LIBRARY_DIST = join(ROOT, 'dist', 'ngx-token-refresh');
export const WORKSPACE = join(ROOT, 'tmp', 'bench-apps');
/** The copy of the library build that one harness run uses (dist/ may be rebuilt meanwhile). */
export const LIBRARY_SNAPSHOT = join(WORKSPACE, 'ngx-token-refresh');
export const RESULTS_DIR = join(ROOT, 'tmp', 'bench-results');
export const DOC_FILE = join(ROOT, 'docs', 'benchmarks.md');
export const CHART_FILE = join(ROOT, 'docs', 'benchmarks.svg');
export const NG_CLI = join(ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
