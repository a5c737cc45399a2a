import fc from 'fast-check';
import type { Assessment, AssessmentInput, ReasonCode } from '../../src/domain/assessment';
import type { Change } from '../../src/domain/change';
import { assessChange } from '../../src/domain/goal-risk';
import type { SprintHistory, SprintIssue, SprintSnapshot, StatusCategory } from '../../src/domain/sprint';

// ONB Sprint 7 runs two weeks: Monday 6 May 2024, 09:00 UTC, to Friday 17 May 2024, 17:00 UTC.
const START = '2024-05-06T09:00:00.000Z';
const END = '2024-05-17T17:00:00.000Z';
/** Second Monday: 5 working days elapsed, 5 left. */
const SECOND_MONDAY = '2024-05-13T10:00:00.000Z';
/** Second Tuesday: 6 working days elapsed, 4 left. */
const SECOND_TUESDAY = '2024-05-14T10:00:00.000Z';
const GOAL = 'New customers can sign up and reach their first dashboard';

function issue(key: string, points: number | null, statusCategory: StatusCategory = 'todo', goalCritical = false): SprintIssue {
  return {
    key,
    id: String(10_000 + Number(key.replace(/\D/g, ''))),
    summary: `Work on ${key}`,
    points,
    statusCategory,
    goalCritical,
    labels: goalCritical ? ['sprint-goal'] : [],
    epicKey: 'ONB-1000',
    priorityName: 'Medium',
    issueType: 'Story',
  };
}
const goalIssue = (key: string, points: number | null, statusCategory: StatusCategory = 'todo') => issue(key, points, statusCategory, true);

function snapshotOf(
  issues: readonly SprintIssue[],
  overrides: Partial<SprintSnapshot['sprint']> = {},
  estimation: SprintSnapshot['estimation'] = 'points',
): SprintSnapshot {
  return {
    sprint: { id: 7, boardId: 1, name: 'ONB Sprint 7', state: 'active', goal: GOAL, startDate: START, endDate: END, ...overrides },
    issues,
    estimation,
  };
}

function closedSprints(completedPerSprint: readonly number[]): SprintHistory[] {
  return completedPerSprint.map((completedPoints, index) => ({
    sprintId: index + 1,
    name: `ONB Sprint ${index + 1}`,
    committedPoints: 20,
    completedPoints,
    workingDays: 10,
  }));
}

/** Always 2 points a day: capacity is exactly 2 × days left in every trial. */
const STEADY_TEAM = closedSprints([20, 20, 20, 20, 20, 20]);
/** 1 or 3 points a day, equally likely: over 4 days, 4 + 2·Binomial(4, ½) points. */
const COIN_FLIP_TEAM = closedSprints([10, 30, 10, 30, 10, 30]);

function assess(snapshot: SprintSnapshot, issueKey: string, change: Change, extra: Partial<AssessmentInput> = {}): Assessment {
  return assessChange({ snapshot, history: STEADY_TEAM, issueKey, change, now: SECOND_MONDAY, ...extra });
}

const codes = (assessment: Assessment): ReasonCode[] => assessment.reasons.map((reason) => reason.code);
const messageOf = (assessment: Assessment, code: ReasonCode): string | undefined => assessment.reasons.find((reason) => reason.code === code)?.message;

