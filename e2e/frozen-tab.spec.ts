// A frozen background tab (Page Lifecycle "frozen": Android's background tabs, DevTools or
// chrome://discards; Chrome's desktop freezing spares a page that holds a Web Lock, as every tab of
// the library does) runs no timer and takes no network answer while another tab of the session
// rotates the refresh token or signs out. When it resumes it must not use what it held before: a refresh with the spent refresh
// token would be a reuse of a rotated token, and this file's server (the default one, no
// REUSE_GRACE) answers that by revoking the family, signing every tab out. Two tabs of one browser
// share the session (crossTab, the default); the test freezes one of them with CDP
// (`Page.setWebLifecycleState`) and checks, on the server's counters and on the pages, what it
// does on resume.
//
// Playwright's own pages cannot be frozen: it turns on focus emulation for each page of its
// contexts (`Emulation.setFocusEmulationEnabled`), which keeps a page visible, and Chromium then
// ignores `Page.setWebLifecycleState` (it answers, but no `freeze` event comes and timers run on).
// So each test starts a Chromium of its own (the config's binary and flags, a fresh profile, a
// DevTools port on 127.0.0.1) and connects with `noDefaults`, whose default context gets no focus
// emulation. A probe in the frozen tab checks that it really was frozen (no timer ran) and records
// the channel's messages: in Chromium 156 they ran in the frozen tab at once, not on resume.
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import CHROMIUM_FLAGS from '../scripts/chromium-flags.cjs';
import { expect, test } from './fixtures';
import {
  errorsOf,
  fireBurst,
  openTab,
  signIn,
  startBurst,
  waitForTestId,
  waitPastExpiry,
} from './support/demo-app';
import { Stats, statsDelta } from './support/demo-server';

const BURST = 20;
/** The library's BroadcastChannel (and revision marker) name for the default storageKey. */
const CHANNEL = 'ngx-token-refresh:ngx-token-refresh';
/** How long the server sits on a refresh in the mid-refresh scenarios. */
const SLOW_REFRESH_MS = 2000;

/** What the probe in a tab saw (see `installProbe`). */
interface Probe {
  /** Document lifecycle events: `freeze`, `resume`, `visibilitychange`. */
  events: { type: string; visibility: string; at: number }[];
  /** The times a 50 ms interval ran: a gap shows the tab was really frozen. */
  ticks: number[];
  /** Every message on the library's channel this tab received (a listener of its own). */
  news: { type: string; revision?: number; gen?: number; at: number }[];
}

/** A Chromium of the test's own (see the top of the file), connected over CDP. */
interface OwnBrowser {
  browser: Browser;
  /** Its default context: one profile, whose pages are tabs that can be frozen. */
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a DevTools port on 127.0.0.1 and a fresh profile; connects to it. */
async function launchOwnBrowser(): Promise<OwnBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'frozen-tab-'));
  const child: ChildProcess = spawn(
    process.env['CHROME_BIN'] || '/usr/bin/chromium',
    [
      ...CHROMIUM_FLAGS,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1280,900',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 15_000);
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      const match = /DevTools listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  return {
    browser,
    context: browser.contexts()[0],
    async close() {
      const exited = new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
      );
      // Closing the connection leaves Chromium running: ask it to quit, then make sure.
      try {
        const session = await browser.newBrowserCDPSession();
        await session.send('Browser.close');
      } catch {}
      const quit = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      if (!quit) child.kill('SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`frozen-tab: could not remove ${profile}: ${error}`);
      }
    },
  };
}

/** A session shared by two tabs of one browser: `a` signed in, `b` joined it. */
interface Tabs {
  own: OwnBrowser;
  context: BrowserContext;
  a: Page;
  b: Page;
  /** The token generation both tabs settled on. */
  gen: number;
}

/**
 * Opens two tabs; signs in in `a`, `b` joins the session (no login) on the dashboard. Once both
 * settle on one generation, `b` gets the probe (see `installProbe`).
 */
