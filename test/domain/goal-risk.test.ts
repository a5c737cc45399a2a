import fc from 'fast-check';
import { counterChangeOf, type Assessment, type AssessmentInput, type ReasonCode } from '../../src/domain/assessment';
import type { Change } from '../../src/domain/change';
import { assessChange } from '../../src/domain/goal-risk';
import type { SprintHistory, SprintIssue, SprintSnapshot, StatusCategory } from '../../src/domain/sprint';
import { sprintIssue } from '../support/sprint-issues';

// ONB Sprint 7 runs two weeks: Monday 6 May 2024, 09:00 UTC, to Friday 17 May 2024, 17:00 UTC.
const START = '2024-05-06T09:00:00.000Z';
const END = '2024-05-17T17:00:00.000Z';
/** Second Monday, 09:00: 5 working days elapsed, 5 left. */
const SECOND_MONDAY = '2024-05-13T09:00:00.000Z';
const GOAL = 'New customers can sign up and reach their first dashboard';
const TRIALS = 4_000;

const issue = sprintIssue;
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

/** Closed sprints of 10 working days with their days as Jira's history shows them. */
function closedSprints(days: readonly (readonly number[])[]): SprintHistory[] {
  return days.map((daily, index) => ({
    sprintId: index + 1,
    name: `ONB Sprint ${index + 1}`,
    committedPoints: 20,
    completedPoints: daily.reduce((a, b) => a + b, 0),
    workingDays: daily.length,
    dailyCompletedPoints: daily,
  }));
}

/** About 2 points a working day, completed in lumps as real sprints do. */
const TEAM = closedSprints([
  [0, 3, 2, 0, 5, 1, 0, 3, 2, 4],
  [2, 0, 0, 3, 2, 5, 0, 2, 3, 1],
  [0, 2, 3, 0, 1, 2, 5, 0, 3, 2],
  [1, 0, 2, 5, 0, 3, 0, 2, 2, 3],
  [3, 0, 1, 2, 0, 2, 3, 0, 5, 2],
  [0, 2, 2, 3, 1, 0, 4, 2, 0, 4],
]);

function assess(snapshot: SprintSnapshot, issueKey: string, change: Change, extra: Partial<AssessmentInput> = {}): Assessment {
  return assessChange({ snapshot, history: TEAM, issueKey, change, now: SECOND_MONDAY, trials: TRIALS, ...extra });
}

const codes = (assessment: Assessment): ReasonCode[] => assessment.reasons.map((reason) => reason.code);
const messageOf = (assessment: Assessment, code: ReasonCode): string | undefined =>
  assessment.reasons.find((reason) => reason.code === code)?.message;
const tweak: Change = { kind: 'tweak', note: 'Clarify the copy' };

// 10 points done in the first week: on the team's pace.
const DONE_FIRST_WEEK = [issue('ONB-90', 5, 'done'), issue('ONB-91', 5, 'done')];