describe('assessChange: worked examples with a steady team (capacity exactly 10 pts in 5 days)', () => {
  // Open work in rank order: ONB-2 3 (3), ONB-3 2 (5), ONB-4 3 (8), ONB-5 2 (10), ONB-6 3 (13).
  // The capacity line falls after ONB-5; the goal is done after 8 pts, so P(goal) is 100%.
  const sprint = snapshotOf([
    goalIssue('ONB-1', 3, 'done'),
    goalIssue('ONB-2', 3, 'in-progress'),
    issue('ONB-3', 2),
    goalIssue('ONB-4', 3),
    issue('ONB-5', 2),
    issue('ONB-6', 3),
  ]);

  it('draws the capacity line where 10 pts of open work run out', () => {
    const { before } = assess(sprint, 'ONB-3', { kind: 'tweak', note: 'Clarify the copy' });
    expect(before.capacityLine).toEqual({ index: 4, aboveKeys: ['ONB-2', 'ONB-3', 'ONB-4', 'ONB-5'], belowKeys: ['ONB-6'] });
    expect(before).toMatchObject({ pGoal: 1, p50Points: 10, p85Points: 10, goalCriticalPointsLeft: 6, totalPointsLeft: 13 });
  });

  it('judges a tweak safe, with nothing to say about the change', () => {
    const assessment = assess(sprint, 'ONB-3', { kind: 'tweak', note: 'Clarify the copy' });
    expect(assessment.level).toBe('safe');
    expect(assessment.after).toEqual(assessment.before);
    expect(assessment.reasons).toEqual([]);
    expect(assessment.suggestions).toEqual([]);
    expect(assessment).toMatchObject({ workingDaysLeft: 5, trials: 10_000, basis: 'history', assessedAt: SECOND_MONDAY });
  });

  it('judges a priority change safe: it moves no scope and no rank', () => {
    expect(assess(sprint, 'ONB-6', { kind: 'priority', priorityName: 'High' }).level).toBe('safe');
  });

  it('calls a re-rank that pushes goal work below the line a threat, and finds the deferral that makes room', () => {
    // ONB-6 to the top: open work runs 3, 6, 8, 11 — ONB-4 now ends at 11 pts, past the 10 pts line.
    const assessment = assess(sprint, 'ONB-6', { kind: 'rerank', target: { position: 'top' } });
    expect(assessment.level).toBe('threat');
    expect(assessment.after.capacityLine).toEqual({ index: 3, aboveKeys: ['ONB-6', 'ONB-2', 'ONB-3'], belowKeys: ['ONB-4', 'ONB-5'] });
    expect(assessment.after.pGoal).toBe(0);
    expect(messageOf(assessment, 'goal-item-below-line')).toBe('This re-rank moves ONB-4 (goal-critical, 3 pts) below the capacity line');
    expect(messageOf(assessment, 'goal-work-exceeds-capacity')).toBe(
      'Goal-critical work left: 6 pts, done only after 11 pts of work in rank order; expected capacity left: 10 pts (P50)',
    );
    expect(messageOf(assessment, 'p-goal-drop')).toBe('P(goal) drops from 100% to 0% (−100 points)');
    // ONB-6 is the proposal's own issue, so ONB-3 (2 pts) is what can go: 11 − 2 = 9 ≤ 10.
    expect(assessment.suggestions).toEqual([
      { kind: 'defer-to-make-room', issueKeys: ['ONB-3'], points: 2, pGoalAfter: 1, message: 'Defer ONB-3 (2 pts) to keep P(goal) ≥ 95%' },
    ]);
  });

  it('lands a re-ranked issue right before or right after the issue named', () => {
    const beforeGoal = assess(sprint, 'ONB-6', { kind: 'rerank', target: { position: 'before', issueKey: 'ONB-4' } });
    expect(beforeGoal.after.capacityLine).toEqual({ index: 3, aboveKeys: ['ONB-2', 'ONB-3', 'ONB-6'], belowKeys: ['ONB-4', 'ONB-5'] });
    expect(beforeGoal.level).toBe('threat');
    const afterOther = assess(sprint, 'ONB-3', { kind: 'rerank', target: { position: 'after', issueKey: 'ONB-5' } });
    expect(afterOther.after.capacityLine.aboveKeys).toEqual(['ONB-2', 'ONB-4', 'ONB-5', 'ONB-3']);
    expect(afterOther.level).toBe('safe');
  });

  it('keeps an addition ranked below the goal safe, but says it adds scope', () => {
    const assessment = assess(sprint, 'ONB-40', { kind: 'add' }, { incoming: issue('ONB-40', 2) });
    expect(assessment.level).toBe('safe');
    expect(assessment.after.capacityLine.belowKeys).toEqual(['ONB-6', 'ONB-40']);
    expect(codes(assessment)).toEqual(['scope-added']);
    expect(messageOf(assessment, 'scope-added')).toBe('Adds 2 pts of work (13 → 15 pts left)');
  });

  it('calls adding goal-critical work beyond capacity a threat and defers the lowest-ranked other work', () => {
    // ONB-41 joins at the bottom: the goal now needs 14 pts; deferring ONB-6 (3) and ONB-5 (2) leaves 9.
    const assessment = assess(sprint, 'ONB-41', { kind: 'add' }, { incoming: goalIssue('ONB-41', 1) });
    expect(assessment.level).toBe('threat');
    expect(messageOf(assessment, 'goal-item-below-line')).toBe('This addition moves ONB-41 (goal-critical, 1 pt) below the capacity line');
    expect(assessment.suggestions).toEqual([
      {
        kind: 'defer-to-make-room',
        issueKeys: ['ONB-5', 'ONB-6'],
        points: 5,
        pGoalAfter: 1,
        message: 'Defer ONB-5 (2 pts) and ONB-6 (3 pts) to keep P(goal) ≥ 95%',
      },
    ]);
  });

  it('calls removing a goal-critical item a threat: the goal cannot be met as written', () => {
    const assessment = assess(sprint, 'ONB-4', { kind: 'remove' });
    expect(assessment.level).toBe('threat');
    expect(assessment.after.pGoal).toBe(0);
    expect(messageOf(assessment, 'goal-item-removed')).toBe('Removes a goal-critical item (ONB-4): the goal cannot be met as written');
    expect(assessment.suggestions).toEqual([]);
  });

  it('calls swapping out a goal-critical item a threat, and ranks the incoming issue in its place', () => {
    const assessment = assess(sprint, 'ONB-42', { kind: 'swap', outIssueKey: 'ONB-2' }, { incoming: issue('ONB-42', 3) });
    expect(assessment.level).toBe('threat');
    expect(codes(assessment)).toContain('goal-item-removed');
    expect(assessment.after.capacityLine.aboveKeys).toEqual(['ONB-42', 'ONB-3', 'ONB-4', 'ONB-5']);
  });

  it('keeps a split safe when the parts fit, ranking them right under the parent', () => {
    const assessment = assess(sprint, 'ONB-4', {
      kind: 'split',
      parts: [
        { summary: 'Sign-up form', points: 1 },
        { summary: 'Welcome e-mail', points: 1 },
      ],
    });
    expect(assessment.level).toBe('safe');
    expect(assessment.after.capacityLine.aboveKeys).toEqual(['ONB-2', 'ONB-3', 'ONB-4', 'ONB-4/1', 'ONB-4/2', 'ONB-5']);
    expect(assessment.after.totalPointsLeft).toBe(13);
  });

  it('counts split parts that outgrow their parent as added scope', () => {
    const assessment = assess(sprint, 'ONB-4', {
      kind: 'split',
      parts: [
        { summary: 'Sign-up form', points: 2 },
        { summary: 'Welcome e-mail', points: 2 },
      ],
    });
    expect(assessment.after.totalPointsLeft).toBe(14);
    expect(messageOf(assessment, 'scope-added')).toBe('Adds 1 pt of work (13 → 14 pts left)');
  });

  it('accepts a re-estimate that still just fits, and calls one that does not a threat', () => {
    expect(assess(sprint, 'ONB-2', { kind: 'estimate', points: 5 }).level).toBe('safe');
    const tooBig = assess(sprint, 'ONB-2', { kind: 'estimate', points: 6 });
    expect(tooBig.level).toBe('threat');
    expect(messageOf(tooBig, 'goal-item-below-line')).toBe('This re-estimate moves ONB-4 (goal-critical, 3 pts) below the capacity line');
  });

  it('suggests splitting a goal-critical item bigger than the whole expected capacity', () => {
    const assessment = assess(sprint, 'ONB-2', { kind: 'estimate', points: 13 });
    expect(assessment.suggestions).toContainEqual({
      kind: 'split',
      issueKey: 'ONB-2',
      points: 13,
      message: 'Split ONB-2 (13 pts): alone it is more than the expected capacity left (10 pts, P50)',
    });
  });

  it('treats a change to an issue no longer in the sprint as no change', () => {
    const assessment = assess(sprint, 'ONB-99', { kind: 'remove' });
    expect(assessment.level).toBe('safe');
    expect(assessment.after).toEqual(assessment.before);
  });
});

