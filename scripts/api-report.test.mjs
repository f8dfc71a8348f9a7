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

test('the README names every public export of every entry point', () => {
  const readme = readFileSync(join(REPORT_DIR, '..', '..', '..', 'README.md'), 'utf8');
  for (const { file, text } of buildReports()) {
    const exported = [...text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap(([, names]) =>
      names.split(',').map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .at(-1),
      ),
    );
    const missing = exported.filter(
      (name) => name && !name.startsWith('\u0275') && !new RegExp(`\\b${name}\\b`).test(readme),
    );
    assert.deepEqual(missing, [], `${file}: exports the README does not mention`);
  }
});
