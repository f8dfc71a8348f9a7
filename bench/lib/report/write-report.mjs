// Writes docs/benchmarks.md and docs/benchmarks.svg from a full run's results and returns a
// short summary for the console.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as prettier from 'prettier';
import { CHART_FILE, DOC_FILE } from '../paths.mjs';
import {
  aggregateBundle,
  aggregateBursts,
  aggregateMemory,
  aggregateStartup,
  aggregateSteady,
} from './aggregate.mjs';
import { chartSvg } from './chart-svg.mjs';
import { findLosses } from './section-losses.mjs';
import { benchmarksMarkdown } from './markdown.mjs';

/** The aggregated numbers every part of the report reads. */
export function reportData(results) {
  const { amplification, steady, memory, bundle, startup } = results.measures;
  return {
    results,
    bursts: amplification ? aggregateBursts(amplification) : null,
    steady: steady ? aggregateSteady(steady) : null,
    memory: memory ? aggregateMemory(memory) : null,
    bundle: bundle ? aggregateBundle(bundle) : null,
    startup: startup ? aggregateStartup(startup) : null,
  };
}

/** Writes both files (the Markdown formatted with the repository's Prettier settings). */
export async function writeReport(results) {
  const data = reportData(results);
  mkdirSync(dirname(DOC_FILE), { recursive: true });
  // Prose wrapped at the print width once; the repository's settings keep it as it is.
  const config = { ...(await prettier.resolveConfig(DOC_FILE)), proseWrap: 'always' };
  writeFileSync(
    DOC_FILE,
    await prettier.format(benchmarksMarkdown(data), { ...config, filepath: DOC_FILE }),
  );
  writeFileSync(CHART_FILE, chartSvg({ ...data, date: results.date, machine: results.machine }));
  const losses = findLosses(data);
  return [
    `wrote ${DOC_FILE} and ${CHART_FILE}`,
    losses.length ? `where ngx-token-refresh loses:\n- ${losses.join('\n- ')}` : 'no losses found',
  ].join('\n');
}
