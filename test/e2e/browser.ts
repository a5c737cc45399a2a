/**
 * Debian's Chromium driven by playwright-core. Browser tests run when /usr/bin/chromium exists;
 * without it they are skipped with a message saying how to install it — unless
 * GOALKEEPER_REQUIRE_BROWSER=1 (set by CI), where a missing browser fails instead of hiding.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** `describe` for tests that need Chromium: run, skip with a reason, or fail when CI requires it. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  const install = `${CHROMIUM_PATH} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\`.`;
  if (process.env.GOALKEEPER_REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('has a browser to run in', () => {
        throw new Error(`${install} GOALKEEPER_REQUIRE_BROWSER=1 makes this a failure rather than a skip.`);
      });
    });
    return;
  }
  console.warn(`Skipping browser tests "${name}". ${install}`);
  describe.skip(name, body);
}
