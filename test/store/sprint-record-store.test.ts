import type { BypassedChange, BypassReview, SprintBaseline, SprintOutcome } from '../../src/domain/sprint-record';
import { createSprintRecordStore, SEEN_EVENT_RETENTION_DAYS } from '../../src/store/sprint-record-store';
import { ACME_SITE, ONBOARDING_SITE, onSite, recordedRetry, startForgeStorage } from './forge-storage-harness';

const DEVELOPER = '557058:dev-dana';
const PRODUCT_OWNER = '557058:po-priya';
const SECOND_PRODUCT_OWNER = '557058:po-omar';
const SPRINT_START = '2026-11-23T09:00:00.000Z';

/** ONB Sprint 7 on board 1, as committed at sprint planning. */
const committedScope = {
  sprintId: 7,
  boardId: 1,
  goal: 'New customers can sign in with their company SSO',
  issues: [
    { key: 'ONB-10', points: 5 },
    { key: 'ONB-11', points: 3 },
    { key: 'ONB-39', points: 8 },
  ],
  takenAt: SPRINT_START,
};

const startBaseline: SprintBaseline = { ...committedScope, source: 'sprint-start' };

/** Dana pulled ONB-12 into the sprint straight on the Jira board. */
function bypassFor(fields: Partial<BypassedChange> = {}): BypassedChange {
  return {
    id: 'event:10012:20001:7:ONB-12:added',
    sprintId: 7,
    issueKey: 'ONB-12',
    kind: 'added',
    at: '2026-11-25T10:05:00.000Z',
    pointsBefore: null,
    pointsAfter: 3,
    source: 'bypassed',
    reasonCategory: null,
    proposalId: null,
    rationale: null,
    actorAccountId: DEVELOPER,
    detectedBy: 'event',
    review: null,
    ...fields,
  };
}

const reviewBy = (reviewerAccountId: string, note: string): BypassReview => ({
  reviewerAccountId,
  verdict: 'accepted',
  note,
  at: '2026-11-25T14:00:00.000Z',
});

function outcomeOf(sprintId: number, closedAt: string, fields: Partial<SprintOutcome> = {}): SprintOutcome {
  return {
    sprintId,
    boardId: 1,
    sprintName: `ONB Sprint ${sprintId}`,
    goal: `Goal of sprint ${sprintId}`,
    outcome: null,
    note: '',
    recordedBy: null,
    closedAt,
    committedPoints: 16,
    grossChurn: 3,
    ...fields,
  };
}

const onboarding = <T>(work: () => Promise<T>) => onSite(ONBOARDING_SITE, work);

