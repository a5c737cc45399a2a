/**
 * A sandbox under test: its own server on a free port, a temporary data directory, and a browser
 * context with one page. `useSandboxInBrowser` boots one per file and brings it back to the seed
 * before each test (Jira, its record of requests and changes, storage, site settings, queue,
 * cookies, web storage, dialogs), so every test starts as on a fresh sandbox without paying a
 * cold page per test. Helpers reach into the Custom UI iframes the way the apps do — through
 * `window.__bridge` — and read the host's bridge log to see each round trip.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { buildForgeHandlers } from '../../src/composition/forge-handlers';
import { createForgePorts } from '../../src/composition/forge-ports';
import { COOKIES } from '../../sandbox/chrome/viewer';
import { startSandbox, type Sandbox } from '../../sandbox/server';

export const SCREENSHOTS_DIR = resolve(__dirname, '../../docs/screenshots');
/** How long an app may take to boot and ask for its context in a cold browser. */
const APP_BOOT_MS = 20_000;
/**
 * src/index.ts's own handlers (src/composition/forge-handlers.ts), with the Jira client's back-off
 * on a clock that does not wait, as test/support/forge-app.ts does: the same retries in the same
 * order, without sleeping through up to seconds of real back-off when a test injects Jira faults.
 * The back-off's timing itself is tested on the client (test/jira).
 */
function handlersWithoutWaiting(): Record<string, Record<string, unknown>> {
  return { index: buildForgeHandlers(() => createForgePorts({ jira: { sleep: async () => undefined, random: () => 0.5 } })) };
}

export interface BridgeLogEntry {
  readonly moduleKey: string;
  readonly name: string;
  readonly payload: unknown;
  readonly ok?: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

export type ColorMode = 'light' | 'dark';

export interface SandboxUnderTest {
  readonly sandbox: Sandbox;
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Every JavaScript dialog (alert, confirm, prompt) any frame of the page opened, as
   * "type: message", dismissed at once: injected markup that ran would show up here.
   */
  readonly dialogs: readonly string[];
  /** Acts as this person from the next page load on, as the top bar's switcher does. */
  actAs(accountId: string): Promise<void>;
  open(path: string): Promise<void>;
  /** The extension's iframe, once its app has booted and asked the host for its context. */
  extensionFrame(moduleKey: string): Promise<Frame>;
  callBridge(frame: Frame, name: string, payload?: unknown): Promise<unknown>;
  bridgeLog(): Promise<BridgeLogEntry[]>;
  /** Switches the top bar's colour mode and waits until every app on the page has followed. */
  setColorMode(mode: ColorMode): Promise<void>;
  /** A page of its own (own cookies) acting as another person, e.g. someone changing Jira meanwhile. */
  pageAs(accountId: string): Promise<Page>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A sandbox and its page, and the way back to the seed between the tests sharing them. */
interface SandboxSession {
  readonly ui: SandboxUnderTest;
  /** Back to the state `openSandbox` starts in; closes the pages `pageAs` opened. */
  reset(): Promise<void>;
}

/** A fresh sandbox, browser context and page, for one test (or several, see `useSandboxInBrowser`). */
export async function openSandbox(browser: Browser): Promise<SandboxUnderTest> {
  return (await openSession(browser)).ui;
}

async function openSession(browser: Browser): Promise<SandboxSession> {
  const dataDir = mkdtempSync(join(tmpdir(), 'goalkeeper-e2e-'));
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    queueSecondsToMs: 0,
    modules: handlersWithoutWaiting(),
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`Browser page error: ${error.message}`));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const others: BrowserContext[] = [];
  const closeOthers = async () => {
    await Promise.all(others.splice(0).map((other) => other.close()));
  };

  const ui: SandboxUnderTest = {
    sandbox,
    context,
    page,
    dialogs,
    async actAs(accountId) {
      await context.addCookies([{ name: COOKIES.user, value: accountId, url: sandbox.url }]);
    },
    async open(path) {
      await page.goto(`${sandbox.url}${path}`);
    },
    async extensionFrame(moduleKey) {
      await page
        .waitForFunction(
          (key) =>
            ((window as unknown as { __sandboxBridgeLog?: BridgeLogEntry[] }).__sandboxBridgeLog ?? []).some(
              (entry) => entry.moduleKey === key && entry.name === 'getContext' && entry.ok,
            ),
          moduleKey,
          { timeout: APP_BOOT_MS },
        )
        .catch(() => {
          throw new Error(
            `The ${moduleKey} app did not boot and call view.getContext() within ${APP_BOOT_MS / 1000} s: is its static build real (npm run build:static)?`,
          );
        });
      const element = await page.waitForSelector(`iframe[data-module-key="${moduleKey}"]`);
      const frame = await element.contentFrame();
      if (!frame) throw new Error(`No frame for ${moduleKey}`);
      return frame;
    },
    callBridge(frame, name, payload) {
      return frame.evaluate(
        ([bridgeName, bridgePayload]) =>
          (window as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge(
            bridgeName,
            bridgePayload,
          ),
        [name, payload] as const,
      );
    },
    bridgeLog() {
      return page.evaluate(() => (window as unknown as { __sandboxBridgeLog: BridgeLogEntry[] }).__sandboxBridgeLog);
    },
    async setColorMode(mode) {
      if ((await page.getAttribute('html', 'data-color-mode')) !== mode) await page.click('#theme-toggle');
      await page.waitForFunction(
        (wanted) =>
          document.documentElement.getAttribute('data-color-mode') === wanted &&
          Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.forge-frame')).every(
            (frame) => frame.contentDocument?.documentElement.getAttribute('data-color-mode') === wanted,
          ),
        mode,
      );
    },
    async pageAs(accountId) {
      const other = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      others.push(other);
      await other.addCookies([{ name: COOKIES.user, value: accountId, url: sandbox.url }]);
      return other.newPage();
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      // From the top: a full-page shot of a scrolled page draws the sticky top bar mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await closeOthers();
      await context.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  return {
    ui,
    async reset() {
      await closeOthers();
      // Off the previous test's pages, and their calls answered, so nothing they started reaches the fresh seed.
      await page.goto('about:blank');
      await sandbox.requestsSettled();
      await sandbox.reset();
      // Who acts, the colour mode and the locale are cookies; the apps keep small things (the sprint
      // gadget's open sections) in web storage, which only a page of the sandbox's origin can clear.
      await context.clearCookies();
      await page.goto(`${sandbox.url}${BLANK_PATH}`);
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
      await page.goto('about:blank');
      dialogs.length = 0;
    },
  };
}

/** No page of the sandbox: a same-origin place to clear web storage from (it answers 404). */
const BLANK_PATH = '/__e2e-fixture/blank';

/**
 * One Chromium and one sandbox per file, back at the seed before each test, registered as Jest
 * hooks; returns getters for the browser and the sandbox (inside a `describeInBrowser` block).
 * A fresh sandbox and context per test proved the same at a cost: a sandbox boot (~0.25 s) and a
 * first page that boots each app cold (issue 16: 0.8–1.3 s against 0.4–0.5 s warm; a new page in
 * the same context is as cold, so the one page is kept).
 */
export function useSandboxInBrowser(): { browser: () => Browser; ui: () => SandboxUnderTest } {
  let browser: Browser | undefined;
  let session: SandboxSession | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    session = await openSession(browser);
  });
  afterAll(async () => {
    await session?.ui.close();
    await browser?.close();
  });
  beforeEach(async () => {
    await session!.reset();
  });
  return {
    browser: () => browser!,
    ui: () => {
      if (!session) throw new Error('The sandbox is only open inside a test');
      return session.ui;
    },
  };
}
