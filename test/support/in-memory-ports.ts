/**
 * In-memory twins of the storage, queue, clock and id ports (src/app/ports.ts), for tests about a
 * rule rather than about storage: the same promises as the Forge adapters in src/store and
 * src/events (conditional writes answer 'conflict', first writers win, claims lapse, lists in the
 * order the indexes give), without the KVS emulator. Jira is not twinned here: rule tests reach
 * the real Jira adapter against the Jira stand-in (test/jira/jira-harness.ts), the one edge
 * STYLE.md allows a mock at.
 */
import type {
  ApplyQueue,
  ClosedSprintHistoryStore,
  IdGenerator,
  IssueClaims,
  JiraPort,
  KnownAccount,
  PersonalDataReporting,
  PersonalDataStore,
  Ports,
  ProposalStore,
  ReconcileQueue,
  SettingsRepository,
  SettingsVersion,
  SprintRecordStore,
  SprintSnapshotStore,
  StoredClosedSprintList,
  StoredSprintHistory,
  StoredSprintSnapshot,
  WriteOutcome,
} from '../../src/app/ports';
import type { AuditEvent } from '../../src/domain/audit';
import { assessChange } from '../../src/domain/goal-risk';
import type { Proposal } from '../../src/domain/proposal';
import type { ProjectSettings } from '../../src/domain/settings';
import type { BypassedChange, SprintBaseline, SprintCapacity, SprintOutcome, SprintScope } from '../../src/domain/sprint-record';
import { AUDIT_PAGE_SIZE } from '../../src/store/proposal-store';
import { ISSUE_CLAIM_MINUTES } from '../../src/store/issue-claim-store';

/** A clock the test moves: time passes only when the test says so. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start: Date): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Ids `<prefix>-1`, `<prefix>-2`, …: readable in a failure message, and the same on every run. */
export function sequentialIds(prefix = 'proposal'): IdGenerator {
  let next = 0;
  return { next: () => `${prefix}-${++next}` };
}

/** Stored values are copies, as a store's are: a use case mutating what it read changes nothing stored. */
const copy = <T>(value: T): T => structuredClone(value);

export interface InMemoryProposalStore extends ProposalStore {
  /** Every audit event written, in write order (for asserting what a use case recorded). */
  readonly events: readonly AuditEvent[];
}

export function inMemoryProposalStore(clock: Pick<TestClock, 'now'>): InMemoryProposalStore {
  const proposals = new Map<string, Proposal>();
  const events: AuditEvent[] = [];
  const answers = new Map<string, { answer: unknown; expiresAt: number }>();
  // The Forge indexes sort proposals by creation (src/store/entities.ts); ties keep write order.
  const sorted = (list: Proposal[]) => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(copy);
  const requireEventOf = (proposal: Proposal, event: AuditEvent) => {
    if (event.proposalId !== proposal.id || event.sequence !== proposal.version)
      throw new Error(`Audit event ${event.proposalId}#${event.sequence} does not belong to proposal ${proposal.id} v${proposal.version}.`);
  };
  return {
    events,
    get: async (id) => copy(proposals.get(id)),
    async create(proposal, event) {
      requireEventOf(proposal, event);
      if (proposals.has(proposal.id)) return 'conflict';
      proposals.set(proposal.id, copy(proposal));
      events.push(copy(event));
      return 'written';
    },
    async update(proposal, expectedVersion, event) {
      if (proposal.version !== expectedVersion + 1)
        throw new Error(`Proposal ${proposal.id} must advance from version ${expectedVersion} to ${expectedVersion + 1}.`);
      requireEventOf(proposal, event);
      if (proposals.get(proposal.id)?.version !== expectedVersion) return 'conflict';
      proposals.set(proposal.id, copy(proposal));
      events.push(copy(event));
      return 'written';
    },
    listByIssue: async (issueKey) => sorted([...proposals.values()].filter((proposal) => proposal.issueKey === issueKey)),
    listBySprint: async (sprintId, status) =>
      sorted(
        [...proposals.values()].filter(
          (proposal) => proposal.sprintId === sprintId && (status === undefined || proposal.status === status),
        ),
      ),
    async audit(proposalId, cursor) {
      const after = cursor === undefined ? 0 : Number(cursor);
      const trail = events
        .filter((event) => event.proposalId === proposalId && event.sequence > after)
        .sort((a, b) => a.sequence - b.sequence);
      const page = trail.slice(0, AUDIT_PAGE_SIZE).map(copy);
      const last = page.at(-1);
      return trail.length > AUDIT_PAGE_SIZE && last ? { events: page, nextCursor: String(last.sequence) } : { events: page };
    },
    async purge(proposalId) {
      const trail = events.filter((event) => event.proposalId === proposalId);
      for (const event of trail) events.splice(events.indexOf(event), 1);
      return trail.length + (proposals.delete(proposalId) ? 1 : 0);
    },
    async recall(idempotencyKey) {
      const stored = answers.get(idempotencyKey);
      return stored && stored.expiresAt > clock.now().getTime() ? copy(stored.answer) : undefined;
    },
    async remember(idempotencyKey, answer) {
      // As src/store/proposal-store.ts: a day of memory.
      answers.set(idempotencyKey, { answer: copy(answer), expiresAt: clock.now().getTime() + 24 * 3_600_000 });
    },
  };
}

