// The figures of the README's "How it compares" paragraph, and the run time that bench/README.md
// gives, against docs/benchmarks.md, which `node bench/run.mjs` generates (bench/lib/report.mjs):
// every figure the README quotes, rounded as the README rounds it, is the one the doc reports.
// After a new bench run, a failure names the README phrase to change, the doc's figure and the
// wording to put in. Needs no build, runs no bench.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const [README, DOC] = [read('README.md'), read('docs/benchmarks.md')];
const DOC_NAME = 'docs/benchmarks.md';

/** The `## heading` section of a markdown file, to the next `## ` heading. */
function section(markdown, heading, file) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `${file} has no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The table of a section of the doc: its headers and its rows as { header: cell }. */
function table(heading) {
  const bare = (text) => text.trim().replaceAll('**', '');
  const cells = (line) => line.split('|').slice(1, -1).map(bare);
  const lines = section(DOC, heading, DOC_NAME).match(/^\|.*\|$/gm) ?? [];
  assert.ok(lines.length > 2, `${DOC_NAME}'s "## ${heading}" section has no table`);
  const [headers, , ...rows] = lines.map(cells);
  const byHeader = (row) => Object.fromEntries(headers.map((header, i) => [header, row[i]]));
  return { heading, headers, rows: rows.map(byHeader) };
}

/** A cell, by its row's first cell (a string: equal; a RegExp: matching) and its column's header
 * (which starts with `column`). Returns [cell, where it is in the doc, header]. */
function cell({ heading, headers, rows }, name, column) {
  const header = headers.find((text) => text.startsWith(column));
  assert.ok(header !== undefined, `${DOC_NAME}'s "${heading}" table has no column "${column}…"`);
  const row = rows.find((r) => (name.test ? name.test(r[headers[0]]) : r[headers[0]] === name));
  assert.ok(row, `${DOC_NAME}'s "${heading}" table has no row "${name}"`);
  const where = `"${row[header]}" (${heading}: ${row[headers[0]]}, ${header})`;
  return [row[header], where, header];
}

const numbers = (text) =>
  [...text.matchAll(/\d[\d,]*(\.\d+)?/g)].map(([n]) => +n.replace(/,/g, ''));
const int = (value) => value.toLocaleString('en-US');
const calls = (text) => text.split(' / ').map((n) => numbers(n)[0]);

const RESULTS = table('Results');
const TARGETS = table('Price targets');
const DPOP = table('DPoP');
const LOSSES = section(DOC, 'Where ngx-token-refresh loses', DOC_NAME);
const LIBRARY = 'ngx-token-refresh';
const NS = numbers(cell(RESULTS, LIBRARY, 'Refresh calls')[2]);

const PARAGRAPH = section(README, 'How it compares', 'README.md').replace(/\s+/g, ' ');

/** The README paragraph's phrase that `pattern` matches (the test fails when it has none). */
function quoted(pattern, what) {
  const match = new RegExp(pattern.source, 'd').exec(PARAGRAPH);
  assert.ok(match, `README.md's "How it compares" no longer says ${what} (${pattern})`);
  return match;
}

/** Group `group` of the README phrase `match` equals `expected`, derived from the doc's `figure`. */
function agrees(match, group, expected, figure) {
  const [start, end] = match.indices[group].map((i) => i - match.index);
  const fixed = match[0].slice(0, start) + expected + match[0].slice(end);
  const message = `README.md's "How it compares" says "${match[0]}", but ${DOC_NAME} reports ${figure}: change the README to "${fixed}"`;
  assert.equal(match[group], String(expected), message);
}