describe('assessChange: worked examples with a coin-flip team (1 or 3 pts a day, 4 days left)', () => {
  // Capacity is 4, 6, 8, 10 or 12 pts with probabilities 1, 4, 6, 4, 1 sixteenths:
  // P50 = 8 pts, P85 = 6 pts, and 80% of trials finish at least 6 pts.
  const assessCoinFlip = (snapshot: SprintSnapshot, issueKey: string, change: Change) =>
    assessChange({ snapshot, history: COIN_FLIP_TEAM, issueKey, change, now: SECOND_TUESDAY });

  it('calls a re-estimate a threat when it drops P(goal) from 11/16 to 5/16, and defers to get back to 80%', () => {
    // Goal done after 8 pts (ONB-10 2, ONB-30 3, ONB-31 2, ONB-12 1); ONB-10 grows to 3: 9 pts.
    const sprint = snapshotOf([goalIssue('ONB-10', 2, 'in-progress'), issue('ONB-30', 3), issue('ONB-31', 2), goalIssue('ONB-12', 1)]);
    const assessment = assessCoinFlip(sprint, 'ONB-10', { kind: 'estimate', points: 3 });
    expect(assessment.level).toBe('threat');
    expect(assessment.before.pGoal).toBeCloseTo(11 / 16, 1);
    expect(assessment.after.pGoal).toBeCloseTo(5 / 16, 1);
    expect(assessment.after).toMatchObject({ p50Points: 8, p85Points: 6 });
    expect(assessment.before.capacityLine.belowKeys).toEqual([]);
    expect(assessment.after.capacityLine.belowKeys).toEqual(['ONB-12']);
    expect(messageOf(assessment, 'p-goal-low')).toMatch(/^P\(goal\) after this change is 3\d%, below the 50% threat threshold$/);
    expect(messageOf(assessment, 'goal-work-exceeds-capacity')).toBe(
      'Goal-critical work left: 4 pts, done only after 9 pts of work in rank order; expected capacity left: 8 pts (P50)',
    );
    // To be safe again P(goal) must reach 80%: at most 6 pts before ONB-12, so both ONB-31 and ONB-30 go.
    expect(assessment.suggestions).toEqual([
      {
        kind: 'defer-to-make-room',
        issueKeys: ['ONB-30', 'ONB-31'],
        points: 5,
        pGoalAfter: 1,
        message: 'Defer ONB-30 (3 pts) and ONB-31 (2 pts) to keep P(goal) ≥ 80%',
      },
    ]);
  });

  it('calls a drop of about 6 points caution even though P(goal) stays above 80%', () => {
    // Goal done after 4 pts (certain); ONB-20 grows by 2: 6 pts, done in 15/16 of trials.
    const sprint = snapshotOf([goalIssue('ONB-20', 1, 'in-progress'), issue('ONB-23', 2), goalIssue('ONB-22', 1)]);
    const assessment = assessCoinFlip(sprint, 'ONB-20', { kind: 'estimate', points: 3 });
    expect(assessment.level).toBe('caution');
    expect(assessment.after.pGoal).toBeCloseTo(15 / 16, 1);
    expect(messageOf(assessment, 'p-goal-drop')).toMatch(/^P\(goal\) drops from 100% to 9\d% \(−\d points\)$/);
    expect(assessment.suggestions).toEqual([
      { kind: 'defer-to-make-room', issueKeys: ['ONB-23'], points: 2, pGoalAfter: 1, message: 'Defer ONB-23 (2 pts) to keep P(goal) ≥ 95%' },
    ]);
  });

  it('calls even a tweak caution when the goal is already at risk: the level is about the sprint after the change', () => {
    const sprint = snapshotOf([goalIssue('ONB-10', 2, 'in-progress'), issue('ONB-30', 3), issue('ONB-31', 2), goalIssue('ONB-12', 1)]);
    const assessment = assessCoinFlip(sprint, 'ONB-12', { kind: 'tweak', note: 'Acceptance criteria' });
    expect(assessment.level).toBe('caution');
    expect(messageOf(assessment, 'p-goal-low')).toMatch(/below the 80% caution threshold$/);
  });
});

