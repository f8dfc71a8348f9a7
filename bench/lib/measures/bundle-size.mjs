// Measure 4: the JavaScript each option adds to a production build of a minimal app, minified
// and gzipped, against the same app without it (one Angular CLI build per option).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, outputOf } from '../build.mjs';
import { BUNDLE_VARIANTS } from '../bundle-variants.mjs';
import { bundleProject } from '../workspace.mjs';

export async function measureBundleSize({ rebuild, log }) {
  const results = {};
  for (const { id, label } of BUNDLE_VARIANTS) {
    const project = bundleProject(id);
    const build = await buildApp(project, { force: rebuild });
    const output = outputOf(project);
    results[id] = {
      label,
      ...javascriptSize(join(output, 'browser')),
      byPackage: bytesByPackage(join(output, 'stats.json')),
      build,
    };
    log(
      `  ${id}: ${results[id].minified} B min, ${results[id].gzipped} B gzip` +
        (build.cached ? ' (cached build)' : ` (built in ${build.seconds.toFixed(1)} s)`),
    );
  }
  return { results };
}

/** Minified bytes per package (or source folder) in the JavaScript output (esbuild metafile). */
function bytesByPackage(statsFile) {
  const { outputs } = JSON.parse(readFileSync(statsFile, 'utf8'));
  const totals = {};
  for (const [file, output] of Object.entries(outputs)) {
    if (!file.endsWith('.js')) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals[name] = (totals[name] ?? 0) + bytesInOutput;
    }
  }
  return totals;
}

function packageOf(input) {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inModules) return inModules[1];
  if (/(^|\/)ngx-token-refresh\/fesm2022\//.test(input)) return 'ngx-token-refresh';
  return 'app sources';
}

function javascriptSize(dir) {
  let minified = 0;
  let gzipped = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const bytes = readFileSync(join(dir, file));
    minified += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { minified, gzipped };
}
