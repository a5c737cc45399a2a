/**
 * The edge the Jira adapter tests run against: the real Jira stand-in over HTTP, reached by the
 * unchanged @forge/api through the local Forge runtime. Sleeps are recorded instead of waited,
 * and jitter is fixed, so back-off is asserted exactly and tests stay fast.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { JiraPort } from '../../src/app/ports';
import { installForgeRuntime, runInvocation } from '../../sandbox/forge-host/forge-runtime';
import type { JiraSite } from '../../sandbox/jira/jira-model';
import { jiraBackend, startJiraStandIn, type JiraStandIn, type RecordedRequest } from '../../sandbox/jira/jira-stand-in';
import { seedGoalkeeperSite } from '../../sandbox/jira/seed';
import { createJiraAdapter, type JiraAdapterOptions } from '../../src/jira/jira-adapter';

/** A Wednesday, so ONB Sprint 7 runs Wed 5 March to Wed 19 March 2025. */
export const TEST_NOW = new Date('2025-03-12T10:00:00.000Z');
export const TEST_CLOUD_ID = 'test-site-cloud-id';
/** The jitter source the harness gives the adapter: half-way, so delays are exact. */
export const FIXED_RANDOM = 0.5;

export interface JiraHarness {
  readonly standIn: JiraStandIn;
  /** Back-off waits the adapter asked for, in ms. */
  readonly sleeps: number[];
  readonly jira: JiraPort;
  /** The seeded test site, for arranging data "in Jira" and reading it back. */
  site(cloudId?: string): JiraSite;
  /** Runs `work` as one Forge invocation on a site, with a principal if given. */
  invoke<T>(work: () => Promise<T>, options?: { accountId?: string; cloudId?: string }): Promise<T>;
  /** Jira REST calls the stand-in received since the given count of requests. */
  requestsSince(mark: number): RecordedRequest[];
  close(): Promise<void>;
}

const notUsedHere = async (): Promise<Response> =>
  new Response(JSON.stringify({ message: 'Not used by the Jira adapter tests' }), { status: 501 });

export async function startJiraHarness(
  options: { seed?: (site: JiraSite, now: Date) => void; adapter?: JiraAdapterOptions; manifestScopes?: readonly string[] } = {},
): Promise<JiraHarness> {
  const standIn = await startJiraStandIn({
    now: TEST_NOW,
    seed: options.seed,
    ...(options.manifestScopes ? { manifestScopes: options.manifestScopes } : {}),
  });
  installForgeRuntime({ jira: jiraBackend(standIn), kvs: notUsedHere, queue: notUsedHere });
  const sleeps: number[] = [];
  // As in production (src/composition/forge-ports.ts), one adapter per invocation: what it
  // remembers within an invocation must never leak into the next.
  const newAdapter = (): JiraPort =>
    createJiraAdapter({
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => FIXED_RANDOM,
      ...options.adapter,
    });
  const adapters = new AsyncLocalStorage<JiraPort>();
  const jira = new Proxy({} as JiraPort, {
    get: (_target, method: keyof JiraPort) => {
      const adapter = adapters.getStore();
      if (!adapter) throw new Error('Call the Jira adapter inside harness.invoke()');
      return adapter[method];
    },
  });
  return {
    standIn,
    sleeps,
    jira,
    site: (cloudId = TEST_CLOUD_ID) => standIn.model.site(cloudId),
    invoke: (work, invocation = {}) =>
      adapters.run(newAdapter(), () =>
        runInvocation(
          {
            accountId: invocation.accountId,
            cloudId: invocation.cloudId ?? TEST_CLOUD_ID,
            installationId: 'test-installation',
            moduleKey: 'jira-adapter-test',
          },
          work,
        ),
      ),
    requestsSince: (mark) => standIn.requests.slice(mark),
    close: () => standIn.close(),
  };
}

export const LARGE_SPRINT_ID = 20;
export const LARGE_SPRINT_SIZE = 300;

/** The seed plus a future sprint of 300 issues on the ONB board, to prove paging past one page. */
export function seedWithLargeSprint(site: JiraSite, now: Date): void {
  seedGoalkeeperSite(site, now);
  site.addSprint({
    id: LARGE_SPRINT_ID,
    boardId: 1,
    name: 'ONB Sprint 9 (migration backlog)',
    state: 'future',
    goal: 'Move every legacy account to the new sign-up records',
    startDate: null,
    endDate: null,
    completeDate: null,
    createdDate: now.toISOString(),
  });
  for (let index = 1; index <= LARGE_SPRINT_SIZE; index++) {
    site.createIssue({
      projectKey: 'ONB',
      typeName: 'Task',
      summary: `Migrate legacy account batch ${index}`,
      points: (index % 3) + 1,
      sprintIds: [LARGE_SPRINT_ID],
    });
  }
}
