// How `npm test` (scripts/test.mjs) counts a suite: from its runner's JUnit XML report, never
// from the console. A suite whose process exits non-zero, whose report is missing or unreadable,
// or which counts no test at all counts as failed.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/**
 * The counts of a suite that exited with `code` and wrote its JUnit report to `report`:
 * `{ passed, failed, skipped, note? }`, the note saying why a failure was added.
 */
export function suiteCounts(code, report) {
  let counts;
  try {
    counts = countJUnit(readFileSync(report, 'utf8'));
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'no report' : `unreadable report: ${error.message}`;
    counts = { passed: 0, failed: 0, skipped: 0, note: `${reason} (${report})` };
  }
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1; // a crash, a failed hook or setup: the runner said no
    counts.note = [counts.note, `exit ${code}`].filter(Boolean).join(', ');
  }
  if (counts.passed + counts.failed === 0) {
    counts.failed = 1; // ran nothing
    counts.note ??= 'no tests';
  }
  return counts;
}

/**
 * Counts the test cases of a JUnit XML report, wherever they sit (`testsuites` > `testsuite`,
 * nested suites): a `<failure>` or `<error>` child fails a case, a `<skipped>` child skips it,
 * anything else passed. A suite-level `errors` count that no case accounts for (Karma: the
 * browser crashed or disconnected, or an error outside any spec) adds failures.
 */
export function countJUnit(xml) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  });
  const document = parser.parse(xml);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return 0;
    let erroredCases = 0;
    for (const testcase of node.testcase ?? []) {
      const element = typeof testcase === 'object' ? testcase : {};
      if (element.failure || element.error) {
        counts.failed++;
        if (element.error) erroredCases++;
      } else if (element.skipped) counts.skipped++;
      else counts.passed++;
    }
    for (const child of node.testsuite ?? []) {
      const nested = visit(child);
      const errors = Number(child['@_errors'] ?? 0);
      if (errors > nested) counts.failed += errors - nested;
      erroredCases += nested;
    }
    if (node.testsuites) erroredCases += visit(node.testsuites);
    return erroredCases;
  };
  visit(document);
  return counts;
}