describe('assessChange: the level describes the change, not the sprint', () => {
  // Open work in rank order: ONB-2 3, ONB-3 2, ONB-4 3 (goal done after 8), ONB-5 2, ONB-6 3.
  const onTrack = snapshotOf([
    ...DONE_FIRST_WEEK,
    goalIssue('ONB-1', 3, 'done'),
    goalIssue('ONB-2', 3),
    issue('ONB-3', 2),
    goalIssue('ONB-4', 3),
    issue('ONB-5', 2),
    issue('ONB-6', 3),
  ]);
  // The goal needs 16 pts in 5 days at about 2 a day: the sprint itself is in trouble.
  const atRisk = snapshotOf([...DONE_FIRST_WEEK, goalIssue('ONB-2', 5), issue('ONB-3', 3), goalIssue('ONB-4', 8), issue('ONB-5', 2)]);

  it('calls a tweak safe with the same figures before and after and no effect', () => {
    const assessment = assess(onTrack, 'ONB-3', tweak);
    expect(assessment.level).toBe('safe');
    expect(assessment.after).toEqual(assessment.before);
    expect(assessment.effect).toEqual({ delta: 0, low: 0, high: 0, direction: 'none' });
    expect(assessment.suggestions).toEqual([]);
    expect(assessment.before.pGoal).toBeGreaterThan(0.5);
  });

  it('never calls a change with no effect a threat, even in a sprint whose own chance is low (old behaviour was wrong)', () => {
    // ONB-5 is ranked after the last goal item already; moving it to the bottom changes nothing for the goal.
    const assessment = assess(atRisk, 'ONB-5', { kind: 'rerank', target: { position: 'bottom' } });
    expect(assessment.before.pGoal).toBeLessThan(0.5);
    expect(assessment.effect?.direction).toBe('none');
    expect(assessment.level).toBe('safe');
    expect(messageOf(assessment, 'no-effect')).toMatch(/^This re-rank does not move P\(goal\) \(/);
  });

  it('says a removal that raises P(goal) raises it, and is no threat (old behaviour was wrong)', () => {
    const assessment = assess(atRisk, 'ONB-3', { kind: 'remove' });
    expect(assessment.effect?.direction).toBe('raises');
    expect(assessment.after.pGoal).toBeGreaterThan(assessment.before.pGoal);
    expect(assessment.level).toBe('safe');
    expect(codes(assessment)).toContain('p-goal-rise');
  });

  it('calls a change that makes a sprint already below the threshold less likely still a threat, however small the material drop', () => {
    // ONB-2 re-estimated 5 → 6: a drop of about 2.5 points, its whole range below no change.
    const assessment = assess(atRisk, 'ONB-2', { kind: 'estimate', points: 6 });
    expect(assessment.before.pGoal).toBeLessThan(0.5);
    expect(assessment.effect?.direction).toBe('lowers');
    expect(assessment.before.pGoal - assessment.after.pGoal).toBeLessThan(0.05);
    expect(assessment.level).toBe('threat');
  });

  it('calls a 20-point drop that leaves the goal above the PO’s threshold caution by default, and a threat for a PO who set a 20-point material drop', () => {
    // ONB-2 re-estimated 3 → 5: the goal needs 10 points of about 10 left, still likelier met than not.
    const change: Change = { kind: 'estimate', points: 5 };
    const byDefault = assess(onTrack, 'ONB-2', change);
    expect(byDefault.before.pGoal - byDefault.after.pGoal).toBeGreaterThanOrEqual(0.2);
    expect(byDefault.after.pGoal).toBeGreaterThanOrEqual(0.5);
    expect(byDefault.level).toBe('caution');
    expect(codes(byDefault)).toContain('p-goal-drop');
    expect(codes(byDefault)).not.toContain('p-goal-low');

    const strict = assess(onTrack, 'ONB-2', change, {
      thresholds: { threatBelow: 0.5, threatDrop: 0.2, cautionBelow: 0.8, cautionDrop: 0.05 },
    });
    expect(strict.after).toEqual(byDefault.after);
    expect(strict.level).toBe('threat');
  });

  it('calls a change that alone costs 30 points or more a threat by default, even when the goal stays likelier met than not', () => {
    // ONB-2 re-estimated 3 → 5.75: 2.75 more points of goal work, with the goal's last item after it.
    const assessment = assess(onTrack, 'ONB-2', { kind: 'estimate', points: 5.75 });
    expect(assessment.before.pGoal - assessment.after.pGoal).toBeGreaterThanOrEqual(0.3);
    expect(assessment.after.pGoal).toBeGreaterThanOrEqual(0.5);
    expect(assessment.level).toBe('threat');
    expect(codes(assessment)).toContain('p-goal-drop');
    expect(codes(assessment)).not.toContain('p-goal-low');
  });

  it('calls a re-rank that pushes goal work far down a threat, names the item, and offers a deferral that brings P back', () => {
    const assessment = assess(onTrack, 'ONB-6', { kind: 'rerank', target: { position: 'top' } });
    expect(assessment.level).toBe('threat');
    expect(assessment.effect?.direction).toBe('lowers');
    expect(assessment.effect!.high).toBeLessThan(0);
    expect(codes(assessment)).toContain('p-goal-drop');
    const deferral = assessment.suggestions.find((suggestion) => suggestion.kind === 'defer-to-make-room');
    expect(deferral).toMatchObject({ issueKeys: ['ONB-3'] });
    expect(deferral?.kind === 'defer-to-make-room' && deferral.pGoalAfter).toBeGreaterThan(assessment.after.pGoal);
  });

  it('assesses the change with a picked suggestion as one combined change, at exactly the P(goal) the suggestion promised', () => {
    const assessment = assess(onTrack, 'ONB-6', { kind: 'rerank', target: { position: 'top' } });
    for (const suggestion of assessment.suggestions) {
      const counterChange = counterChangeOf(suggestion);
      if (!counterChange || suggestion.kind === 'split') continue;
      const combined = assess(onTrack, 'ONB-6', { kind: 'rerank', target: { position: 'top' } }, { counterChange });
      expect(combined.after.pGoal).toBe(suggestion.pGoalAfter);
      expect(combined.level).not.toBe('threat');
    }
    expect(assessment.suggestions.map((suggestion) => suggestion.kind)).toEqual(
      expect.arrayContaining(['defer-to-make-room', 'rank-below-goal']),
    );
  });

  it('places a goal-critical addition right after the last goal item, never behind stretch work', () => {
    const assessment = assess(onTrack, 'ONB-41', { kind: 'add' }, { incoming: goalIssue('ONB-41', 1) });
    const order = [...assessment.after.capacityLine.aboveKeys, ...assessment.after.capacityLine.belowKeys];
    expect(order).toEqual(['ONB-2', 'ONB-3', 'ONB-4', 'ONB-41', 'ONB-5', 'ONB-6']);
  });

  it('places a goal-critical addition before all open work when the goal’s other items are done (old behaviour: at the bottom)', () => {
    const goalDone = snapshotOf([goalIssue('ONB-1', 5, 'done'), issue('ONB-2', 3, 'in-progress'), issue('ONB-3', 5), issue('ONB-4', 5)]);
    const assessment = assess(goalDone, 'ONB-41', { kind: 'add' }, { incoming: goalIssue('ONB-41', 1) });
    const order = [...assessment.after.capacityLine.aboveKeys, ...assessment.after.capacityLine.belowKeys];
    expect(order).toEqual(['ONB-41', 'ONB-2', 'ONB-3', 'ONB-4']);
    // One point of goal work first, with the team's 2 pts a day over 5 days: nearly certain, not behind 13 pts of stretch work.
    expect(assessment.after.pGoal).toBeGreaterThan(0.9);
  });

  it('does not read a 0-point goal-critical addition as a collapse of P(goal) (old behaviour: 99.9% → 0%)', () => {
    const assessment = assess(onTrack, 'ONB-42', { kind: 'add' }, { incoming: goalIssue('ONB-42', 0) });
    expect(assessment.after.pGoal).toBe(assessment.before.pGoal);
    expect(assessment.level).toBe('safe');
  });

  it('reads removing goal-critical work as a change of goal for the Product Owner, and still gives P for the rest', () => {
    const assessment = assess(atRisk, 'ONB-4', { kind: 'remove' });
    expect(assessment.level).toBe('threat');
    expect(assessment.goalChanged).toBe(true);
    expect(messageOf(assessment, 'goal-item-removed')).toMatch(
      /^Takes goal-critical ONB-4 out: this changes the goal — renegotiate it with the Product Owner \(P\(goal\) for the rest: /,
    );
    // The rest of the goal (ONB-2, 5 pts) is far more likely than the whole was.
    expect(assessment.after.pGoal).toBeGreaterThan(assessment.before.pGoal);
    expect(assessment.suggestions).toEqual([]);
  });
});

describe('assessChange: honest about uncertainty', () => {
  const sprint = snapshotOf([...DONE_FIRST_WEEK, goalIssue('ONB-2', 5), issue('ONB-3', 2), goalIssue('ONB-4', 3)]);

  it('never answers 0% or 100% from one closed sprint, or from six identical ones', () => {
    const one = closedSprints([[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]]);
    const six = closedSprints(Array.from({ length: 6 }, () => [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]));
    for (const history of [one, six]) {
      const { before } = assess(sprint, 'ONB-3', tweak, { history });
      expect(before.pGoal).toBeGreaterThan(0);
      expect(before.pGoal).toBeLessThan(1);
      expect(before.certain).toBe(false);
    }
    expect(codes(assess(sprint, 'ONB-3', tweak, { history: one }))).toContain('low-confidence-forecast');
  });

  it('is certain by arithmetic only when the goal work is done', () => {
    const done = snapshotOf([goalIssue('ONB-1', 5, 'done'), issue('ONB-2', 8)]);
    expect(assess(done, 'ONB-2', tweak).before).toMatchObject({ pGoal: 1, certain: true });
  });

  it('forecasts a sprint running slow below the same sprint on pace', () => {
    const slow = snapshotOf([issue('ONB-90', 2, 'done'), goalIssue('ONB-2', 5), issue('ONB-3', 2), goalIssue('ONB-4', 3)]);
    expect(assess(slow, 'ONB-3', tweak).before.pGoal).toBeLessThan(assess(sprint, 'ONB-3', tweak).before.pGoal);
  });

  it('counts an in-progress item by its sub-tasks, else as 40% done with a reason', () => {
    const inProgress = (subtaskProgress?: SprintIssue['subtaskProgress']) =>
      snapshotOf([...DONE_FIRST_WEEK, { ...goalIssue('ONB-2', 8, 'in-progress'), ...(subtaskProgress ? { subtaskProgress } : {}) }]);
    const assumed = assess(inProgress(), 'ONB-2', tweak);
    expect(assumed.before.goalCriticalPointsLeft).toBe(4.8);
    expect(messageOf(assumed, 'in-progress-assumed')).toBe('ONB-2 is in progress without sub-tasks to tell how far: taken as 40% done');
    // 3 of 4 sub-tasks done and the fourth under way, half done on average: 1 of 8 points left.
    const fromSubtasks = assess(inProgress({ done: 3, total: 4 }), 'ONB-2', tweak);
    expect(fromSubtasks.before.goalCriticalPointsLeft).toBe(1);
    expect(codes(fromSubtasks)).not.toContain('in-progress-assumed');
  });

  it('reads an in-progress item without sub-tasks by its working days in progress at the team’s pace per item', () => {
    const since = (inProgressSince: string) =>
      assess(snapshotOf([...DONE_FIRST_WEEK, { ...goalIssue('ONB-2', 8, 'in-progress'), inProgressSince }]), 'ONB-2', tweak);
    // The team completes about 1.8 pts a working day with one item under way: started this morning,
    // nearly all of the 8 points are left; started on the first Monday, it is taken as far along.
    const fresh = since(SECOND_MONDAY);
    const old = since(START);
    expect(fresh.before.goalCriticalPointsLeft).toBe(8);
    expect(old.before.goalCriticalPointsLeft).toBeLessThan(4.8);
    expect(old.before.goalCriticalPointsLeft).toBeGreaterThan(0);
    expect(old.before.pGoal).toBeGreaterThan(fresh.before.pGoal);
    expect(codes(old)).not.toContain('in-progress-assumed');
    expect(messageOf(old, 'in-progress-by-age')).toBe(
      "ONB-2: in progress without sub-tasks, judged by working days in progress at the team's usual 1.8 pts a day per item under way",
    );
    // Without closed sprints there is no usual pace to read the age against: the stated default.
    const noHistory = assess(
      snapshotOf([...DONE_FIRST_WEEK, { ...goalIssue('ONB-2', 8, 'in-progress'), inProgressSince: START }]),
      'ONB-2',
      tweak,
      {
        history: [],
      },
    );
    expect(noHistory.before.goalCriticalPointsLeft).toBe(4.8);
    expect(codes(noHistory)).toContain('in-progress-assumed');
  });

  it('keeps the work already done on an in-progress item when it is re-estimated: the new estimate is the whole item', () => {
    const reestimate = (item: SprintIssue, points: number) =>
      assess(snapshotOf([...DONE_FIRST_WEEK, item]), 'ONB-2', { kind: 'estimate', points }).after.goalCriticalPointsLeft;
    // Taken as 40% done, an 8-point item has 3.2 points done: re-estimated at 16, 12.8 are left (not 60% of 16, 9.6).
    expect(reestimate(goalIssue('ONB-2', 8, 'in-progress'), 16)).toBe(12.8);
    // By its sub-tasks: 2 of 4 done and the third half done, 5 of 8 points; at 12 points, 7 are left.
    expect(reestimate({ ...goalIssue('ONB-2', 8, 'in-progress'), subtaskProgress: { done: 2, total: 4 } }, 12)).toBe(7);
    // Re-estimated below the work already done, it keeps the share an item under way always has left (10%).
    expect(reestimate({ ...goalIssue('ONB-2', 8, 'in-progress'), subtaskProgress: { done: 2, total: 4 } }, 4)).toBe(0.4);
    // An item not started is simply its new size.
    expect(reestimate(goalIssue('ONB-2', 8), 13)).toBe(13);
  });

  it('takes declared days off and availability off the capacity left', () => {
    const usual = assess(sprint, 'ONB-3', tweak);
    const away = assess(sprint, 'ONB-3', tweak, { capacity: { availability: 0.8, daysOff: 1 } });
    expect(away.workingDaysLeft).toBe(3.2);
    expect(away.before.pGoal).toBeLessThan(usual.before.pGoal);
  });

  it('reads the seed’s sprint the same on a weekend as on a weekday (old behaviour flipped safe to threat)', () => {
    // The seed's sprint always started a week ago at 09:00 and runs two weeks, whatever the weekday;
    // with the same work done, every weekday morning and every hour of the weekend read alike.
    const seedLike = (now: string) => {
      const start = new Date(Date.parse(now) - 7 * 86_400_000);
      start.setUTCHours(9, 0, 0, 0);
      const end = new Date(start.getTime() + 14 * 86_400_000);
      return assess(snapshotOf(sprint.issues, { startDate: start.toISOString(), endDate: end.toISOString() }), 'ONB-3', tweak, { now });
    };
    const monday = seedLike('2024-05-13T08:00:00.000Z');
    const readings = ['2024-05-08T08:30:00.000Z', '2024-05-10T07:00:00.000Z', '2024-05-11T12:00:00.000Z', '2024-05-12T20:00:00.000Z'].map(
      seedLike,
    );
    for (const reading of readings) {
      expect({ daysLeft: reading.workingDaysLeft, pGoal: reading.before.pGoal, level: reading.level }).toEqual({
        daysLeft: 5,
        pGoal: monday.before.pGoal,
        level: monday.level,
      });
    }
  });
});

describe('assessChange: data hygiene, each with its reason', () => {
  const sprint = snapshotOf([...DONE_FIRST_WEEK, goalIssue('ONB-2', 5), issue('ONB-3', 2), goalIssue('ONB-4', 3)]);

  it('sets aside a 0-point sprint and one closed a day after it started, and names them', () => {
    const traps: SprintHistory[] = [
      { sprintId: 20, name: 'ONB Sprint 20', committedPoints: 20, completedPoints: 0, workingDays: 10 },
      { sprintId: 21, name: 'ONB Sprint 21', committedPoints: 13, completedPoints: 13, workingDays: 1, dailyCompletedPoints: [13] },
    ];
    const withTraps = assess(sprint, 'ONB-3', tweak, { history: [...TEAM, ...traps] });
    expect(withTraps.before).toEqual(assess(sprint, 'ONB-3', tweak).before);
    expect(messageOf(withTraps, 'history-set-aside')).toBe(
      'Not learned from: ONB Sprint 20 — no completed work (is the board’s Done column mapped?)',
    );
    expect(withTraps.reasons.filter((reason) => reason.code === 'history-set-aside').map((reason) => reason.figures.sprintNames)).toEqual([
      'ONB Sprint 20',
      'ONB Sprint 21',
    ]);
  });

  it('counts unestimated items at the sprint’s median size and shows the range (old behaviour counted 0)', () => {
    const partly = snapshotOf([...DONE_FIRST_WEEK, goalIssue('ONB-2', 3), issue('ONB-3', null), goalIssue('ONB-4', 8)]);
    const assessment = assess(partly, 'ONB-3', tweak);
    expect(assessment.before.totalPointsLeft).toBe(16);
    expect(messageOf(assessment, 'unestimated-at-median')).toBe(
      'ONB-3 has no usable estimate: counted at the sprint’s median size, 5 pts (range 5–8 pts)',
    );
  });

  it('ignores a negative estimate with a reason instead of counting it as 0', () => {
    const negative = snapshotOf([...DONE_FIRST_WEEK, goalIssue('ONB-2', -3), goalIssue('ONB-4', 3)]);
    const assessment = assess(negative, 'ONB-4', tweak);
    expect(messageOf(assessment, 'estimate-ignored')).toBe('Impossible estimates ignored: ONB-2 (-3)');
    expect(assessment.before.goalCriticalPointsLeft).toBeGreaterThan(3);
  });

  it('gives a dedicated answer past the end date instead of calling every change a threat (old behaviour was wrong)', () => {
    const assessment = assess(sprint, 'ONB-40', { kind: 'add' }, { now: '2024-05-20T10:00:00.000Z', incoming: goalIssue('ONB-40', 3) });
    expect(assessment.pastEnd).toBe(true);
    expect(assessment.level).toBe('caution');
    expect(messageOf(assessment, 'sprint-past-end')).toBe(
      '"ONB Sprint 7" passed its end date (2024-05-17): no time left to forecast — close or extend it in Jira',
    );
    expect(assessment.suggestions).toEqual([]);
  });

  it('judges capacity only when the sprint has no goal text, so removing a flagged item is no goal threat', () => {
    const assessment = assess(snapshotOf(sprint.issues, { goal: '  ' }), 'ONB-4', { kind: 'remove' });
    expect(codes(assessment)).toEqual(expect.arrayContaining(['no-goal', 'capacity-only']));
    expect(codes(assessment)).not.toContain('goal-item-removed');
    expect(assessment.level).toBe('safe');
  });

  it('counts issues on a board without estimates, and says so', () => {
    const issues = ['ONB-51', 'ONB-52', 'ONB-53'].map((key) => (key === 'ONB-53' ? goalIssue(key, null) : issue(key, null)));
    const assessment = assess(snapshotOf(issues, {}, 'issue-count'), 'ONB-51', tweak, { history: [] });
    expect(assessment.unit).toBe('issues');
    expect(messageOf(assessment, 'no-estimates')).toBe('No story points on these issues: counting each issue as 1');
    expect(assessment.basis).toBe('none');
  });
});

// ——— Properties ———

const STATUSES: readonly StatusCategory[] = ['todo', 'in-progress', 'done'];
const POINTS = [0, 1, 2, 3, 5, 8, 13];
const PROPERTY_TRIALS = 300;

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
  .record({ days: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 5, maxLength: 10 }), daily: fc.boolean() })
  .filter(({ days }) => days.some((d) => d > 0))
  .map(({ days, daily }): SprintHistory => ({
    sprintId: days.reduce((a, b) => a * 9 + b, 0),
    name: 'Closed sprint',
    committedPoints: 40,
    completedPoints: days.reduce((a, b) => a + b, 0),
    workingDays: days.length,
    ...(daily ? { dailyCompletedPoints: days } : {}),
  }));
