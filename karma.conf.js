// Karma configuration shared by every Karma target in this workspace.
// Headless Debian Chromium; see README.md for the test command.
process.env.CHROME_BIN ||= '/usr/bin/chromium';
const path = require('node:path');

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-junit-reporter'),
    ],
    client: {
      jasmine: { random: true },
      clearContext: false,
    },
    // The console, and a JUnit report that scripts/test.mjs reads (it sets JUNIT_REPORT per suite).
    reporters: ['progress', 'junit'],
    junitReporter: {
      outputDir: path.join(__dirname, 'tmp/test-reports'),
      outputFile: process.env.JUNIT_REPORT || path.join(__dirname, 'tmp/test-reports/karma.xml'),
      useBrowserName: false,
    },
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          ...require('./scripts/chromium-flags.cjs'),
          // For the leak specs: a forced GC and exact heap sizes.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    },
    // npm test runs the app's specs beside the consumer checks, and CI machines are busy: on 2
    // loaded cores a long spec (such as the 1,000 fast-check schedules) can hold the page past
    // socket.io's 5 s ping. That is no disconnect.
    pingTimeout: 60_000,
    browserNoActivityTimeout: 120_000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
