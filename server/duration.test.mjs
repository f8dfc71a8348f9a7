// Unit tests for parseDuration (ACCESS_TTL / REFRESH_TTL syntax).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from './duration.mjs';

test('parses ms, s, m, h and plain seconds', () => {
  assert.equal(parseDuration('500ms', 1), 500);
  assert.equal(parseDuration('10s', 1), 10_000);
  assert.equal(parseDuration('2m', 1), 120_000);
  assert.equal(parseDuration('1h', 1), 3_600_000);
  assert.equal(parseDuration('30', 1), 30_000);
  assert.equal(parseDuration('1.5s', 1), 1500);
  assert.equal(parseDuration(undefined, 42), 42);
  assert.equal(parseDuration('', 42), 42);
});

test('rejects invalid durations', () => {
  for (const value of ['abc', '10d', '-1s', '0', '0ms']) {
    assert.throws(() => parseDuration(value, 1), Error, value);
  }
});