test('the README quotes the burst sizes and the 1 refresh call, 0 401s and 0 failures at each that docs/benchmarks.md reports', () => {
  const m = quoted(
    /N = ([\d, and]+) concurrent requests cause exactly \*\*(\d+ refresh calls?), (\d+) 401s and (\d+) failures\*\*/,
    "the burst sizes and the library's refresh calls, 401s and failures",
  );
  const sizes = `${NS.slice(0, -1).map(int).join(', ')} and ${int(NS.at(-1))}`;
  agrees(m, 1, sizes, `bursts of N = ${NS.join('/')}`);
  const [refreshes, where] = cell(RESULTS, LIBRARY, 'Refresh calls');
  const [count, ...others] = new Set(calls(refreshes));
  agrees(m, 2, others.length ? refreshes : `${count} refresh call${count === 1 ? '' : 's'}`, where);
  const [unauthorized, where401] = cell(RESULTS, LIBRARY, '401s');
  agrees(m, 3, numbers(unauthorized)[0], where401);
  const [failed, whereFailed] = cell(RESULTS, LIBRARY, 'Failed');
  agrees(m, 4, numbers(failed)[0], whereFailed);
  const losses = LOSSES.split('\n').filter((line) => line.startsWith('- Bursts of'));
  const message = `README.md says "${m[0]}", but ${DOC_NAME} lists among the library's losses "${losses.join(' ')}": quote those figures instead`;
  assert.deepEqual(losses, [], message);
});

test('the README says the "no lock" interceptor refreshes once per request and gets the session revoked, as docs/benchmarks.md reports', () => {
  const m = quoted(
    /the tutorial "no lock" interceptor sends one refresh per request and gets the session revoked/,
    'that the "no lock" interceptor refreshes per request and gets the session revoked',
  );
  const [refreshes, where] = cell(RESULTS, /^hand-written \(a\)/, 'Refresh calls');
  const [revoked, whereRevoked] = cell(RESULTS, /^hand-written \(a\)/, 'Session revoked');
  const figure = `${where} and ${whereRevoked}`;
  const holds = calls(refreshes).join() === NS.join() && revoked.startsWith('yes');
  assert.ok(holds, `README.md says "${m[0]}", but ${DOC_NAME} reports ${figure}: reword it`);
});

test('the README quotes the refresh calls of the flag-and-queue pattern and ngx-auth at the largest burst that docs/benchmarks.md reports', () => {
  const m = quoted(
    /the flag-and-queue pattern and ngx-auth send up to ([\d,]+) and ([\d,]+) refreshes at N = ([\d,]+)/,
    'the refresh calls of the flag-and-queue pattern and ngx-auth',
  );
  agrees(m, 3, int(NS.at(-1)), `N = ${NS.join('/')} (the largest last)`);
  for (const [group, option] of [
    [1, /^hand-written \(b\)/],
    [2, /^ngx-auth\b/],
  ]) {
    const [refreshes, where] = cell(RESULTS, option, 'Refresh calls');
    agrees(m, group, int(calls(refreshes).at(-1)), where);
  }
});

test('the README quotes the latency against the physical floor that docs/benchmarks.md reports, rounded up', () => {
  const m = quoted(
    /At N = ([\d,]+), waiting requests finish within ([\d.]+)× the floor/,
    'the latency against the floor',
  );
  const [latency, where, header] = cell(RESULTS, LIBRARY, 'p50 latency');
  agrees(m, 1, int(numbers(header)[1]), `the latency at "${header}"`);
  const ratio = /\(([\d.]+)×\)/.exec(latency);
  assert.ok(ratio, `${DOC_NAME} reports no ratio to the floor: ${where}`);
  const within = (Math.ceil(Number((Number(ratio[1]) * 10).toFixed(6))) / 10).toFixed(1);
  agrees(m, 2, within, `${where}, ${ratio[1]}× rounded up: ${within}×`);
});

test('the README says nothing grows over the number of refresh cycles that docs/benchmarks.md ran', () => {
  const m = quoted(/nothing grows over ([\d,]+) refresh cycles/, 'that nothing grows');
  const cycles = /\*\*Refresh cycle\*\*: ([\d,]+) cycles/.exec(section(DOC, 'Results', DOC_NAME));
  assert.ok(cycles, `${DOC_NAME}'s "Results" no longer says how many refresh cycles ran`);
  agrees(m, 1, cycles[1], `"${cycles[0]}"`);
  const [, where] = cell(RESULTS, LIBRARY, 'Heap growth');
  const growing = LOSSES.split('\n').filter((line) => line.startsWith('- Heap keeps growing'));
  const message = `README.md says "${m[0]}", but ${DOC_NAME} reports ${where} and lists among its losses "${growing.join(' ')}": reword it`;
  assert.deepEqual(growing, [], message);
});

