/**
 * The whole sandbox in one call: the Jira stand-in, Forge storage on a file, the queue, the Forge
 * runtime those three back, and the HTTP server for the Jira-like pages and the Forge host.
 * `npm start` runs it on port 5173; each end-to-end test starts its own on a free port with a
 * temporary data directory, and closes it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { STORAGE_ENTITIES } from '../src/store/entities';
import { chromeRoutes } from './chrome/chrome-routes';
import { viewerOf } from './chrome/viewer';
import { createBridgeHost } from './forge-host/bridge-host';
import { loadFunctions, productTriggers, queueConsumers, readManifest, type HostedApp } from './forge-host/forge-manifest';
import { forgeRoutes } from './forge-host/forge-routes';
import { installForgeRuntime } from './forge-host/forge-runtime';
import { createKvsEmulator, type KvsEmulator } from './forge-host/kvs-emulator';
import { createQueueEmulator, type QueueEmulator } from './forge-host/queue-emulator';
import { createTriggerEmulator } from './forge-host/trigger-emulator';
import { dispatch, sendJson } from './http-routes';
import { openJiraJournal } from './jira-journal';
import { SANDBOX_CLOUD_ID } from './jira/jira-model';
import { jiraBackend, startJiraStandIn, type JiraStandIn } from './jira/jira-stand-in';
import { SEEDED_SETTINGS_PROJECT, seedAppStorage } from './app-seed';
import { BIG_BOARD, bigBoardSiteSeed } from './jira/big-board-seed';
import { openSiteSettings, type SiteSettings } from './site-settings';

export const DEFAULT_PORT = 5173;
/** The one app installation the sandbox site has; Forge storage is kept per installation. */
export const SANDBOX_INSTALLATION_ID = 'goalkeeper-sandbox-installation';

export interface SandboxOptions {
  /** Default 5173; 0 picks a free port. */
  readonly port?: number;
  /** Default `localhost`; `0.0.0.0` to reach the sandbox from outside a container. */
  readonly host?: string;
  /** Where storage, site settings and the Jira journal are kept. Default `<appRoot>/.sandbox-data`. */
  readonly dataDir?: string;
  /** Anchors the seed's dates (the active sprint is half-way through at `now`). */
  readonly now?: Date;
  /** The app's root (manifest.yml, src/, static/). Default: this repository. */
  readonly appRoot?: string;
  /** Milliseconds per second of queue delays and retry waits; tests pass 0. */
  readonly queueSecondsToMs?: number;
  /** Adds the big board (project SCL) with an active sprint of this many items (jira/big-board-seed.ts). */
  readonly bigBoardItems?: number;
  /** Default true; false keeps Forge storage in memory only (the benchmark stores 10,000 proposals). */
  readonly persistStorage?: boolean;
  /**
   * A module the manifest's handlers name, by file (`index` for `index.handler`), in place of the
   * app's own: for tests that run the same handlers on ports with test timing (test/support/forge-app.ts).
   */
  readonly modules?: Readonly<Record<string, Record<string, unknown>>>;
}

