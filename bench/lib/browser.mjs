// The bench's pages in the Chromium of scripts/launch-chromium.mjs.

/** A page of the runtime bench app in its own browser context (storage, Web Locks, channels). */
export async function openBenchPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL });
  return benchPage(context, await context.newPage(), () => context.close());
}

/** Another tab of `tab`'s browser context: same storage, Web Locks, BroadcastChannels. */
export async function openSecondTab(tab) {
  const page = await tab.page.context().newPage();
  return benchPage(tab.page.context(), page, () => page.close());
}

function benchPage(context, page, close) {
  page.setDefaultTimeout(60_000);
  const errors = [];
  let cpu = null;
  page.on('pageerror', (error) => errors.push(error.message));
  const open = async (query, isReady) => {
    await page.goto(`/?${new URLSearchParams(query)}`);
    await (await page.waitForFunction(isReady)).dispose();
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(`bench app (${query.variant}) failed to start: ${error}`);
  };
  return {
    page,
    errors,
    close,
    /** A fresh app instance of the option (`backend`: the in-process server, sync or async). */
    load: (variant, backend) =>
      open({ variant, ...(backend && { backend }) }, () => window.bench || window.benchError),
    /** A fresh app instance running the start-up cases (bench/app/startup.ts): their times. */
    start: async (variant) => {
      await open({ variant, start: '' }, () => window.startup || window.benchError);
      return page.evaluate(() => window.startup);
    },
    call: (method, ...args) =>
      page.evaluate(([name, list]) => window.bench[name](...list), [method, args]),
    /** Main-thread CPU time so far, ms (CDP `TaskDuration`); waiting (a Web Lock) costs none. */
    async cpuMs() {
      // One session for the page's life: the metrics count from `Performance.enable`.
      cpu ??= context.newCDPSession(page).then(async (cdp) => {
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        return cdp;
      });
      const { metrics } = await (await cpu).send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'TaskDuration').value * 1000;
    },
    /** Heap in use after two full garbage collections (CDP), in bytes. */
    async heapAfterGc() {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      return usedSize;
    },
  };
}