const history = fc.array(closedSprint, { maxLength: 6 });

const moment = fc.integer({ min: Date.parse(START), max: Date.parse(END) - 1 }).map((ms) => new Date(ms).toISOString());

/** A realistic sprint with a goal, its team's history, and a moment inside it. */
const situation = fc.record({ issues: sprintIssues, history, now: moment, seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });
type Situation = typeof situation extends fc.Arbitrary<infer T> ? T : never;

function assessIn(
  base: Situation,
  issueKey: string,
  change: Change,
  incoming?: SprintIssue,
  extra: Partial<AssessmentInput> = {},
): Assessment {
  return assessChange({
    snapshot: snapshotOf(base.issues),
    history: base.history,
    issueKey,
    change,
    incoming,
    now: base.now,
    seed: base.seed,
    trials: PROPERTY_TRIALS,
    ...extra,
  });
}

const incomingIssue = issueSpec.map((spec) => issue('ONB-500', spec.points, 'todo', spec.goalCritical));

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

  it('always calls taking an open goal-critical item out a threat that changes the goal', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.constantFrom<'remove' | 'defer'>('remove', 'defer'), (base, choice, kind) => {
        const index = pickWhere(base.issues, choice, (candidate) => candidate.goalCritical);
        const assessment = assessIn(base, base.issues[index]!.key, { kind });
        expect(assessment.level).toBe('threat');
        expect(assessment.goalChanged).toBe(true);
        expect(codes(assessment)).toContain('goal-item-removed');
      }),
    );
  });

  it('never lowers P(goal) by moving a goal-critical item up, nor raises it by moving one down', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.boolean(), (base, choice, up) => {
        const moving = pickWhere(base.issues, choice, (candidate) => candidate.goalCritical);
        const { before, after } = assessIn(base, base.issues[moving]!.key, { kind: 'rerank', target: { position: up ? 'top' : 'bottom' } });
        if (up) expect(after.pGoal).toBeGreaterThanOrEqual(before.pGoal);
        else expect(after.pGoal).toBeLessThanOrEqual(before.pGoal);
      }),
    );
  });

  it('never lowers P(goal) by ranking non-goal items below the goal, nor by moving a goal-critical item up past any item', () => {
    fc.assert(
      fc.property(situation, fc.nat(), fc.nat(), (base, choice, anchorChoice) => {
        const moving = pickWhere(base.issues, choice, (candidate) => candidate.goalCritical);
        const anchor = pickWhere(base.issues, anchorChoice, (_, index) => index < moving);
        const key = base.issues[moving]!.key;
        const up = assessIn(base, key, { kind: 'rerank', target: { position: 'before', issueKey: base.issues[anchor]!.key } });
        expect(up.after.pGoal).toBeGreaterThanOrEqual(up.before.pGoal);
        const nonGoalKeys = base.issues.filter((candidate) => !candidate.goalCritical).map((candidate) => candidate.key);
        fc.pre(nonGoalKeys.length > 0);
        const ranked = assessIn(base, key, tweak, undefined, { counterChange: { kind: 'rank-below-goal', issueKeys: nonGoalKeys } });
        expect(ranked.after.pGoal).toBeGreaterThanOrEqual(ranked.before.pGoal);
      }),
    );
  });

  it('never calls a change that does not lower P(goal) a threat, unless it changes the goal', () => {
    const anyChange = fc.constantFrom<Change>(
      { kind: 'estimate', points: 1 },
      { kind: 'rerank', target: { position: 'top' } },
      { kind: 'remove' },
      { kind: 'tweak', note: '' },
    );
    fc.assert(
      fc.property(situation, fc.nat(), anyChange, (base, choice, change) => {
        const assessment = assessIn(base, base.issues[choice % base.issues.length]!.key, change);
        if (assessment.after.pGoal >= assessment.before.pGoal && !assessment.goalChanged && !assessment.pastEnd)
          expect(assessment.level).not.toBe('threat');
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
          trials: PROPERTY_TRIALS,
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

  it('keeps every suggestion’s promise: the change with the suggested counter-change assesses at the P(goal) suggested', () => {
    const withHistory = fc.record({
      issues: sprintIssues,
      history: fc.array(closedSprint, { minLength: 1, maxLength: 6 }),
      now: moment,
      seed: fc.nat(),
    });
    const goalWork = fc.constantFrom(1, 2, 3, 5, 8).map((points) => goalIssue('ONB-500', points));
    fc.assert(
      fc.property(withHistory, goalWork, (base, incoming) => {
        const assessment = assessIn(base, incoming.key, { kind: 'add' }, incoming);
        const picked = assessment.suggestions.filter((suggestion) => counterChangeOf(suggestion) !== null);
        fc.pre(picked.length > 0);
        // Every way out, deferral and ranking below the goal alike: with WIP, ranked-below work still takes effort.
        for (const suggestion of picked) {
          if (suggestion.kind === 'split') continue;
          const combined = assessIn(base, incoming.key, { kind: 'add' }, incoming, { counterChange: counterChangeOf(suggestion)! });
          expect(combined.after.pGoal).toBe(suggestion.pGoalAfter);
          expect(suggestion.pGoalAfter).toBeGreaterThan(assessment.after.pGoal);
        }
      }),
    );
  });

  it('draws a capacity line that splits the open work in rank order', () => {
    fc.assert(
      fc.property(situation, (base) => {
        const { before } = assessIn(base, base.issues[0]!.key, tweak);
        const openKeys = base.issues.filter((candidate) => candidate.statusCategory !== 'done').map((candidate) => candidate.key);
        expect([...before.capacityLine.aboveKeys, ...before.capacityLine.belowKeys]).toEqual(openKeys);
        expect(before.capacityLine.index).toBe(before.capacityLine.aboveKeys.length);
      }),
    );
  });
});
