// The measures. The runtime ones run in headless Chromium on the demo auth server (server/, test
// mode, a child process on loopback, serving the runtime bench app on the same origin as /api);
// the bundle measure builds one minimal app per option. Every result keeps its raw runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { login } from '../../e2e/support/auth-api.mjs';
import { getJson, postJson, startServer } from '../../e2e/support/start-server.mjs';
import { launchChromium } from '../../scripts/launch-chromium.mjs';
import { openBenchPage, openSecondTab } from './browser.mjs';
import { BUNDLES, REFRESHING, STARTUP, STEADY, label } from './variants.mjs';
import { buildApp, outputOf } from './workspace.mjs';

/** The q-quantile (0..1) with linear interpolation; NaN when empty. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const [at, low] = [(sorted.length - 1) * q, Math.floor((sorted.length - 1) * q)];
  return sorted.length ? sorted[low] + ((sorted[low + 1] ?? 0) - sorted[low]) * (at - low) : NaN;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** `ids` in the order of round `k`: each option goes first in turn. */
const rotate = (ids, k) => ids.map((_, i) => ids[(i + k) % ids.length]);

/** Runs `work(pages)` with a bench page per id, then closes them; adds the pages' errors. */
async function withPages(browser, url, ids, work) {
  const pages = {};
  try {
    for (const id of ids) pages[id] = await openBenchPage(browser, url);
    const pageErrors = (id) => pages[id].errors.map((error) => `${id}: ${error}`);
    return { ...(await work(pages)), pageErrors: ids.flatMap(pageErrors) };
  } finally {
    for (const page of Object.values(pages)) await page.close();
  }
}

async function startBenchServer(accessTtlMs) {
  const env = { TEST_MODE: '1', ACCESS_TTL: `${accessTtlMs}ms` };
  const server = await startServer({
    env: { ...env, STATIC_DIR: `${outputOf('runtime')}/browser` },
  });
  const ok = ({ status, body }) => {
    if (status === 200) return body;
    throw new Error(`the server answered ${status}: ${JSON.stringify(body)}`);
  };
  return {
    ...server,
    login: () => login(server.url),
    stats: async () => ok(await getJson(`${server.url}/api/_stats`)),
    reset: async () => ok(await postJson(`${server.url}/api/_reset`, {})),
  };
}

