// The machine, the versions and the code that a result was measured on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { LIBRARY_SNAPSHOT, ROOT } from './paths.mjs';

const PACKAGES = [
  '@angular/core',
  '@angular/common',
  '@angular/build',
  'rxjs',
  'ngx-auth',
  '@auth0/angular-jwt',
  'axios',
  'axios-auth-refresh',
  'playwright-core',
  'express',
  'jose',
];

export function describeMachine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browserVersion,
    loadAverage: os.loadavg(),
    packages: Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])),
    library: {
      version: readJson(join(LIBRARY_SNAPSHOT, 'package.json')).version,
      commit: git(['rev-parse', '--short', 'HEAD']),
      uncommittedChanges: git([
        '--no-optional-locks',
        'status',
        '--porcelain',
        '--',
        'projects/ngx-token-refresh/src',
      ])
        .split('\n')
        .filter(Boolean).length,
    },
  };
}

function versionOf(name) {
  try {
    return readJson(join(ROOT, 'node_modules', name, 'package.json')).version;
  } catch {
    return 'not installed';
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Read-only git queries; '' when git is unavailable. */
function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return '';
  }
}
