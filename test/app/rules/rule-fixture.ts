/**
 * The arrangement the rule tests of decide, apply and retry share: the use cases themselves, on
 * in-memory storage and queues (test/support/in-memory-ports.ts), against the real Jira adapter
 * and the seeded Jira stand-in (test/jira/jira-harness.ts). No handler, no KVS or queue emulator:
 * a queued apply runs when the test runs it. Each test gets a Jira site of its own, so one stand-in
 * serves the whole file.
 */
import { applyApproved, type ApplyJob } from '../../../src/app/use-cases/apply-approved';
import type { Caller } from '../../../src/app/support/caller';
import { createProposal, type CreateProposalRequest } from '../../../src/app/use-cases/create-proposal';
import { decideProposal, type DecideRequest } from '../../../src/app/use-cases/decide-proposal';
import { retryApply } from '../../../src/app/use-cases/retry-apply';
import type { Proposal } from '../../../src/domain/proposal';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { startJiraHarness, TEST_NOW, type JiraHarness } from '../../jira/jira-harness';
import { inMemoryPorts, type InMemoryPorts } from '../../support/in-memory-ports';
import { ADA, ONB_SETTINGS, type Person } from '../../support/people';

export interface RuleWorld {
  readonly harness: JiraHarness;
  readonly ports: InMemoryPorts;
  /** This test's Jira site. */
  readonly cloudId: string;
  propose(person: Person, request: CreateProposalRequest): Promise<Proposal>;
  decide(person: Person, request: DecideRequest): Promise<Proposal>;
  retry(person: Person, proposalId: string): Promise<Proposal>;
  /** Runs the oldest queued apply job as the Forge apply worker would (no user), and takes it off the queue. */
  runNextApply(): Promise<Proposal | undefined>;
  /** Runs a job as given (a replayed or out-of-date delivery). */
  runApply(job: ApplyJob): Promise<Proposal | undefined>;
}

/** A reason a team member would give; long enough for the default policy. */
export const REASON = { category: 'stakeholder-request', text: 'The pilot customer needs this before their go-live on Monday.' } as const;
export const RATIONALE = 'Pilot go-live matters more than the analytics polish this sprint.';

/** One Jira stand-in for the file; `world()` gives each test its own site and in-memory ports. */
export function useRuleWorld(): () => RuleWorld {
  let harness: JiraHarness | undefined;
  let sites = 0;
  let current: RuleWorld | undefined;
  beforeAll(async () => {
    harness = await startJiraHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    if (!harness) throw new Error('The Jira harness did not start');
    current = await newWorld(harness, `rules-site-${++sites}`);
  });
  afterEach(() => {
    harness?.standIn.faults.clear();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useRuleWorld() is only available inside a test');
    return current;
  };
}

async function newWorld(harness: JiraHarness, cloudId: string): Promise<RuleWorld> {
  const ports = inMemoryPorts(harness.jira, { now: TEST_NOW });
  // As the seed's admin saved them (sandbox/app-seed.ts).
  await ports.settings.save('ONB', ONB_SETTINGS, DEFAULT_SETTINGS.version, ADA.accountId, TEST_NOW.toISOString());
  const asPerson = <T>(person: Person, work: (caller: Caller) => Promise<T>) =>
    harness.invoke(() => work({ accountId: person.accountId }), { accountId: person.accountId, cloudId });
  const runApply = (job: ApplyJob) => harness.invoke(() => applyApproved(ports, job), { cloudId });
  return {
    harness,
    ports,
    cloudId,
    propose: (person, request) => asPerson(person, (caller) => createProposal(ports, caller, request)),
    decide: (person, request) => asPerson(person, (caller) => decideProposal(ports, caller, request)),
    retry: (person, proposalId) => asPerson(person, (caller) => retryApply(ports, caller, { proposalId })),
    async runNextApply() {
      const job = ports.applyQueue.jobs.shift();
      if (!job) throw new Error('No apply job is queued');
      return runApply(job);
    },
    runApply,
  };
}