/** The measures that need the server and Chromium; the tokens for the bursts expire meanwhile. */
export async function runRuntimeMeasures(settings, wanted, time, log) {
  const server = await startBenchServer(settings.accessTtlMs);
  let browser;
  try {
    browser = await launchChromium();
    const tokens = [];
    const runs = settings.ns.reduce((sum, n) => sum + settings.reps[n], 0);
    while (wanted.includes('amplification') && tokens.length < runs * (REFRESHING.length + 1)) {
      tokens.push(await server.login());
    }
    const expiredAt = Date.now() + settings.accessTtlMs + 250;
    const measures = {};
    for (const [name, key, measure] of [
      ['steady', 'steady', measureSteady],
      ['memory', 'memory', measureCycles],
      ['startup', 'startup', measureStartup],
      ['amplification', 'amplification', measureBursts],
      ['short-ttl', 'shortTtl', measureShortTtl],
    ]) {
      if (!wanted.includes(name)) continue;
      if (name === 'amplification') await sleep(expiredAt - Date.now());
      measures[key] = await time(name, () => measure({ browser, server, settings, tokens, log }));
    }
    return { chromium: browser.version(), measures };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/**
 * One burst of `n` requests at once in a fresh app instance, its session's access token expired
 * (`floor`: a refresh, then the requests, with a bare HttpClient), and the server's counters.
 */
async function burst(page, server, id, n, session, idleMs) {
  await page.load(id === 'floor' ? 'bare' : id);
  if (id !== 'floor') await page.call('setSession', session);
  await server.reset();
  const call = id === 'floor' ? ['floor', n, session.refreshToken, idleMs] : ['fire', n, idleMs];
  const { latencies, ...result } = await page.call(...call);
  const [p50, p99] = [quantile(latencies, 0.5), quantile(latencies, 0.99)];
  return { variant: id, n, ...result, p50, p99, stats: await server.stats() };
}

/** Amplification and latency: every (repetition, N, option), the options rotated. */
async function measureBursts({ browser, server, settings: { ns, reps }, tokens, log }) {
  const ids = ['floor', ...REFRESHING];
  return withPages(browser, server.url, ids, async (pages) => {
    const runs = [];
    for (let rep = 0; rep < Math.max(...Object.values(reps)); rep++) {
      for (const n of ns.filter((size) => rep < reps[size])) {
        for (const id of rotate(ids, rep + ns.indexOf(n))) {
          const run = await burst(pages[id], server, id, n, tokens.shift(), 5000 + 15 * n);
          runs.push({ rep, ...run });
          const { refreshCalls, unauthorized } = run.stats;
          log(`  ${id} N=${n}: ${refreshCalls} refresh, ${unauthorized} 401, ${run.failed} failed`);
        }
      }
    }
    return { runs };
  });
}

/** Steady state: ns per request against the synchronous in-process backend, options rotated. */
async function measureSteady({ browser, server, settings, log }) {
  const { count, axiosCount, dpopCount, warmup, rounds } = settings.steady;
  const counts = { 'library-dpop': dpopCount, axios: axiosCount, 'axios-auth-refresh': axiosCount };
  const countOf = (id) => counts[id] ?? count;
  const batch = 1000; // requests in flight at once, in a full run and a smoke run alike
  const results = {};
  const run = await withPages(browser, server.url, STEADY, async (pages) => {
    for (const id of STEADY) {
      await pages[id].load(id, 'sync');
      await pages[id].call('login');
      await pages[id].call('steady', Math.min(warmup, countOf(id)), batch);
      results[id] = { nsPerRequest: [], failed: 0 };
    }
    for (let round = 0; round < rounds; round++) {
      for (const id of rotate(STEADY, round)) {
        const { ms, failed } = await pages[id].call('steady', countOf(id), batch);
        results[id].nsPerRequest.push((ms * 1e6) / countOf(id));
        results[id].failed += failed;
      }
      const last = (id) => `${id} ${Math.round(results[id].nsPerRequest.at(-1))}`;
      log(`  round ${round + 1} (ns/request): ${STEADY.map(last).join(', ')}`);
    }
    for (const id of STEADY) results[id].counters = await pages[id].call('counters');
  });
  return { count, axiosCount, dpopCount, batch, rounds, results, ...run };
}

/**
 * Refresh cycles against the in-process server (401, refresh, retry): the heap after a full GC
 * after a warm-up, half-way and at the end; wall and main-thread CPU time per cycle. Each run
 * takes the options in a different order.
 */
async function measureCycles({ browser, server, settings, log }) {
  const { cycles, warmup, reps } = settings.memory;
  const results = Object.fromEntries(REFRESHING.map((id) => [id, []]));
  const run = await withPages(browser, server.url, ['cycles'], async ({ cycles: page }) => {
    for (let rep = 0; rep < reps; rep++) {
      for (const id of rotate(REFRESHING, rep)) {
        await page.load(id, 'async');
        await page.call('login');
        const run = { ok: 0, failed: 0, msPerCycle: 0, cpuMsPerCycle: 0 };
        const cycle = async (count, timed = true) => {
          const [started, cpuStarted] = [performance.now(), await page.cpuMs()];
          const { ok, failed } = await page.call('cycles', count);
          if (timed) run.msPerCycle += (performance.now() - started) / cycles;
          if (timed) run.cpuMsPerCycle += ((await page.cpuMs()) - cpuStarted) / cycles;
          Object.assign(run, { ok: run.ok + ok, failed: run.failed + failed });
          return page.heapAfterGc();
        };
        run.heapWarm = await cycle(warmup, false);
        run.heapHalf = await cycle(cycles / 2);
        run.heapEnd = await cycle(cycles / 2);
        results[id].push({ ...run, counters: await page.call('counters') });
        const [growth, cpuUs] = [run.heapEnd - run.heapWarm, Math.round(run.cpuMsPerCycle * 1000)];
        log(`  ${id}: ${growth} B heap growth, ${run.failed} failed, ${cpuUs} µs CPU per cycle`);
      }
    }
  });
  return { cycles, warmup, results, ...run };
}

/** Start-up delay (bench/app/startup.ts), each in a fresh browser context, alternating. */
async function measureStartup({ browser, server, settings: { startup }, log }) {
  const [runs, pageErrors] = [[], []];
  for (let rep = 0; rep < startup.reps; rep++) {
    const line = [];
    for (const situation of ['alone', 'other-signed-out', 'other-signed-in']) {
      for (const variant of rep % 2 ? [...STARTUP].reverse() : STARTUP) {
        const first = await openBenchPage(browser, server.url);
        const tabs = [first];
        try {
          if (situation !== 'alone') {
            await first.load(variant); // the other tab: up, with a request made or signed in
            const session = situation === 'other-signed-in' && (await server.login());
            await (session ? first.call('setSession', session) : first.call('fire', 1, 5000));
            tabs.push(await openSecondTab(first));
          }
          const cases = await tabs.at(-1).start(variant);
          for (const [start, { startedAt, doneAt, outcome }] of Object.entries(cases)) {
            const heldMs = doneAt - startedAt;
            runs.push({ rep, situation, variant, start, heldMs, doneAt, outcome });
          }
          const [guard, request] = runs.slice(-2).map((run) => run.heldMs.toFixed(1));
          line.push(`${variant} ${situation} ${guard}/${request}`);
        } finally {
          pageErrors.push(...tabs.flatMap((tab) => tab.errors.map((e) => `${situation}: ${e}`)));
          await first.close();
        }
      }
    }
    log(`  rep ${rep + 1} (ms held, guard/request): ${line.join(', ')}`);
  }
  return { reps: startup.reps, runs, pageErrors };
}

/**
 * An edge case: the access token lives shorter than Chromium takes to send a burst (6 connections
 * per origin), so the refreshed token expires in the browser's queue. Its own server process.
 */
async function measureShortTtl({ browser, settings: { shortTtl } }) {
  const { ttlMs, n, variants } = shortTtl;
  const results = [];
  for (const variant of variants) {
    const server = await startBenchServer(ttlMs);
    const run = withPages(browser, server.url, [variant], async ({ [variant]: page }) => {
      const session = await server.login();
      await sleep(ttlMs + 100);
      const result = await burst(page, server, variant, n, session, 30_000);
      return { ...result, accessTtlMs: ttlMs, sessionStatus: await page.call('sessionStatus') };
    });
    results.push(await run.finally(() => server.stop()));
  }
  return { results };
}

/** Bundle cost: all emitted JavaScript of each bundle app, minified and gzipped (level 9). */
export async function measureBundleSize(rebuild, log) {
  const results = {};
  for (const id of Object.keys(BUNDLES)) {
    const build = await buildApp(`bundle-${id}`, rebuild);
    const dir = join(outputOf(`bundle-${id}`), 'browser');
    const js = readdirSync(dir).filter((file) => file.endsWith('.js'));
    const bytes = js.map((file) => readFileSync(join(dir, file)));
    const minified = bytes.reduce((sum, content) => sum + content.length, 0);
    const gzipped = bytes.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0);
    results[id] = { label: label(id), minified, gzipped, build };
    const how = build.cached ? 'cached build' : `built in ${build.seconds.toFixed(1)} s`;
    log(`  ${id}: ${minified} B min, ${gzipped} B gzip (${how})`);
  }
  return { results };
}