export function inMemorySprintRecordStore(): SprintRecordStore {
  const baselines = new Map<number, SprintBaseline>();
  const lastSeen = new Map<number, SprintScope>();
  const bypassed = new Map<string, BypassedChange>();
  const outcomes = new Map<number, SprintOutcome>();
  const capacities = new Map<number, SprintCapacity>();
  const seenEvents = new Set<string>();
  const boards = new Set<number>();
  return {
    baseline: async (sprintId) => copy(baselines.get(sprintId)),
    async saveBaseline(baseline) {
      if (baselines.has(baseline.sprintId)) return 'conflict';
      baselines.set(baseline.sprintId, copy(baseline));
      return 'written';
    },
    lastSeen: async (sprintId) => copy(lastSeen.get(sprintId)),
    async saveLastSeen(scope) {
      lastSeen.set(scope.sprintId, copy(scope));
    },
    bypassedChanges: async (sprintId) => [...bypassed.values()].filter((change) => change.sprintId === sprintId).map(copy),
    async recordBypassed(change) {
      if (bypassed.has(change.id)) return 'conflict';
      bypassed.set(change.id, copy(change));
      return 'written';
    },
    getBypassed: async (id) => copy(bypassed.get(id)),
    async reviewBypassed(id, review) {
      const stored = bypassed.get(id);
      if (!stored) throw new Error(`No bypassed change ${id}`);
      if (stored.review) return 'conflict';
      bypassed.set(id, { ...stored, review: copy(review) });
      return 'written';
    },
    outcome: async (sprintId) => copy(outcomes.get(sprintId)),
    async saveOutcome(outcome) {
      outcomes.set(outcome.sprintId, copy(outcome));
    },
    async recordOutcome(outcome, expectedVersion): Promise<WriteOutcome> {
      const stored = outcomes.get(outcome.sprintId);
      // Records from before versions existed read as version 1 (src/store/sprint-record-store.ts).
      if (!stored || (stored.version ?? 1) !== expectedVersion) return 'conflict';
      outcomes.set(outcome.sprintId, copy(outcome));
      return 'written';
    },
    outcomesOfBoard: async (boardId) => [...outcomes.values()].filter((outcome) => outcome.boardId === boardId).map(copy),
    async markEventSeen(eventId) {
      if (seenEvents.has(eventId)) return 'duplicate';
      seenEvents.add(eventId);
      return 'first';
    },
    async forgetSprint(sprintId) {
      let deleted = 0;
      for (const map of [baselines, lastSeen, outcomes, capacities]) deleted += map.delete(sprintId) ? 1 : 0;
      for (const [id, change] of bypassed) if (change.sprintId === sprintId) deleted += bypassed.delete(id) ? 1 : 0;
      return deleted;
    },
    capacity: async (sprintId) => copy(capacities.get(sprintId)),
    async saveCapacity(capacity) {
      capacities.set(capacity.sprintId, copy(capacity));
    },
    async watchBoard(boardId) {
      boards.add(boardId);
    },
    watchedBoards: async () => [...boards],
  };
}

export function inMemorySettingsRepository(): SettingsRepository {
  const versions = new Map<string, SettingsVersion[]>();
  return {
    get: async (projectKey) => copy(versions.get(projectKey)?.[0]?.settings),
    async save(projectKey, settings, expectedVersion, byAccountId, at) {
      const history = versions.get(projectKey) ?? [];
      if ((history[0]?.version ?? 0) !== expectedVersion) return 'conflict';
      const version = expectedVersion + 1;
      const saved: ProjectSettings = { ...copy(settings), version, updatedBy: byAccountId, updatedAt: at };
      versions.set(projectKey, [{ version, settings: saved, changedBy: byAccountId, changedAt: at }, ...history]);
      return 'written';
    },
    history: async (projectKey) => copy(versions.get(projectKey) ?? []),
  };
}

/** Jobs the use cases queued, in order; nothing runs them until the test does. */
export interface RecordingQueue<Job> {
  readonly jobs: Job[];
  enqueue(job: Job): Promise<void>;
}

function recordingQueue<Job>(): RecordingQueue<Job> {
  const jobs: Job[] = [];
  return {
    jobs,
    enqueue: async (job) => {
      jobs.push(copy(job));
    },
  };
}