describe('assessChange with thin data', () => {
  const sprint = snapshotOf([goalIssue('ONB-1', 5, 'done'), issue('ONB-2', 5, 'done'), goalIssue('ONB-3', 3), issue('ONB-4', 2)]);

  it('forecasts from the sprint pace so far without history, and says the forecast is low-confidence', () => {
    const assessment = assessChange({ snapshot: sprint, history: [], issueKey: 'ONB-4', change: { kind: 'tweak', note: '' }, now: SECOND_MONDAY });
    expect(assessment.basis).toBe('sprint-pace');
    // 10 pts done in 5 elapsed days: 2 pts a day on average, so about 10 pts in the 5 days left.
    expect(assessment.before.p50Points).toBeCloseTo(10, 0);
    expect(messageOf(assessment, 'low-confidence-forecast')).toBe(
      "No closed sprints to learn from: forecast from this sprint's pace so far (10 pts in 5 working days), low confidence",
    );
  });

  it('assumes the commitment is achievable when there is neither history nor progress', () => {
    const fresh = snapshotOf([goalIssue('ONB-3', 3), issue('ONB-4', 2)]);
    const assessment = assessChange({ snapshot: fresh, history: [], issueKey: 'ONB-4', change: { kind: 'tweak', note: '' }, now: START });
    expect(assessment.basis).toBe('none');
    expect(codes(assessment)).toContain('low-confidence-forecast');
  });

  it('judges capacity only when the sprint has no goal text, so removing a flagged item is no goal threat', () => {
    const assessment = assess(snapshotOf(sprint.issues, { goal: '  ' }), 'ONB-3', { kind: 'remove' });
    expect(codes(assessment)).toEqual(expect.arrayContaining(['no-goal', 'capacity-only']));
    expect(codes(assessment)).not.toContain('goal-item-removed');
    expect(assessment.level).toBe('safe');
    expect(messageOf(assessment, 'capacity-only')).toBe('Work left: 2 pts; expected capacity left: 10 pts (P50)');
  });

  it('judges capacity only when no issue is goal-critical, against all the work left', () => {
    const noGoalWork = snapshotOf([issue('ONB-1', 5), issue('ONB-2', 5), issue('ONB-3', 3)]);
    const assessment = assess(noGoalWork, 'ONB-3', { kind: 'tweak', note: '' });
    expect(codes(assessment)).toEqual(expect.arrayContaining(['no-goal-critical-items', 'capacity-only']));
    // 13 pts left against exactly 10 pts of capacity: the sprint cannot be finished.
    expect(assessment.after.pGoal).toBe(0);
    expect(assessment.level).toBe('threat');
    expect(assessment.suggestions).toEqual([
      { kind: 'defer-to-make-room', issueKeys: ['ONB-2'], points: 5, pGoalAfter: 1, message: 'Defer ONB-2 (5 pts) to keep P(all work done) ≥ 80%' },
    ]);
  });

  it('counts issues on a board without estimates, with history in issues', () => {
    // 1 issue a day, 5 days left: 5 issues fit. The goal issue is 5th, and 6th after the re-rank.
    const issues = ['ONB-51', 'ONB-52', 'ONB-53', 'ONB-54', 'ONB-55', 'ONB-56'].map((key) => (key === 'ONB-55' ? goalIssue(key, null) : issue(key, null)));
    const snapshot = snapshotOf(issues, {}, 'issue-count');
    const history = closedSprints([10, 10, 10, 10, 10, 10]);
    const before = assessChange({ snapshot, history, issueKey: 'ONB-56', change: { kind: 'tweak', note: '' }, now: SECOND_MONDAY });
    expect(before.level).toBe('safe');
    expect(messageOf(before, 'no-estimates')).toBe('No story points on these issues: counting each issue as 1');
    const reranked = assessChange({ snapshot, history, issueKey: 'ONB-56', change: { kind: 'rerank', target: { position: 'top' } }, now: SECOND_MONDAY });
    expect(reranked.level).toBe('threat');
    expect(messageOf(reranked, 'goal-work-exceeds-capacity')).toBe(
      'Goal-critical work left: 1 issue, done only after 6 issues of work in rank order; expected capacity left: 5 issues (P50)',
    );
  });

  it('counts issues on a points board whose issues carry no points, and ignores its points history', () => {
    const unestimated = snapshotOf([goalIssue('ONB-1', null, 'done'), goalIssue('ONB-2', null), issue('ONB-3', null)]);
    const assessment = assess(unestimated, 'ONB-3', { kind: 'tweak', note: '' });
    expect(assessment.basis).not.toBe('history');
    expect(assessment.before.totalPointsLeft).toBe(2);
    expect(codes(assessment)).toContain('no-estimates');
  });

  it('counts unestimated items on a points board as 0 pts and says how many there are', () => {
    const partly = snapshotOf([goalIssue('ONB-2', 3), issue('ONB-3', null), issue('ONB-4', null), issue('ONB-5', 2, 'done')]);
    const assessment = assess(partly, 'ONB-3', { kind: 'tweak', note: '' });
    expect(assessment.before.totalPointsLeft).toBe(3);
    expect(messageOf(assessment, 'no-estimates')).toBe('2 unestimated items count as 0 pts: work left may be understated');
  });

  it('says so when the sprint has no dates, and forecasts no capacity', () => {
    const undated = snapshotOf(sprint.issues, { startDate: null, endDate: null });
    const assessment = assess(undated, 'ONB-4', { kind: 'tweak', note: '' });
    expect(assessment.workingDaysLeft).toBe(0);
    expect(codes(assessment)).toContain('no-active-sprint');
    expect(assessment.before.p50Points).toBe(0);
  });

  it('says the unit its work figures are in: points, or issues where the board or its issues carry no estimates', () => {
    const tweak: Change = { kind: 'tweak', note: '' };
    expect(assess(sprint, 'ONB-4', tweak).unit).toBe('points');
    expect(assess(snapshotOf([goalIssue('ONB-1', 3), issue('ONB-2', null)]), 'ONB-2', tweak).unit).toBe('points');
    expect(assess(snapshotOf([goalIssue('ONB-1', null), issue('ONB-2', null)]), 'ONB-2', tweak).unit).toBe('issues');
    expect(assess(snapshotOf([goalIssue('ONB-1', 3), issue('ONB-2', 2)], {}, 'issue-count'), 'ONB-2', tweak).unit).toBe('issues');
  });
});