test('the README quotes the steady-state ratio to the floor that docs/benchmarks.md reports', () => {
  const m = quoted(
    /The price: ([\d.]+)× a hand-written bearer interceptor per request/,
    'the steady-state ratio to the floor',
  );
  const [ratio, where] = cell(TARGETS, 'Steady state, against the floor', 'This run');
  agrees(m, 1, numbers(ratio)[0].toFixed(2), where);
});

test('the README quotes the steady-state difference to the floor in µs that docs/benchmarks.md reports', () => {
  const m = quoted(/\(about ([\d.]+) µs more;/, 'the steady-state difference to the floor');
  const [figures, where] = cell(TARGETS, 'Steady state, against the floor', 'Figures');
  const [library, floor] = numbers(figures);
  const more = ((library - floor) / 1000).toFixed(1);
  agrees(m, 1, more, `${where}, ${library - floor} ns ≈ ${more} µs`);
});

test('the README quotes the steady-state ratio to JwtInterceptor that docs/benchmarks.md reports', () => {
  const m = quoted(/([\d.]+)× `JwtInterceptor`'s cost/, 'the steady-state ratio to JwtInterceptor');
  const [ratio, where] = cell(TARGETS, 'Steady state, against JwtInterceptor', 'This run');
  agrees(m, 1, numbers(ratio)[0].toFixed(2), where);
});

test('the README quotes the bundle size the library adds that docs/benchmarks.md reports', () => {
  const m = quoted(/`JwtInterceptor`'s cost\) and \+([\d.]+) KB gzipped/, 'the bundle size added');
  const [size, where] = cell(RESULTS, LIBRARY, 'Bundle');
  agrees(m, 1, numbers(size)[0].toFixed(1), where);
});

test('the README quotes the time withDpop() adds per request that docs/benchmarks.md reports', () => {
  const m = quoted(
    /`withDpop\(\)` adds one ES256 proof per request \(about ([\d.]+) ms\)/,
    'what withDpop() adds per request',
  );
  assert.match(section(DOC, 'DPoP', DOC_NAME), /ES256/, `${DOC_NAME}'s DPoP proofs are not ES256`);
  const [adds, where] = cell(DPOP, 'Per request (steady state)', 'DPoP adds');
  assert.match(adds, /µs$/, `${DOC_NAME} reports what DPoP adds per request in µs: ${where}`);
  agrees(m, 1, (numbers(adds)[0] / 1000).toFixed(2), where);
});

test('the README quotes the bundle size withDpop() adds that docs/benchmarks.md reports', () => {
  const m = quoted(
    /per request \(about [\d.]+ ms\) and \+([\d.]+) KB gzipped/,
    "withDpop()'s bundle size",
  );
  const [adds, where] = cell(DPOP, /^Bundle added \(gzip\)/, 'DPoP adds');
  const kb = (numbers(adds)[0] / 1024).toFixed(1);
  agrees(m, 1, kb, `${where}, ${kb} KB`);
});

test("the README and bench/README.md give a full run's duration that brackets the one docs/benchmarks.md reports", () => {
  const run = /^\| Run +\| [^|]*, ([\d,]+) s +\|$/m.exec(
    section(DOC, 'Machine and versions', DOC_NAME),
  );
  assert.ok(run, `${DOC_NAME}'s "Machine and versions" no longer says how long the run took`);
  const minutes = numbers(run[1])[0] / 60;
  const m = quoted(/`npm run bench`, (\d+) to (\d+) minutes\)/, "a full run's duration");
  const bench = /full run, (\d+) to (\d+) minutes on 2 cores/.exec(read('bench/README.md'));
  assert.ok(bench, 'bench/README.md no longer says how long a full run takes');
  for (const [phrase, low, high] of [m, bench]) {
    const holds = Number(low) <= minutes && minutes <= Number(high);
    assert.ok(holds, `"${phrase}", but ${DOC_NAME} reports a run of ${minutes.toFixed(1)} minutes`);
  }
});
