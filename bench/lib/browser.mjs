// Headless Chromium (Debian's, or CHROME_BIN) driven by playwright-core with the repository's one
// list of Chromium flags; nothing is downloaded.
import { chromium } from 'playwright-core';
import FLAGS from '../../scripts/chromium-flags.cjs';

export const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * A page of the runtime bench app in its own browser context (own storage, Web Locks and
 * BroadcastChannels, so no two options share a tab group). `load(variant, backend)` navigates
 * to a fresh app instance and resolves once `window.bench` is ready; `start(variant)` does the
 * same with the start-up cases (`?start`).
 */
export async function openBenchPage(browser, baseUrl) {
  const context = await browser.newContext({ baseURL: baseUrl });
  return benchPage(context, await context.newPage(), () => context.close());
}

/** Another tab of `tab`'s browser context: same origin storage, Web Locks, BroadcastChannels. */
export async function openSecondTab(tab) {
  const page = await tab.page.context().newPage();
  return benchPage(tab.page.context(), page, () => page.close());
}

function benchPage(context, page, close) {
  page.setDefaultTimeout(60_000);
  const errors = [];
  let cpu = null;
  page.on('pageerror', (error) => errors.push(error.message));
  /** Navigates to the app with `query` and waits until `isReady()` holds in the page. */
  const open = async (query, isReady) => {
    await page.goto(`/?${new URLSearchParams(query)}`);
    const handle = await page.waitForFunction(isReady);
    const error = await page.evaluate(() => window.benchError ?? null);
    await handle.dispose();
    if (error) throw new Error(`bench app (${query.variant}) failed to start: ${error}`);
  };
  return {
    page,
    errors,
    close,
    load: (variant, backend = null) =>
      open(
        { variant, ...(backend ? { backend } : {}) },
        () => window.bench?.ready || window.benchError,
      ),
    /** Loads the app with `?start` and resolves what it saw at start (app/startup.ts). */
    async start(variant) {
      await open({ variant, start: '' }, () => window.startup || window.benchError);
      return page.evaluate(() => window.startup);
    },
    /** Calls `window.bench[method](...args)` in the page. */
    call(method, ...args) {
      return page.evaluate(([name, list]) => window.bench[name](...list), [method, args]);
    },
    /**
     * The page's main-thread CPU time so far (CDP Performance metrics: the duration of every
     * task the renderer ran), in milliseconds. Waiting (a Web Lock being granted by the browser
     * process, a timer) costs none of it.
     */
    async cpuMs() {
      // One session for the page's life: the metrics count from \`Performance.enable\`.
      cpu ??= context.newCDPSession(page).then(async (cdp) => {
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        return cdp;
      });
      const { metrics } = await (await cpu).send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'TaskDuration').value * 1000;
    },
    /** Heap in use after a full garbage collection (CDP), in bytes. */
    async heapAfterGc() {
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize;
      } finally {
        await cdp.detach();
      }
    },
  };
}