// ——— Properties ———

const STATUSES: readonly StatusCategory[] = ['todo', 'in-progress', 'done'];
const POINTS = [0, 1, 2, 3, 5, 8, 13];
const TRIALS = 300;

const issueSpec = fc.record({
  points: fc.option(fc.constantFrom(...POINTS), { nil: null, freq: 10 }),
  status: fc.constantFrom(...STATUSES),
  goalCritical: fc.boolean(),
});

const sprintIssues = fc
  .array(issueSpec, { minLength: 1, maxLength: 20 })
  .map((specs) => specs.map((spec, index) => issue(`ONB-${index + 1}`, spec.points, spec.status, spec.goalCritical)))
  .filter((issues) => issues.some((candidate) => candidate.goalCritical));

const closedSprint = fc
  .record({ completed: fc.integer({ min: 0, max: 60 }), days: fc.integer({ min: 5, max: 10 }) })
  .map(
    ({ completed, days }): SprintHistory => ({
      sprintId: completed * 100 + days,
      name: 'Closed sprint',
      committedPoints: 40,
      completedPoints: completed,
      workingDays: days,
    }),
  );
const history = fc.array(closedSprint, { maxLength: 6 });

const moment = fc.integer({ min: Date.parse(START), max: Date.parse(END) - 1 }).map((ms) => new Date(ms).toISOString());