export const inMemoryApplyQueue = (): RecordingQueue<{ proposalId: string; attempt: number }> & ApplyQueue => recordingQueue();
export const inMemoryReconcileQueue = (): RecordingQueue<{ boardId: number }> & ReconcileQueue => recordingQueue();

/** Claims as src/store/issue-claim-store.ts makes them: one holder per issue, lapsing after ISSUE_CLAIM_MINUTES. */
export function inMemoryIssueClaims(clock: Pick<TestClock, 'now'>): IssueClaims {
  const held = new Map<string, { proposalId: string; expiresAt: number }>();
  const release: IssueClaims['release'] = async (issueKeys, proposalId) => {
    for (const key of issueKeys) if (held.get(key)?.proposalId === proposalId) held.delete(key);
  };
  return {
    async claim(issueKeys, proposalId) {
      const now = clock.now().getTime();
      const keys = [...new Set(issueKeys)];
      if (
        keys.some((key) => {
          const claim = held.get(key);
          return claim !== undefined && claim.proposalId !== proposalId && claim.expiresAt > now;
        })
      )
        return 'taken';
      for (const key of keys) held.set(key, { proposalId, expiresAt: now + ISSUE_CLAIM_MINUTES * 60_000 });
      return 'claimed';
    },
    release,
  };
}

export function inMemoryClosedSprintHistoryStore(): ClosedSprintHistoryStore {
  const histories = new Map<number, StoredSprintHistory>();
  const lists = new Map<number, StoredClosedSprintList>();
  return {
    histories: async (sprintIds) =>
      new Map(
        sprintIds.flatMap((id) => {
          const stored = histories.get(id);
          return stored ? [[id, copy(stored)] as const] : [];
        }),
      ),
    async save(entries) {
      for (const entry of entries) histories.set(entry.history.sprintId, copy(entry));
    },
    closedSprintList: async (boardId) => copy(lists.get(boardId)),
    async saveClosedSprintList(boardId, list) {
      lists.set(boardId, copy(list));
    },
  };
}

export function inMemorySprintSnapshotStore(): SprintSnapshotStore {
  const snapshots = new Map<number, StoredSprintSnapshot>();
  return {
    get: async (sprintId) => copy(snapshots.get(sprintId)),
    async save(stored) {
      snapshots.set(stored.snapshot.sprint.id, copy(stored));
    },
    async forget(sprintId) {
      snapshots.delete(sprintId);
    },
  };
}

/** The personal data the in-memory proposals hold: proposers, deciders and the audit trail's actors. */
function inMemoryPersonalData(proposals: InMemoryProposalStore, clock: Pick<TestClock, 'now'>): PersonalDataStore {
  return {
    async knownAccounts(): Promise<KnownAccount[]> {
      const ids = new Set<string>();
      for (const event of proposals.events) if (event.actorAccountId) ids.add(event.actorAccountId);
      return [...ids].map((accountId) => ({ accountId, updatedAt: clock.now().toISOString() }));
    },
    async eraseAccount(accountId, tombstone) {
      let touched = 0;
      for (const event of proposals.events as AuditEvent[]) {
        if (event.actorAccountId !== accountId) continue;
        Object.assign(event, { actorAccountId: tombstone });
        touched += 1;
      }
      return touched;
    },
  };
}

export interface InMemoryPorts extends Ports {
  readonly proposals: InMemoryProposalStore;
  readonly applyQueue: RecordingQueue<{ proposalId: string; attempt: number }> & ApplyQueue;
  readonly reconcileQueue: RecordingQueue<{ boardId: number }> & ReconcileQueue;
  readonly clock: TestClock;
}

/**
 * Every port in memory but Jira, which the test hands in (the Jira harness's adapter).
 * `privacy` answers that no account changed, as Atlassian's API does for accounts it has nothing new on.
 */
export function inMemoryPorts(jira: JiraPort, options: { now: Date; ids?: IdGenerator; privacy?: PersonalDataReporting }): InMemoryPorts {
  const clock = testClock(options.now);
  const proposals = inMemoryProposalStore(clock);
  return {
    jira,
    proposals,
    settings: inMemorySettingsRepository(),
    sprints: inMemorySprintRecordStore(),
    personalData: inMemoryPersonalData(proposals, clock),
    privacy: options.privacy ?? { report: async () => [] },
    clock,
    ids: options.ids ?? sequentialIds(),
    applyQueue: inMemoryApplyQueue(),
    reconcileQueue: inMemoryReconcileQueue(),
    issueClaims: inMemoryIssueClaims(clock),
    sprintHistories: inMemoryClosedSprintHistoryStore(),
    sprintSnapshots: inMemorySprintSnapshotStore(),
    assess: assessChange,
  };
}
