// How `npm test` counts a suite (scripts/suite-counts.mjs), as the README says: from the runner's
// JUnit report; a suite that exits non-zero, writes no report or runs no test counts as failed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { suiteCounts } from './suite-counts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'suite-counts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A report file with `xml` in it. */
function report(name, xml) {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  return file;
}

const cases = (...kinds) =>
  kinds.map((kind, i) => `<testcase name="t${i}">${kind ? `<${kind}/>` : ''}</testcase>`).join('');

test('counts passed, failed (failure or error) and skipped cases, nested suites included', () => {
  const file = report(
    'mixed',
    `<testsuites><testsuite name="a">${cases('', 'failure', 'skipped')}` +
      `<testsuite name="b">${cases('', 'error')}</testsuite></testsuite></testsuites>`,
  );
  assert.deepEqual(suiteCounts(0, file), { passed: 2, failed: 2, skipped: 1 });
});

test('a suite that exits non-zero with every case passed counts one failure', () => {
  const file = report(
    'crashed',
    `<testsuites><testsuite>${cases('', '')}</testsuite></testsuites>`,
  );
  assert.deepEqual(suiteCounts(1, file), { passed: 2, failed: 1, skipped: 0, note: 'exit 1' });
});

test('a suite that writes no report counts as failed, even when it exits 0', () => {
  const counts = suiteCounts(0, join(dir, 'missing.xml'));
  assert.equal(counts.passed, 0);
  assert.equal(counts.failed, 1);
  assert.match(counts.note, /^no report/);
});

test('a suite that runs no test counts as failed', () => {
  const file = report('empty', '<testsuites><testsuite name="none"></testsuite></testsuites>');
  assert.deepEqual(suiteCounts(0, file), { passed: 0, failed: 1, skipped: 0, note: 'no tests' });
});

test("a suite-level error count no case accounts for (Karma's browser crash) adds failures", () => {
  const file = report(
    'karma',
    `<testsuites><testsuite name="Chrome" errors="2">${cases('', 'error')}</testsuite></testsuites>`,
  );
  assert.deepEqual(suiteCounts(0, file), { passed: 1, failed: 2, skipped: 0 });
});

test('an unreadable report counts as failed and says so', () => {
  const counts = suiteCounts(0, dir); // a directory, not a file
  assert.equal(counts.failed, 1);
  assert.match(counts.note, /^unreadable report/);
});
