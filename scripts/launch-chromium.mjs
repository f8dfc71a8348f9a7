// Headless Chromium as every Node-driven check of the repository starts it: Debian's (or
// $CHROME_BIN) through playwright-core, with the one list of flags in chromium-flags.cjs. Nothing
// is downloaded.
import { chromium } from 'playwright-core';
import CHROMIUM_FLAGS from './chromium-flags.cjs';

/** Launches Chromium: $CHROME_BIN or /usr/bin/chromium, with the flags of chromium-flags.cjs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}
