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
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

/** Vite's CLI, as the apps' build runs Vite: the bench stays CommonJS and Vite's API is ESM-typed. */
function buildBarePage(outDir: string): void {
  execFileSync(
    process.execPath,
    [
      join(dirname(require.resolve('vite/package.json')), 'bin/vite.js'),
      'build',
      BARE_PAGE,
      '--config',
      join(BARE_PAGE, 'vite.config.mjs'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // As scripts/build-static.mjs: the notice about Vite's future native config loader says nothing here.
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
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

interface ContestantRun {
  readonly label: string;
  readonly build: string;
  readonly times: number[];
}

/** Rotates who goes first from run to run, so no contestant always runs right after another's garbage. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export async function runUiTimeToDataBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'goalkeeper-bench-ui-'));
  const bareBuild = join(work, 'bare-page');
  buildBarePage(bareBuild);
  const panel: ContestantRun = { label: 'issue panel', build: PANEL_BUILD, times: [] };
  const bare: ContestantRun = { label: 'bare React page', build: bareBuild, times: [] };
  // Another build of the panel (e.g. an older commit's) interleaved with the two: before/after under the same load.
  const compared: ContestantRun[] = process.env.BENCH_UI_COMPARE_BUILD
    ? [{ label: 'compared build', build: resolve(process.env.BENCH_UI_COMPARE_BUILD), times: [] }]
    : [];
  const contestants = [panel, bare, ...compared];
  const scratch = scratchAppRoot(work);
  const sandbox = await startSandbox({
    appRoot: scratch.appRoot,
    port: 0,
    host: '127.0.0.1',
    dataDir: join(work, 'data'),
    queueSecondsToMs: 0,
  });
  const browser = await launchChromium();
  try {
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
      for (const contestant of rotated(contestants, run)) {
        scratch.serve(contestant.build);
        const ms = await timeToData(browser, sandbox.url);
        if (run >= WARM_UP_RUNS) contestant.times.push(ms);
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`Issue panel time to data in Chromium, median of ${RUNS} interleaved runs (${WARM_UP_RUNS} warm-up runs each discarded)`);
  for (const contestant of contestants) {
    const ratio = contestant === bare ? '' : `  ${(median(contestant.times) / median(bare.times)).toFixed(2)}× bare`;
    console.log(
      `  ${contestant.label.padEnd(16)} ${median(contestant.times).toFixed(0).padStart(6)} ms${ratio}   (runs: ${contestant.times.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
  }
  const ratio = median(panel.times) / median(bare.times);
  console.log(`  ratio            ${ratio.toFixed(2)}×   budget ≤ ${BUDGET_RATIO}×   ${ratio <= BUDGET_RATIO ? 'PASS' : 'FAIL'}`);
}

if (require.main === module) {
  runUiTimeToDataBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
