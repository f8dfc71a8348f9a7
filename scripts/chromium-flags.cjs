// The flags every headless Debian Chromium run here needs (Karma, e2e, ng add check, benchmarks):
// root without a sandbox, no GPU, and no background traffic to hosts this machine cannot reach.
module.exports = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
