// Angular 22 consumer check: the package as built here (Angular 21 toolchain) installed into a
// fresh Angular 22 app, under a Node 22 taken from the npm registry (Angular 22's CLI refuses
// Node 20). The steps (ng new under tmp/angular22, the tarball, `ng add` under Angular 22's CLI,
// build, the smoke specs of scripts/consumer-22/) are scripts/consumer-major.mjs's.
// Run after `npm run build:lib`.
// NODE22_DIR overrides where Node 22 is kept (default: <os tmpdir>/node22, reused across runs).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { consumerMajorSteps } from './consumer-major.mjs';
import { commandRunner, createSteps } from './consumer-steps.mjs';

const root = resolve(import.meta.dirname, '..');
const nodeDir = process.env.NODE22_DIR || join(tmpdir(), 'node22');
const nodePackage = `node-${process.platform}-${process.arch}`;
const nodeBin = join(nodeDir, 'node_modules', nodePackage, 'bin');
/** The oldest Node 22 that Angular 22's CLI accepts. */
const MIN_NODE = [22, 22, 3];
const node22 = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}` };

const step = createSteps();
const run = commandRunner('angular22', node22);

step(`Node 22 (${nodePackage} from the npm registry)`, () => {
  if (!isUsableNode()) {
    run(`npm install --prefix "${nodeDir}" ${nodePackage}@22 --no-audit --no-fund`, root);
  }
  assert.ok(
    isUsableNode(),
    `${nodeBin}/node is not Node >= ${MIN_NODE.join('.')} after installing ${nodePackage}@22`,
  );
});

consumerMajorSteps({ step, run, name: 'angular22', cli: '22', version: /^22\./ });

function isUsableNode() {
  if (!existsSync(join(nodeBin, 'node'))) return false;
  const version = run(`"${join(nodeBin, 'node')}" --version`, root).trim();
  const [major, minor, patch] = version.slice(1).split('.').map(Number);
  const [minMajor, minMinor, minPatch] = MIN_NODE;
  return major === minMajor && (minor > minMinor || (minor === minMinor && patch >= minPatch));
}