async function twoTabs(url: string): Promise<Tabs> {
  const own = await launchOwnBrowser();
  const { context } = own;
  try {
    const a = await openTab(context, 20_000);
    // Tabs of one window: B, opened next, hides A. Focus emulation (a CDP session kept open)
    // keeps A visible, as a tab in a window of its own, so it renders and takes clicks.
    const keepVisible = await context.newCDPSession(a);
    await keepVisible.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    await a.goto(`${url}/login`);
    await signIn(a, { goto: false });
    await a.waitForURL('**/dashboard');
    await a.getByTestId('dashboard-page').waitFor();
    const b = await openTab(context, 20_000);
    await b.goto(`${url}/dashboard`);
    await b.locator('[data-testid="dashboard-page"], [data-testid="login-page"]').waitFor();
    expect(new URL(b.url()).pathname, 'tab B joined the session').toBe('/dashboard');
    await waitForTestId(b, 'session-status', { 'session-status': 'authenticated' });
    const gen = await settledGeneration(a, b);
    await b.evaluate(installProbe, CHANNEL);
    return { own, context, a, b, gen };
  } catch (error) {
    await own.close();
    throw error;
  }
}

/** Waits until neither tab refreshes and both show one token generation; returns its number. */
async function settledGeneration(...tabs: Page[]): Promise<number> {
  await Promise.all(tabs.map((tab) => waitForTestId(tab, 'refresh-lock', { locked: 'false' })));
  const shown = await Promise.all(
    tabs.map((tab) => tab.getByTestId('token-generation').innerText()),
  );
  expect(new Set(shown).size, `generations: ${shown}`).toBe(1);
  const gen = Number(/^gen (\d+)$/.exec(shown[0])?.[1]);
  expect(Number.isInteger(gen), `generation shown: ${shown[0]}`).toBe(true);
  return gen;
}

/** In a tab: records lifecycle events, a 50 ms heartbeat, and the channel's messages. */
function installProbe(channel: string): void {
  const probe: Probe = { events: [], ticks: [], news: [] };
  (window as unknown as { probe: Probe }).probe = probe;
  for (const type of ['freeze', 'resume', 'visibilitychange']) {
    document.addEventListener(type, () =>
      probe.events.push({ type, visibility: document.visibilityState, at: Date.now() }),
    );
  }
  setInterval(() => probe.ticks.push(Date.now()), 50);
  const genOf = (token: unknown): number | undefined => {
    if (typeof token !== 'string') return undefined;
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part))['gen'];
  };
  new BroadcastChannel(channel).onmessage = ({ data }) =>
    probe.news.push({
      type: data?.type,
      revision: data?.revision,
      gen: genOf(data?.tokens?.accessToken),
      at: Date.now(),
    });
}

function readProbe(tab: Page): Promise<Probe> {
  return tab.evaluate(() => (window as unknown as { probe: Probe }).probe);
}

/** The heartbeats of the probe while the tab was frozen (ms after `from`): there must be none. */
function ticksWhileFrozen(probe: Probe, from: number, to: number): number[] {
  return probe.ticks.filter((at) => at > from + 100 && at < to - 100).map((at) => at - from);
}

/**
 * Freezes `tab` (Page Lifecycle "frozen": Chromium hides it first) over CDP; `thaw()` resumes it
 * and shows it again, as when the user comes back to the tab (focus emulation on this session
 * makes the page visible).
 */
async function freeze(context: BrowserContext, tab: Page) {
  const cdp: CDPSession = await context.newCDPSession(tab);
  const frozenAt = Date.now();
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  return {
    frozenAt,
    async thaw(): Promise<{ frozenAt: number; resumedAt: number }> {
      const resumedAt = Date.now();
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      return { frozenAt, resumedAt };
    },
  };
}

/** Checks the probe: the tab really was frozen (no heartbeat) while it was meant to be. */
function expectWasFrozen(probe: Probe, frozenAt: number, resumedAt: number): void {
  const frozen = probe.events.find((event) => event.type === 'freeze');
  expect(frozen, 'the tab got the "freeze" event').toBeDefined();
  expect(
    ticksWhileFrozen(probe, frozenAt, resumedAt),
    'the frozen tab ran no timer while frozen',
  ).toEqual([]);
}

