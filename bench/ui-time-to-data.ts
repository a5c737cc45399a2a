/**
 * `npm run bench:ui`: how long the issue panel takes to show its data in Chromium, against a bare
 * React 19 page served the same way (issue 12: budget ≤ 1.5×). Figures, not a test: nothing here
 * fails a build; the verdict is printed.
 *
 * Method. One sandbox (the real handler against the Jira stand-in), Debian's Chromium through
 * playwright-core, one fresh browser context per run. Each run opens the sandbox's issue page for
 * the same issue as the same person; the page mounts the panel's iframe as Jira does, and the
 * sandbox's own resource server serves it (the bridge script first in <head>, Forge's Custom UI
 * CSP, no caching). The sandbox runs from a scratch app root that links to this repository but
 * whose manifest points the panel's resource at a link the benchmark turns, between runs, to
 * static/issue-panel/build or to the bare page's build: only the app differs. The bare page
 * (bench/ui-bare-page) is built with the apps' own Vite configuration; it calls
 * `view.getContext()`, then the same resolver (`getIssuePanelState`) through the same
 * `@forge/bridge`, and renders one field. Both set the same User Timing mark in the commit that
 * first shows data (static/shared/first-data-mark.ts); the time to data is that mark's time from
 * the iframe's own navigation start. Runs are interleaved (panel, bare, bare, panel, ...) after
 * warm-up runs, and the medians are compared.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { COOKIES } from '../sandbox/chrome/viewer';
import { SEED_ACCOUNTS } from '../sandbox/jira/seed';
import { startSandbox } from '../sandbox/server';
import { FIRST_DATA_MARK } from '../static/shared/first-data-mark';
import { launchChromium } from '../test/e2e/browser';

const ROOT = resolve(__dirname, '..');
const BARE_PAGE = join(__dirname, 'ui-bare-page');
/** How manifest.yml declares the panel's resource, and the link that replaces it in the scratch root. */
const PANEL_RESOURCE_PATH = 'static/issue-panel/build';
const SERVED_LINK = 'bench-served-issue-panel';
const PANEL_BUILD = join(ROOT, PANEL_RESOURCE_PATH);
const MODULE_KEY = 'goalkeeper-issue-panel';
/** An issue of the seed's active sprint, opened by a developer of the team (as in the e2e flows). */
const ISSUE_KEY = 'ONB-68';
const ACCOUNT_ID = SEED_ACCOUNTS.devDana;
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 15);
const WARM_UP_RUNS = 2;
/** Issue 12: the panel's time to data at most 1.5× the bare page's. */
const BUDGET_RATIO = 1.5;
/** A cold run on a loaded two-core box; a run that takes longer is a failure, not a figure. */
const RUN_TIMEOUT_MS = 30_000;

type Contestant = 'panel' | 'bare';

async function buildBarePage(outDir: string): Promise<void> {
  // As scripts/build-static.mjs: the notice about Vite's future native config loader says nothing here.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await build({ configFile: join(BARE_PAGE, 'vite.config.mjs'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/**
 * A scratch app root: every top-level entry of this repository linked, and a manifest whose panel
 * resource is a link the benchmark turns between the two builds (the resource server reads files
 * per request, so a turned link serves the other build from the next request on).
 */
function scratchAppRoot(work: string): { appRoot: string; serve(buildDir: string): void } {
  const appRoot = join(work, 'app');
  mkdirSync(appRoot);
  for (const entry of readdirSync(ROOT)) {
    if (entry !== 'manifest.yml') symlinkSync(join(ROOT, entry), join(appRoot, entry));
  }
  const manifest = readFileSync(join(ROOT, 'manifest.yml'), 'utf8');
  const declared = `path: ${PANEL_RESOURCE_PATH}`;
  if (!manifest.includes(declared)) throw new Error(`manifest.yml no longer declares the panel resource as "${declared}"`);
  writeFileSync(join(appRoot, 'manifest.yml'), manifest.replace(declared, `path: ${SERVED_LINK}`));
  const link = join(appRoot, SERVED_LINK);
  return {
    appRoot,
    serve(buildDir) {
      rmSync(link, { force: true });
      symlinkSync(buildDir, link);
    },
  };
}

async function timeToData(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    await context.addCookies([{ name: COOKIES.user, value: ACCOUNT_ID, url }]);
    const page: Page = await context.newPage();
    await page.goto(`${url}/browse/${ISSUE_KEY}`);
    // The frame is same-origin in the sandbox, so the host page can read its performance timeline.
    const handle = await page.waitForFunction(
      ([moduleKey, mark]) => {
        const frame = document.querySelector<HTMLIFrameElement>(`iframe[data-module-key="${moduleKey}"]`);
        const entry = frame?.contentWindow?.performance.getEntriesByName(mark, 'mark')[0];
        return entry ? entry.startTime : false;
      },
      [MODULE_KEY, FIRST_DATA_MARK] as const,
      { timeout: RUN_TIMEOUT_MS, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function runUiTimeToDataBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'goalkeeper-bench-ui-'));
  const bareBuild = join(work, 'bare-page');
  await buildBarePage(bareBuild);
  const builds: Record<Contestant, string> = { panel: PANEL_BUILD, bare: bareBuild };
  const scratch = scratchAppRoot(work);
  const sandbox = await startSandbox({ appRoot: scratch.appRoot, port: 0, host: '127.0.0.1', dataDir: join(work, 'data'), queueSecondsToMs: 0 });
  const browser = await launchChromium();
  const times: Record<Contestant, number[]> = { panel: [], bare: [] };
  try {
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
      // Alternate who goes first, so neither always runs right after the other's garbage.
      const order: Contestant[] = run % 2 === 0 ? ['panel', 'bare'] : ['bare', 'panel'];
      for (const contestant of order) {
        scratch.serve(builds[contestant]);
        const ms = await timeToData(browser, sandbox.url);
        if (run >= WARM_UP_RUNS) times[contestant].push(ms);
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
  const panel = median(times.panel);
  const bare = median(times.bare);
  const ratio = panel / bare;
  console.log(`Issue panel time to data in Chromium, median of ${RUNS} interleaved runs (${WARM_UP_RUNS} warm-up runs each discarded)`);
  console.log(`  issue panel      ${panel.toFixed(0).padStart(6)} ms   (runs: ${times.panel.map((ms) => ms.toFixed(0)).join(', ')})`);
  console.log(`  bare React page  ${bare.toFixed(0).padStart(6)} ms   (runs: ${times.bare.map((ms) => ms.toFixed(0)).join(', ')})`);
  console.log(`  ratio            ${ratio.toFixed(2)}×   budget ≤ ${BUDGET_RATIO}×   ${ratio <= BUDGET_RATIO ? 'PASS' : 'FAIL'}`);
}

if (require.main === module) {
  runUiTimeToDataBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