/** A realistic sprint with a goal, its team's history, and a moment inside it. */
const situation = fc.record({ issues: sprintIssues, history, now: moment, seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });
type Situation = typeof situation extends fc.Arbitrary<infer T> ? T : never;

function assessIn(base: Situation, issueKey: string, change: Change, incoming?: SprintIssue): Assessment {
  return assessChange({ snapshot: snapshotOf(base.issues), history: base.history, issueKey, change, incoming, now: base.now, seed: base.seed, trials: TRIALS });
}

const incomingIssue = issueSpec.map((spec) => issue('ONB-500', spec.points, spec.status, spec.goalCritical));

/** An index into the issues matching `predicate`, or fc.pre-skips the run when there are none. */
function pickWhere(issues: readonly SprintIssue[], choice: number, predicate: (candidate: SprintIssue, index: number) => boolean): number {
  const indexes = issues.map((_, index) => index).filter((index) => predicate(issues[index]!, index));
  fc.pre(indexes.length > 0);
  return indexes[choice % indexes.length]!;
}

describe('assessChange properties', () => {
  it('never raises P(goal) by adding an issue', () => {
    fc.assert(
      fc.property(situation, incomingIssue, (base, incoming) => {
        const { before, after } = assessIn(base, incoming.key, { kind: 'add' }, incoming);
        expect(after.pGoal).toBeLessThanOrEqual(before.pGoal);
      }),
    );
  });

  it('never lowers P(goal) by removing or deferring a non-goal item', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.constantFrom<'remove' | 'defer'>('remove', 'defer'), (base, choice, kind) => {
        const index = pickWhere(base.issues, choice, (candidate) => !candidate.goalCritical);
        const { before, after } = assessIn(base, base.issues[index]!.key, { kind });
        expect(after.pGoal).toBeGreaterThanOrEqual(before.pGoal);
      }),
    );
  });

  it('always calls removing or deferring a goal-critical item a threat', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.constantFrom<'remove' | 'defer'>('remove', 'defer'), (base, choice, kind) => {
        const index = pickWhere(base.issues, choice, (candidate) => candidate.goalCritical);
        const assessment = assessIn(base, base.issues[index]!.key, { kind });
        expect(assessment.level).toBe('threat');
        expect(codes(assessment)).toContain('goal-item-removed');
      }),
    );
  });

  it('never lowers P(goal) by moving a goal-critical item up', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.nat(), (base, choice, anchorChoice) => {
        const moving = pickWhere(base.issues, choice, (candidate, index) => candidate.goalCritical && index > 0);
        const anchor = anchorChoice % moving;
        const target = anchor === 0 ? ({ position: 'top' } as const) : ({ position: 'before', issueKey: base.issues[anchor]!.key } as const);
        const { before, after } = assessIn(base, base.issues[moving]!.key, { kind: 'rerank', target });
        expect(after.pGoal).toBeGreaterThanOrEqual(before.pGoal);
      }),
    );
  });

  it('never raises P(goal) by moving a goal-critical item down', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.nat(), (base, choice, anchorChoice) => {
        const last = base.issues.length - 1;
        const moving = pickWhere(base.issues, choice, (candidate, index) => candidate.goalCritical && index < last);
        const anchor = moving + 1 + (anchorChoice % (last - moving));
        const target = anchor === last ? ({ position: 'bottom' } as const) : ({ position: 'after', issueKey: base.issues[anchor]!.key } as const);
        const { before, after } = assessIn(base, base.issues[moving]!.key, { kind: 'rerank', target });
        expect(after.pGoal).toBeLessThanOrEqual(before.pGoal);
      }),
    );
  });

  it('gives the same result for the same seed and input, and leaves the input untouched', () => {
    fc.assert(
      fc.property(situation, incomingIssue, (base, incoming) => {
        const input: AssessmentInput = {
          snapshot: snapshotOf(base.issues),
          history: base.history,
          issueKey: incoming.key,
          change: { kind: 'add' },
          incoming,
          now: base.now,
          seed: base.seed,
          trials: TRIALS,
        };
        const copy = structuredClone(input);
        expect(assessChange(input)).toEqual(assessChange(copy));
        expect(input).toEqual(copy);
      }),
    );
  });

  it('does not depend on the order of the history', () => {
    fc.assert(
      fc.property(situation, fc.nat(), (base, choice) => {
        const key = base.issues[choice % base.issues.length]!.key;
        const reordered = { ...base, history: [...base.history].reverse() };
        expect(assessIn(reordered, key, { kind: 'estimate', points: 8 })).toEqual(assessIn(base, key, { kind: 'estimate', points: 8 }));
      }),
    );
  });

  it('depends on nothing but the rank of open work: not on ids, summaries, labels, or where done items sit', () => {
    const rankFreeChange = fc.constantFrom<Change>(
      { kind: 'remove' },
      { kind: 'defer' },
      { kind: 'estimate', points: 5 },
      { kind: 'tweak', note: 'note' },
      { kind: 'priority', priorityName: 'High' },
    );
    fc.assert(
      fc.property(situation, fc.nat(), rankFreeChange, (base, choice, change) => {
        const key = base.issues[choice % base.issues.length]!.key;
        const done = base.issues.filter((candidate) => candidate.statusCategory === 'done');
        const open = base.issues.filter((candidate) => candidate.statusCategory !== 'done');
        const relabelled = [...done, ...open].map((candidate, index) => ({
          ...candidate,
          id: `id-${index}`,
          summary: 'Renamed',
          labels: ['other'],
          priorityName: 'Low',
        }));
        expect(assessIn({ ...base, issues: relabelled }, key, change)).toEqual(assessIn(base, key, change));
      }),
    );
  });

  it('suggests deferrals that, once applied with the addition, bring P(goal) to what they promise', () => {
    const withHistory = fc.record({ issues: sprintIssues, history: fc.array(closedSprint, { minLength: 1, maxLength: 6 }), now: moment, seed: fc.nat() });
    // Estimated, so the sprint is measured in points with or without the deferred issues.
    const goalWork = fc.constantFrom(1, 2, 3, 5, 8).map((points) => goalIssue('ONB-500', points));
    fc.assert(
      fc.property(withHistory, goalWork, (base, incoming) => {
        const assessment = assessIn(base, incoming.key, { kind: 'add' }, incoming);
        const deferral = assessment.suggestions.find((suggestion) => suggestion.kind === 'defer-to-make-room');
        // Points and history on both sides, so the same trials measure both sprints (the thin-data
        // fallbacks would be measured on each sprint itself).
        fc.pre(deferral !== undefined && base.issues.some((candidate) => candidate.points !== null));
        if (deferral?.kind !== 'defer-to-make-room') return;
        const remaining = [...base.issues, incoming].filter((candidate) => !deferral.issueKeys.includes(candidate.key));
        const applied = assessIn({ ...base, issues: remaining }, incoming.key, { kind: 'tweak', note: '' });
        expect(applied.after.pGoal).toBe(deferral.pGoalAfter);
        expect(applied.after.pGoal).toBeGreaterThanOrEqual(0.8);
      }),
    );
  });

  it('draws a capacity line that splits the open work in rank order, with no more than P50 above it', () => {
    fc.assert(
      fc.property(situation, incomingIssue, (base, incoming) => {
        const { after } = assessIn(base, incoming.key, { kind: 'add' }, incoming);
        const openKeys = [...base.issues, incoming].filter((candidate) => candidate.statusCategory !== 'done').map((candidate) => candidate.key);
        expect([...after.capacityLine.aboveKeys, ...after.capacityLine.belowKeys]).toEqual(openKeys);
        expect(after.capacityLine.index).toBe(after.capacityLine.aboveKeys.length);
      }),
    );
  });

  it('calls a change safe only when P(goal) after is at least 80% and fell by less than 5 points', () => {
    fc.assert(
      fc.property(situation, incomingIssue, (base, incoming) => {
        const assessment = assessIn(base, incoming.key, { kind: 'add' }, incoming);
        if (assessment.level === 'safe') {
          expect(assessment.after.pGoal).toBeGreaterThanOrEqual(0.8);
          expect(assessment.before.pGoal - assessment.after.pGoal).toBeLessThan(0.05);
        }
        if (assessment.after.pGoal < 0.5) expect(assessment.level).toBe('threat');
      }),
    );
  });
});