/** Generations of the valid tokens the server saw between two snapshots. */
function generationsUsed(before: Stats, after: Stats): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [gen, count] of Object.entries(after.requestsByGeneration)) {
    const more = count - (before.requestsByGeneration[gen] ?? 0);
    if (more) used[gen] = more;
  }
  return used;
}

/** A burst that needs no refresh: 20 of 20 with `gen`, no refresh, no 401, no reuse. */
function expectPlainBurst(
  delta: Record<string, number>,
  used: Record<string, number>,
  gen: number,
) {
  expect(delta['refreshCalls'], 'no refresh').toBe(0);
  expect(delta['reuseDetections'], 'reuse detections').toBe(0);
  expect(delta['graceReuses']).toBe(0);
  expect(delta['unauthorized'], '401s served').toBe(0);
  expect(delta['apiRequests']).toBe(BURST);
  expect(delta['apiSuccesses']).toBe(BURST);
  expect(used, 'every request carried the newest generation').toEqual({ [gen]: BURST });
}

/** A burst after expiry: one refresh (an ordinary rotation), 20 of 20 with the next generation. */
function expectRefreshingBurst(
  delta: Record<string, number>,
  used: Record<string, number>,
  gen: number,
) {
  expect(delta['refreshCalls'], 'one refresh').toBe(1);
  expect(delta['refreshSuccesses']).toBe(1);
  expect(delta['reuseDetections'], 'reuse detections').toBe(0);
  expect(delta['graceReuses'], 'no rotated token presented').toBe(0);
  expect(delta['unauthorized'], '401s served').toBe(0);
  expect(delta['apiRequests']).toBe(BURST);
  expect(delta['apiSuccesses']).toBe(BURST);
  expect(used, 'every request carried the next generation').toEqual({ [gen]: BURST });
}

function note(description: string): void {
  test.info().annotations.push({ type: 'diagnostic', description });
}

/** A's bursts after expiry while B is frozen: `rotations` refreshes; returns A's generation. */
async function rotateInA(a: Page, server: { stats(): Promise<Stats> }, rotations: number) {
  let gen = await a
    .getByTestId('token-generation')
    .innerText()
    .then((text) => Number(text.slice(4)));
  for (let i = 0; i < rotations; i++) {
    await waitPastExpiry(a);
    const before = await server.stats();
    const started = Date.now();
    expect(await fireBurst(a), 'A: burst').toBe(BURST);
    note(`A's refreshing burst ${i + 1} while B was frozen took ${Date.now() - started} ms`);
    const after = await server.stats();
    gen += 1;
    expectRefreshingBurst(statsDelta(before, after), generationsUsed(before, after), gen);
  }
  await settledGeneration(a);
  return gen;
}

/**
 * The scenario of test 1: B frozen across `rotations` of A's refreshes, then a burst
 * in B at once and another after the next expiry; A's burst then takes B's news.
 */
