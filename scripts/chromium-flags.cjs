// The flags every headless Debian Chromium run here needs (Karma, e2e, ng add check, benchmarks):
// root without a sandbox, no GPU, no background traffic to hosts this machine cannot reach, and no
// throttling of background pages and their timers (the benchmarks' second tab).
module.exports = [
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
