// The release's versioning, as RELEASING.md describes it: `npx changeset version` (run on a copy of
// the workspace's manifests and pending changesets, never on the repository) bumps the library by
// the largest pending bump, writes each pending summary into its CHANGELOG.md and consumes the
// changesets; the lock file records the library's version.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const LIBRARY = join('projects', 'ngx-token-refresh');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The pending changesets: file name, bump of ngx-token-refresh, summary. */
function pendingChangesets(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const [, front, summary] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
      assert.ok(front, `.changeset/${name} has a front matter`);
      const bump = front.match(/^'ngx-token-refresh': (patch|minor|major)$/m)?.[1];
      assert.ok(bump, `.changeset/${name} bumps 'ngx-token-refresh' by patch, minor or major`);
      return { name, bump, summary: summary.trim() };
    });
}

const work = mkdtempSync(join(tmpdir(), 'changesets-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('npx changeset version bumps the library by the largest pending bump, writes every summary into its CHANGELOG and consumes the changesets', () => {
  const pending = pendingChangesets(join(root, '.changeset'));
  assert.ok(pending.length > 0, 'there are pending changesets to release');
  for (const file of ['package.json', 'package-lock.json', 'bench/package.json', '.changeset']) {
    cpSync(join(root, file), join(work, file), { recursive: true });
  }
  cpSync(join(root, LIBRARY, 'package.json'), join(work, LIBRARY, 'package.json'));
  const before = readJson(join(work, LIBRARY, 'package.json')).version;

  execFileSync(join(root, 'node_modules', '.bin', 'changeset'), ['version'], {
    cwd: work,
    stdio: 'pipe',
  });

  const [major, minor, patch] = before.split('.').map(Number);
  const largest = ['major', 'minor', 'patch'].find((bump) => pending.some((c) => c.bump === bump));
  // Before 1.0, changesets still bumps as asked: RELEASING.md has breaking changes use `minor`.
  const expected = {
    major: `${major + 1}.0.0`,
    minor: `${major}.${minor + 1}.0`,
    patch: `${major}.${minor}.${patch + 1}`,
  }[largest];
  assert.equal(readJson(join(work, LIBRARY, 'package.json')).version, expected);
  const changelog = readFileSync(join(work, LIBRARY, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${expected.replace(/\./g, '\\.')}$`, 'm'));
  for (const { name, summary } of pending) {
    const firstLine = summary.split('\n')[0];
    assert.ok(changelog.includes(firstLine), `the CHANGELOG has the summary of ${name}`);
  }
  assert.deepEqual(pendingChangesets(join(work, '.changeset')), [], 'the changesets are consumed');
  assert.ok(existsSync(join(work, '.changeset', 'config.json')), 'the config stays');
});

test("the lock file records the library's version", () => {
  const lock = readJson(join(root, 'package-lock.json'));
  const { version } = readJson(join(root, LIBRARY, 'package.json'));
  assert.equal(lock.packages[LIBRARY].version, version);
});
