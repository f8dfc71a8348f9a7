// Fails when the built package's public API differs from the committed report (see
// scripts/api-report.mjs). Run after `ng build ngx-token-refresh`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPORT_DIR, TYPES_DIR, buildReports } from './api-report.mjs';

test('every entry point of the built package matches its committed API report', () => {
  assert.ok(existsSync(TYPES_DIR), 'build the library first: ng build ngx-token-refresh');
  const reports = buildReports();
  assert.deepEqual(
    reports.map((r) => r.file).sort(),
    readdirSync(REPORT_DIR).sort(),
    'one committed report per entry point',
  );
  for (const { file, text } of reports) {
    const committed = readFileSync(join(REPORT_DIR, file), 'utf8');
    assert.equal(
      text,
      committed,
      `${file}: the public API changed. If that is deliberate, run ` +
        '`node scripts/api-report.mjs --update` and commit the report.',
    );
  }
});
