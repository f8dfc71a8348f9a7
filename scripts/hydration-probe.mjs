// For scripts/ssr.test.mjs: probeHydration records what a page does while it loads and
// hydrates: its errors, its "storage failed" warnings, the Authorization header of each request,
// and whether the server-rendered DOM was reused.

/**
 * Starts recording on `page`, before it loads: `problems` collects its console errors and page
 * errors, `warnings` its console lines that say "storage failed", and `requests` a promise of
 * `{ url, authorization }` for each request. `readAppRoot()` then tells what watchAppRoot saw:
 * `watched` (it ran before the app booted), `changed` (the elements added or removed under
 * <app-root>), `detached` (how many server-rendered elements left the page) and `text`.
 */
export async function probeHydration(page) {
  const problems = [];
  const warnings = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.text().includes('storage failed')) warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const headers = request.allHeaders().catch(() => request.headers());
    requests.push(headers.then((h) => ({ url: request.url(), authorization: h.authorization })));
  });
  await page.addInitScript(watchAppRoot);
  const readAppRoot = () =>
    page.evaluate(() => ({
      watched: Array.isArray(window.changedUnderAppRoot),
      changed: window.changedUnderAppRoot,
      detached: window.serverElements?.filter((element) => !element.isConnected).length,
      text: document.querySelector('app-root').textContent,
    }));
  return { problems, warnings, requests, readAppRoot };
}

/**
 * Runs in the page before the app: once the server HTML is parsed (before the app's module
 * script runs) it keeps the elements under <app-root> and records every element added or
 * removed there. Hydration reuses the server DOM; a client-side render replaces or duplicates it.
 */
function watchAppRoot() {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const appRoot = document.querySelector('app-root');
    window.serverElements = [...appRoot.querySelectorAll('*')];
    window.changedUnderAppRoot = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of [...record.addedNodes, ...record.removedNodes]) {
          if (node.nodeType === Node.ELEMENT_NODE) window.changedUnderAppRoot.push(node.nodeName);
        }
      }
    }).observe(appRoot, { childList: true, subtree: true });
  });
}