async function frozenAcrossRotations(
  tabs: Tabs,
  server: { stats(): Promise<Stats> },
  rotations: number,
): Promise<void> {
  const { a, b } = tabs;
  const start = tabs.gen;
  const frozen = await freeze(tabs.context, b);
  const gen = await rotateInA(a, server, rotations);
  expect(gen).toBe(start + rotations);
  const { frozenAt, resumedAt } = await frozen.thaw();

  // At once after resume: B fires 20 requests. A's newest token is fresh (A refreshed < 1 s ago).
  const before = await server.stats();
  const succeeded = await fireBurst(b);
  const after = await server.stats();
  const delta = statsDelta(before, after);
  const used = generationsUsed(before, after);
  const probe = await readProbe(b);
  note(
    `B frozen ${resumedAt - frozenAt} ms (heartbeats while frozen, ms after freezing: ${JSON.stringify(ticksWhileFrozen(probe, frozenAt, resumedAt))}); ` +
      `channel messages seen in B, its own posts included (ms after resume): ${JSON.stringify(probe.news.map((n) => ({ ...n, at: n.at - resumedAt })))}; ` +
      `lifecycle events: ${JSON.stringify(probe.events.map((e) => ({ ...e, at: e.at - resumedAt })))}; ` +
      `burst in B at once after resume: ${succeeded}/${BURST}, server delta ${JSON.stringify(delta)}, generations ${JSON.stringify(used)}`,
  );
  expectWasFrozen(probe, frozenAt, resumedAt);
  expect(succeeded, 'B: every request succeeded').toBe(BURST);
  expectPlainBurst(delta, used, gen);
  expect(await settledGeneration(a, b)).toBe(gen);

  // After the next expiry B refreshes once, with the refresh token it got from A's news.
  await waitPastExpiry(b);
  const later = await server.stats();
  expect(await fireBurst(b), 'B: burst after the next expiry').toBe(BURST);
  const last = await server.stats();
  note(`burst in B after the next expiry: server delta ${JSON.stringify(statsDelta(later, last))}`);
  expectRefreshingBurst(statsDelta(later, last), generationsUsed(later, last), gen + 1);
  expect(await settledGeneration(a, b)).toBe(gen + 1);

  // A takes B's news instead of refreshing: the family is alive and both tabs are on it.
  const againA = await server.stats();
  expect(await fireBurst(a), 'A: burst with the tokens of B').toBe(BURST);
  const lastA = await server.stats();
  expectPlainBurst(statsDelta(againA, lastA), generationsUsed(againA, lastA), gen + 1);
  for (const tab of [a, b]) {
    expect(await tab.getByTestId('session-status').getAttribute('data-status')).toBe(
      'authenticated',
    );
    expect(await tab.getByTestId('session-ended-elsewhere').count()).toBe(0);
  }
  expect(errorsOf(a)).toEqual([]);
  expect(errorsOf(b)).toEqual([]);
}

let tabs: Tabs | null = null;

test.afterEach(async () => {
  await tabs?.own.close();
  tabs = null;
});

test('1. a tab frozen across one rotation resumes with the new tokens, no reuse', async ({
  demoServer,
  server,
}) => {
  tabs = await twoTabs(demoServer.url);
  await frozenAcrossRotations(tabs, server, 1);
});

test('2. a logout while a tab is frozen ends its session on resume; it sends no old token', async ({
  demoServer,
  server,
}) => {
  tabs = await twoTabs(demoServer.url);
  const { a, b, gen } = tabs;
  const clear = b.getByTestId('clear-log');
  if (await clear.isEnabled()) await clear.click();
  const expiresAt = Number(await b.getByTestId('token-countdown').getAttribute('data-expires-at'));
  const frozen = await freeze(tabs.context, b);

  await a.getByTestId('logout').click();
  await a.waitForURL((url) => url.pathname === '/login');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = await server.stats();
  const { frozenAt, resumedAt } = await frozen.thaw();
  // B's old access token is still valid for the server (a JWT outlives the family's
  // revocation until it expires): had B kept it, its requests would succeed, which they must not.
  expect(expiresAt - resumedAt, 'the old access token has not expired yet').toBeGreaterThan(2000);

  await waitForTestId(b, 'session-status', { status: 'expired' }, { timeout: 2000 });
  await b.getByTestId('session-ended-elsewhere').waitFor({ timeout: 2000 });
  expect(await b.getByTestId('current-user').count(), 'B shows nobody signed in').toBe(0);
  expect(new URL(b.url()).pathname).toBe('/dashboard');

  // A click in B now: the requests leave without a token (nothing to send), and nothing refreshes.
  const succeeded = await fireBurst(b);
  const after = await server.stats();
  const delta = statsDelta(before, after);
  const rows = await b
    .locator('[data-testid="log-row"]')
    .evaluateAll((list) => list.map((row) => ({ ...(row as HTMLElement).dataset })));
  const probe = await readProbe(b);
  note(
    `B frozen ${resumedAt - frozenAt} ms (heartbeats while frozen, ms after freezing: ${JSON.stringify(ticksWhileFrozen(probe, frozenAt, resumedAt))}); ` +
      `lifecycle events: ${JSON.stringify(probe.events.map((e) => ({ ...e, at: e.at - resumedAt })))}; ` +
      `channel messages seen in B, its own posts included (ms after resume): ` +
      `${JSON.stringify(probe.news.map((n) => ({ ...n, at: n.at - resumedAt })))}; ` +
      `burst in B after resume: ${succeeded}/${BURST}; server delta ${JSON.stringify(delta)}; ` +
      `B's log: ${rows.length} rows, authorized ${rows.filter((row) => row['authorized'] === 'true').length}`,
  );
  expectWasFrozen(probe, frozenAt, resumedAt);
  expect(
    probe.news.some((n) => n.type === 'logout'),
    'B received the logout news',
  ).toBe(true);
  expect(succeeded, 'no request of B succeeded: it has no session').toBe(0);
  expect(delta['refreshCalls'], 'B did not refresh').toBe(0);
  expect(delta['reuseDetections']).toBe(0);
  expect(delta['logins']).toBe(0);
  expect(generationsUsed(before, after), 'no request carried a (still valid) old token').toEqual(
    {},
  );
  expect(delta['apiSuccesses']).toBe(0);
  expect(rows.length, "B's log shows its burst").toBe(BURST);
  for (const row of rows) {
    expect(row['authorized'], `${row['url']} went without a token`).toBe('false');
    expect(row['url']).not.toBe('/api/auth/refresh');
  }
  expect(gen).toBe(1);
  expect(errorsOf(a)).toEqual([]);
  expect(errorsOf(b)).toEqual([]);
});

