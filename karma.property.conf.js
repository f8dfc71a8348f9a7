// Karma configuration for the long property-based run (`node scripts/property-run.mjs`): the
// shared karma.conf.js, plus the run count, seed and replay paths for
// token-refresh.property.spec.ts (read in the browser from `__karma__.config.args`) and
// timeouts long enough for a run of many minutes.
const shared = require('./karma.conf.js');

module.exports = function (config) {
  shared(config);
  const args = [];
  for (const [name, value] of [
    ['runs', process.env.PROPERTY_RUNS],
    ['seed', process.env.PROPERTY_SEED],
    ['path', process.env.PROPERTY_PATH],
    ['replay-path', process.env.PROPERTY_REPLAY_PATH],
  ]) {
    if (value) args.push(`--${name}`, value);
  }
  config.set({
    client: { ...config.client, args },
    browserNoActivityTimeout: 60 * 60 * 1000,
    browserDisconnectTimeout: 60 * 1000,
    captureTimeout: 5 * 60 * 1000,
  });
};
