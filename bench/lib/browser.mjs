// Headless Chromium (Debian's, or CHROME_BIN) driven by playwright-core; nothing is downloaded.
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A page of the runtime bench app in its own browser context (own storage, Web Locks and
 * BroadcastChannels, so no two options share a tab group). `load(variant, backend)` navigates
 * to a fresh app instance and resolves once `window.bench` is ready.
 */
export async function openBenchPage(browser, baseUrl) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    errors,
    close: () => context.close(),
    async load(variant, backend = null) {
      const query = new URLSearchParams({ variant, ...(backend ? { backend } : {}) });
      await page.goto(`/?${query}`);
      const handle = await page.waitForFunction(() => window.bench?.ready || window.benchError);
      const error = await page.evaluate(() => window.benchError ?? null);
      await handle.dispose();
      if (error) throw new Error(`bench app (${variant}) failed to start: ${error}`);
    },
    /** Calls `window.bench[method](...args)` in the page. */
    call(method, ...args) {
      return page.evaluate(([name, list]) => window.bench[name](...list), [method, args]);
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