describe('sprint record store on Forge storage', () => {
  describe('baseline', () => {
    it('keeps the first baseline written and refuses any later one as a conflict', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const reconciled: SprintBaseline = {
        ...committedScope,
        issues: [...committedScope.issues, { key: 'ONB-12', points: 3 }],
        takenAt: '2026-11-25T11:00:00.000Z',
        source: 'first-seen',
      };
      await onboarding(async () => {
        expect(await store.baseline(7)).toBeUndefined();
        expect(await store.saveBaseline(startBaseline)).toBe('written');
        expect(await store.saveBaseline(reconciled)).toBe('conflict');
        expect(await store.baseline(7)).toEqual(startBaseline);
      });
    });

    it('lets exactly one of the sprint-started event and the reconciliation set the baseline when they race', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const firstSeen: SprintBaseline = { ...committedScope, takenAt: '2026-11-23T09:00:01.000Z', source: 'first-seen' };
      const outcomes = await Promise.all([
        onboarding(() => store.saveBaseline(startBaseline)),
        onboarding(() => store.saveBaseline(firstSeen)),
      ]);
      expect([...outcomes].sort()).toEqual(['conflict', 'written']);
      const winner = outcomes[0] === 'written' ? startBaseline : firstSeen;
      expect(await onboarding(() => store.baseline(7))).toEqual(winner);
    });
  });

  it('overwrites the last seen scope with each reconciliation', async () => {
    startForgeStorage();
    const store = createSprintRecordStore();
    const later = { ...committedScope, issues: committedScope.issues.slice(0, 2), takenAt: '2026-11-25T11:00:00.000Z' };
    await onboarding(async () => {
      expect(await store.lastSeen(7)).toBeUndefined();
      await store.saveLastSeen(committedScope);
      await store.saveLastSeen(later);
      expect(await store.lastSeen(7)).toEqual(later);
    });
  });

  describe('bypassed changes', () => {
    it('records a change delivered 20 times at once exactly once', async () => {
      const emulator = startForgeStorage();
      const store = createSprintRecordStore();
      const change = bypassFor();
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => onboarding(() => store.recordBypassed(change))));

      expect(outcomes.filter((outcome) => outcome === 'written')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'conflict')).toHaveLength(19);
      expect(Object.keys(emulator.snapshot(ONBOARDING_SITE.installationId).entities['bypassed-change']!)).toEqual([change.id]);
      expect(await onboarding(() => store.bypassedChanges(7))).toEqual([change]);
    });

    it('changes nothing when a change already recorded arrives again', async () => {
      const emulator = startForgeStorage();
      const store = createSprintRecordStore();
      const change = bypassFor();
      await onboarding(() => store.recordBypassed(change));
      await onboarding(() => store.reviewBypassed(change.id, reviewBy(PRODUCT_OWNER, 'Agreed with Dana on Slack; Acme needs it.')));
      const before = emulator.snapshot(ONBOARDING_SITE.installationId);
      expect(await onboarding(() => store.recordBypassed({ ...change, detectedBy: 'reconciliation' }))).toBe('conflict');
      expect(emulator.snapshot(ONBOARDING_SITE.installationId)).toEqual(before);
    });

    it('lists a sprint’s bypassed changes oldest first, and no other sprint’s', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const reestimate = bypassFor({
        id: 'event:10039:20007:7:ONB-39:re-estimated',
        issueKey: 'ONB-39',
        kind: 're-estimated',
        at: '2026-11-26T09:30:00.000Z',
        pointsBefore: 8,
        pointsAfter: 13,
      });
      const added = bypassFor();
      const removed = bypassFor({
        id: 'recon:7:2026-11-24T08:00:00.000Z:ONB-11:removed',
        issueKey: 'ONB-11',
        kind: 'removed',
        at: '2026-11-24T08:00:00.000Z',
        actorAccountId: null,
        detectedBy: 'reconciliation',
      });
      const lastSprint = bypassFor({
        id: 'event:10016:19980:6:ONB-16:added',
        sprintId: 6,
        issueKey: 'ONB-16',
        at: '2026-11-12T10:00:00.000Z',
      });
      await onboarding(async () => {
        for (const change of [reestimate, added, removed, lastSprint]) await store.recordBypassed(change);
        expect((await store.bypassedChanges(7)).map((change) => change.id)).toEqual([removed.id, added.id, reestimate.id]);
        expect(await store.bypassedChanges(8)).toEqual([]);
      });
    });

    it('lets exactly one of two Product Owners review a change, and keeps the winner’s review', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const change = bypassFor();
      await onboarding(() => store.recordBypassed(change));
      const reviews = [
        reviewBy(PRODUCT_OWNER, 'Agreed with Dana on Slack; Acme needs it.'),
        reviewBy(SECOND_PRODUCT_OWNER, 'Fine by me, it is small.'),
      ];
      const outcomes = await Promise.all(reviews.map((review) => onboarding(() => store.reviewBypassed(change.id, review))));

      expect([...outcomes].sort()).toEqual(['conflict', 'written']);
      const winner = reviews[outcomes.indexOf('written')]!;
      expect(await onboarding(() => store.getBypassed(change.id))).toEqual({ ...change, review: winner });
      expect(await onboarding(() => store.reviewBypassed(change.id, reviewBy(PRODUCT_OWNER, 'A second look, later.')))).toBe('conflict');
      expect(await onboarding(() => store.getBypassed(change.id))).toEqual({ ...change, review: winner });
    });

    it('answers not-found for a change it never recorded, whatever the id', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      await onboarding(async () => {
        for (const id of ['event:10012:99999:7:ONB-12:added', 'ONB-12/../../x', '']) {
          expect(await store.getBypassed(id)).toBeUndefined();
          await expect(store.reviewBypassed(id, reviewBy(PRODUCT_OWNER, 'Looks fine.'))).rejects.toMatchObject({ code: 'not-found' });
        }
      });
    });

    it('counts a change whose answer was lost after it was recorded as written, not as a duplicate', async () => {
      const emulator = startForgeStorage();
      const { policy } = recordedRetry();
      const store = createSprintRecordStore({ retry: policy });
      const change = bypassFor();
      emulator.lostAnswers.inject({ kind: 'server-error', status: 503 }, { path: '/api/v1/transaction' });
      await onboarding(async () => {
        expect(await store.recordBypassed(change)).toBe('written');
        expect(await store.bypassedChanges(7)).toEqual([change]);
      });
    });
  });

  describe('outcomes', () => {
    it('lists a board’s sprint outcomes newest first, and no other board’s', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const sprint5 = outcomeOf(5, '2026-10-30T16:00:00.000Z', { outcome: 'met', recordedBy: PRODUCT_OWNER });
      const sprint7 = outcomeOf(7, '2026-11-27T16:00:00.000Z');
      const sprint6 = outcomeOf(6, '2026-11-13T16:00:00.000Z', {
        outcome: 'partly',
        note: 'SSO shipped, SCIM slipped.',
        recordedBy: PRODUCT_OWNER,
      });
      const otherBoard = outcomeOf(41, '2026-11-20T16:00:00.000Z', { boardId: 2 });
      await onboarding(async () => {
        for (const outcome of [sprint5, sprint7, sprint6, otherBoard]) await store.saveOutcome(outcome);
        expect(await store.outcomesOfBoard(1)).toEqual([sprint7, sprint6, sprint5]);
        expect(await store.outcomesOfBoard(3)).toEqual([]);
      });
    });

    it('replaces the outcome when the Product Owner records whether the goal was met', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const closed = outcomeOf(7, '2026-11-27T16:00:00.000Z');
      const recorded = { ...closed, outcome: 'met' as const, note: 'SSO is live for Acme.', recordedBy: PRODUCT_OWNER };
      await onboarding(async () => {
        await store.saveOutcome(closed);
        expect(await store.outcome(7)).toEqual(closed);
        await store.saveOutcome(recorded);
        expect(await store.outcome(7)).toEqual(recorded);
        expect(await store.outcomesOfBoard(1)).toEqual([recorded]);
        expect(await store.outcome(8)).toBeUndefined();
      });
    });
  });

  describe('seen events', () => {
    it('tells the first delivery of an event from its redelivery, even before queries catch up', async () => {
      startForgeStorage({ queries: 'lagging' });
      const store = createSprintRecordStore();
      await onboarding(async () => {
        expect(await store.markEventSeen('10012:20001')).toBe('first');
        expect(await store.markEventSeen('10012:20001')).toBe('duplicate');
        expect(await store.markEventSeen('10012:20002')).toBe('first');
      });
    });

    it('lets exactly one of ten concurrent deliveries of an event through', async () => {
      startForgeStorage();
      const store = createSprintRecordStore();
      const answers = await Promise.all(Array.from({ length: 10 }, () => onboarding(() => store.markEventSeen('10012:20001'))));
      expect(answers.filter((answer) => answer === 'first')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'duplicate')).toHaveLength(9);
    });

    it(`remembers an event for ${SEEN_EVENT_RETENTION_DAYS} days, then forgets it`, async () => {
      let now = Date.parse('2026-11-25T10:05:00.000Z');
      startForgeStorage({ now: () => now });
      const store = createSprintRecordStore({ now: () => new Date(now) });
      await onboarding(async () => {
        expect(await store.markEventSeen('10012:20001')).toBe('first');
        now = Date.parse('2026-12-02T10:04:00.000Z');
        expect(await store.markEventSeen('10012:20001')).toBe('duplicate');
        now = Date.parse('2026-12-02T10:06:00.000Z');
        expect(await store.markEventSeen('10012:20001')).toBe('first');
      });
    });
  });

  it('lists each watched board once, however often it was watched', async () => {
    startForgeStorage();
    const store = createSprintRecordStore();
    await onboarding(async () => {
      expect(await store.watchedBoards()).toEqual([]);
      for (const boardId of [3, 1, 3, 1, 1]) await store.watchBoard(boardId);
      expect(await store.watchedBoards()).toEqual([1, 3]);
    });
  });

  it('never shows one site’s sprint records to another', async () => {
    startForgeStorage();
    const store = createSprintRecordStore();
    await onboarding(async () => {
      await store.saveBaseline(startBaseline);
      await store.recordBypassed(bypassFor());
      await store.saveOutcome(outcomeOf(7, '2026-11-27T16:00:00.000Z'));
      await store.watchBoard(1);
      await store.markEventSeen('10012:20001');
    });
    await onSite(ACME_SITE, async () => {
      expect(await store.baseline(7)).toBeUndefined();
      expect(await store.bypassedChanges(7)).toEqual([]);
      expect(await store.outcomesOfBoard(1)).toEqual([]);
      expect(await store.watchedBoards()).toEqual([]);
      expect(await store.markEventSeen('10012:20001')).toBe('first');
    });
  });
});
