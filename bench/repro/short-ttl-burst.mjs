#!/usr/bin/env node
// Reproduction (not part of the benchmark): a burst of N requests right after expiry with an
// access token that lives shorter than Chromium takes to send the burst (6 connections per
// origin), so the token from the refresh expires in the browser's queue. Prints what the server
// counted, how the requests ended and the library's session status afterwards.
// Usage: node bench/repro/short-ttl-burst.mjs [--ttl-ms=2000] [--n=1000] [--variant=library]
// (needs the bench apps built: node bench/run.mjs --smoke).
import { parseArgs } from 'node:util';
import { launchBrowser } from '../lib/browser.mjs';
import { measureShortTtl } from '../lib/measures/short-ttl.mjs';

const { values } = parseArgs({
  options: {
    'ttl-ms': { type: 'string', default: '2000' },
    n: { type: 'string', default: '1000' },
    variant: { type: 'string', default: 'library' },
  },
});

const browser = await launchBrowser();
try {
  const result = await measureShortTtl({
    browser,
    ttlMs: Number(values['ttl-ms']),
    n: Number(values.n),
    variant: values.variant,
  });
  console.log(result);
} finally {
  await browser.close();
}