test('3. a tab frozen mid-refresh: the other tab waits for it, one refresh, no reuse', async ({
  demoServer,
  server,
}) => {
  tabs = await twoTabs(demoServer.url);
  const { a, b, gen } = tabs;
  await waitPastExpiry(b);
  await server.faults({ refreshLatencyMs: SLOW_REFRESH_MS });
  const before = await server.stats();

  // B sends the refresh under the lock; the server has it, and B freezes before the answer.
  const finishedB = await startBurst(b);
  await server.waitForStats((stats) => stats['refreshCalls'] > before['refreshCalls']);
  const frozen = await freeze(tabs.context, b);
  // The server answers (and rotates) while B is frozen; then A wants to refresh too.
  await server.waitForStats((stats) => stats['refreshSuccesses'] > before['refreshSuccesses']);
  const finishedA = await startBurst(a);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const aWhileFrozen = {
    lock: await a.getByTestId('refresh-lock').getAttribute('data-locked'),
    burst: await a.getByTestId('burst-summary').getAttribute('data-state'),
  };
  const mid = statsDelta(before, await server.stats());
  const { frozenAt, resumedAt } = await frozen.thaw();
  const succeeded = await Promise.all([finishedA(), finishedB()]);
  const after = await server.stats();
  const delta = statsDelta(before, after);
  const used = generationsUsed(before, after);
  const probe = await readProbe(b);
  note(
    `A 1.5 s into its burst while B frozen: ${JSON.stringify(aWhileFrozen)}, server delta so far ${JSON.stringify(mid)}; ` +
      `after resume: bursts A/B ${succeeded}, server delta ${JSON.stringify(delta)}, generations ${JSON.stringify(used)}; ` +
      `A's burst done ${Date.now() - resumedAt} ms or less after resume`,
  );
  expectWasFrozen(probe, frozenAt, resumedAt);
  // A waited for B's lock while B was frozen: no refresh of its own (it would reuse the token).
  expect(aWhileFrozen.burst, "A's burst waits").toBe('running');
  expect(mid['refreshCalls'], 'A sent no refresh while B was frozen').toBe(1);
  expect(succeeded, 'both bursts succeeded').toEqual([BURST, BURST]);
  expect(delta['refreshCalls'], "B's refresh only").toBe(1);
  expect(delta['refreshSuccesses']).toBe(1);
  expect(delta['reuseDetections']).toBe(0);
  expect(delta['graceReuses']).toBe(0);
  expect(delta['unauthorized']).toBe(0);
  expect(delta['apiSuccesses']).toBe(2 * BURST);
  expect(used).toEqual({ [gen + 1]: 2 * BURST });
  expect(await settledGeneration(a, b)).toBe(gen + 1);
  expect(errorsOf(a)).toEqual([]);
  expect(errorsOf(b)).toEqual([]);
});