export interface Sandbox {
  readonly url: string;
  readonly jira: JiraStandIn;
  readonly kvs: KvsEmulator;
  readonly queue: QueueEmulator;
  readonly settings: SiteSettings;
  /** Resolves when every queued event (apply jobs) and Jira event (triggers) has been delivered. */
  idle(): Promise<void>;
  /** Back to the seed: Jira (and the stand-in's record of requests and changes), storage, site settings, queue. */
  reset(): Promise<void>;
  /**
   * Resolves once no HTTP request to the sandbox is being answered. A page that navigated away
   * leaves the calls it made running here; a test resetting the sandbox waits for them first, so
   * none writes into the fresh seed.
   */
  requestsSettled(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_APP_ROOT = resolve(__dirname, '..');

export function dataFiles(dataDir: string): { kvs: string; settings: string; journal: string } {
  return { kvs: join(dataDir, 'kvs.json'), settings: join(dataDir, 'site-settings.json'), journal: join(dataDir, 'jira-journal.json') };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const appRoot = options.appRoot ?? DEFAULT_APP_ROOT;
  const files = dataFiles(options.dataDir ?? join(appRoot, '.sandbox-data'));
  const app: HostedApp = { root: appRoot, manifest: readManifest(appRoot) };
  const functions = loadFunctions(appRoot, app.manifest, options.modules);

  const jira = await startJiraStandIn({
    now: options.now,
    ...(options.bigBoardItems ? { seed: bigBoardSiteSeed(options.bigBoardItems) } : {}),
  });
  const site = () => jira.model.site(SANDBOX_CLOUD_ID);
  const journal = openJiraJournal(files.journal, jira.model);
  journal.replay(site());
  const settings = openSiteSettings(files.settings);
  const kvs = createKvsEmulator({ entities: storageEntities(app), ...(options.persistStorage === false ? {} : { filePath: files.kvs }) });
  const queue = createQueueEmulator({
    consumers: queueConsumers(app.manifest, functions),
    licenseActive: () => settings.current().licenseActive,
    secondsToMs: options.queueSecondsToMs,
  });
  installForgeRuntime({ jira: jiraBackend(jira), kvs: kvs.backend, queue: queue.backend });
  const appSite = { cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID };
  const seededProjects = [SEEDED_SETTINGS_PROJECT, ...(options.bigBoardItems ? [BIG_BOARD.projectKey] : [])];
  await seedAppStorage(appSite, seededProjects);
  // Subscribed after the journal's replay: those changes were delivered before the restart.
  const triggers = createTriggerEmulator({
    triggers: productTriggers(app.manifest, functions),
    site,
    installationId: SANDBOX_INSTALLATION_ID,
    licenseActive: () => settings.current().licenseActive,
  });
  jira.model.onChange((record) => {
    if (record.siteId === SANDBOX_CLOUD_ID) triggers.publish(record);
  });

  /** Applying a proposal changes Jira, which raises events, which may queue more work: wait for all of it. */
  async function idle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await queue.idle();
      await triggers.idle();
    }
  }

  async function reset(): Promise<void> {
    queue.clear();
    await idle();
    jira.model.reset();
    jira.faults.clear();
    jira.forgetRecords();
    journal.reset();
    kvs.reset();
    settings.reset();
    await seedAppStorage(appSite, seededProjects);
  }

  const bridge = createBridgeHost({
    manifest: app.manifest,
    functions,
    installationId: SANDBOX_INSTALLATION_ID,
    facts: () => ({
      cloudId: SANDBOX_CLOUD_ID,
      siteUrl: url,
      appId: app.manifest.appId,
      licenseActive: settings.current().licenseActive,
      site: site(),
      gadgetConfiguration: (gadgetId) => settings.current().gadgetConfigurations[gadgetId],
    }),
    saveGadgetConfiguration: (gadgetId, configuration) => settings.setGadgetConfiguration(gadgetId, configuration),
  });
  const routes = [
    ...forgeRoutes({ app, bridge, viewerOf: (request) => viewerOf(request, site()).viewer }),
    ...chromeRoutes({ app, site, jiraUrl: jira.url, settings, reset }),
  ];

  let answering = 0;
  let settledWaiters: (() => void)[] = [];
  const server = http.createServer((request, response) => {
    answering += 1;
    dispatch(routes, request, response)
      .then((answered) => {
        if (!answered) sendJson(response, 404, { message: `Nothing at ${request.method} ${request.url}` });
      })
      .catch((error: unknown) => {
        console.error('Sandbox failed to answer', request.method, request.url, error);
        if (!response.headersSent) sendJson(response, 500, { message: 'The sandbox failed to answer; see its console.' });
      })
      .finally(() => {
        answering -= 1;
        if (answering > 0) return;
        const waiters = settledWaiters;
        settledWaiters = [];
        for (const resolveSettled of waiters) resolveSettled();
      });
  });
  const host = options.host ?? 'localhost';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;

  return {
    url,
    jira,
    kvs,
    queue,
    settings,
    idle,
    reset,
    requestsSettled() {
      if (answering === 0) return Promise.resolve();
      return new Promise((resolveSettled) => settledWaiters.push(resolveSettled));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await idle();
      await jira.close();
    },
  };
}

/** Forge storage accepts the entities manifest.yml declares; until it declares them, the code's list. */
function storageEntities(app: HostedApp) {
  if (app.manifest.storageEntities.length > 0) return app.manifest.storageEntities;
  console.warn(
    'manifest.yml declares no app.storage.entities; the sandbox uses src/store/entities.ts. Forge would refuse entity calls until the manifest declares them.',
  );
  return STORAGE_ENTITIES;
}
