/**
 * Sprint-goal threat assessment: what a proposed change does to the chance of meeting the goal.
 *
 * The change (with any counter-change picked alongside it) is applied to the sprint
 * hypothetically (hypothetical-sprint.ts), then the sprint before and after is put to the same
 * Monte Carlo trials (forecast.ts): paired trials, so the difference is the change's own effect.
 * Work is taken in rank order, so the goal is met in a trial when the trial's capacity covers the
 * work left down to the lowest-ranked goal-critical item (goal-risk-scenario.ts).
 *
 * The level describes the change, not the sprint (issue 13): a change is a threat when it lowers
 * P(goal) materially or pushes it below the Product Owner's threshold, or when it takes
 * goal-critical work out (that changes the goal: the PO's to renegotiate). A change that does not
 * lower P(goal) is never a threat, however low the sprint's own chance; that chance is shown
 * beside it. The reasons and the suggestions that make room have modules of their own.
 */
import { DEFAULT_THRESHOLDS, DEFAULT_WORKING_DAYS, type Assessment, type AssessmentInput, type RiskLevel } from './assessment';
import { chooseThroughput, DEFAULT_TRIALS, effectiveDaysLeft, normalSource, simulateCapacity } from './forecast';
import { reasonsFor } from './goal-risk-reasons';
import { drawsOf, effectOf, goalItemsFallenBelowLine, isBelow, reaches, scenarioOf, targetOf, type Situation } from './goal-risk-scenario';
import { suggest } from './goal-risk-suggestions';
import { applyChangeAndCounter, historyMatchesUnit, measure, progressOf, roundWork, sizingOf, workUnitOf, type WorkItem } from './hypothetical-sprint';
import { seededRandom } from './random';
import type { SprintIssue } from './sprint';
import { sprintWorkingTime } from './working-days';

export const DEFAULT_SEED = 0x5eed;

/** A change moves P(goal) only when its whole 95% range is beyond this (one percentage point). */
export const NOTICEABLE_CHANGE = 0.01;

export function assessChange(input: AssessmentInput): Assessment {
  const { snapshot } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const trials = Math.max(1, Math.floor(input.trials ?? DEFAULT_TRIALS));
  const seed = input.seed ?? DEFAULT_SEED;
  const time = sprintWorkingTime(snapshot.sprint.startDate, snapshot.sprint.endDate, input.now, input.workingDays ?? DEFAULT_WORKING_DAYS);

  const unit = workUnitOf(snapshot);
  const sizing = sizingOf(snapshot.issues);
  const measureIssue = (issue: SprintIssue): WorkItem => measure(issue, unit, sizing);
  const beforeItems = snapshot.issues.map(measureIssue);
  const hypothetical = applyChangeAndCounter(beforeItems, input, measureIssue);
  const afterItems = hypothetical.items;
  const target = targetOf(snapshot, beforeItems, afterItems);

  const progress = progressOf(beforeItems, time.elapsed, time.total);
  const throughput = chooseThroughput(historyMatchesUnit(snapshot, unit) ? input.history : [], progress);
  const random = seededRandom(seed);
  const daysLeft = effectiveDaysLeft(time.left, input.capacity);
  const draws = drawsOf(simulateCapacity(throughput, daysLeft, progress, trials, random), normalSource(random));

  const noTimeLeft = !(daysLeft > 0);
  const removedGoalKeys = target === 'goal' ? hypothetical.removedGoalKeys : [];
  const before = scenarioOf(beforeItems, draws, target, noTimeLeft);
  const after = scenarioOf(afterItems, draws, target, noTimeLeft);
  const situation: Situation = {
    input,
    unit,
    target,
    thresholds,
    time,
    progress,
    throughput,
    sizing,
    draws,
    before,
    after,
    effect: effectOf(before, after, trials, NOTICEABLE_CHANGE),
    removedGoalKeys,
    arrivingKeys: hypothetical.arrivingKeys,
    // Past the end date there is no capacity line to fall below: every open item is "below" it.
    fallenBelowLine: target === 'goal' && !time.pastEnd ? goalItemsFallenBelowLine(before, after) : [],
  };
  const level = judgeLevel(situation);
  return {
    level,
    reasons: reasonsFor(situation, level),
    before: before.figures,
    after: after.figures,
    suggestions: level === 'safe' ? [] : suggest(situation),
    unit,
    workingDaysLeft: roundWork(daysLeft),
    trials,
    seed,
    basis: throughput.basis,
    assessedAt: input.now,
    effect: situation.effect,
    goalChanged: removedGoalKeys.length > 0,
    pastEnd: time.pastEnd,
  };
}

function judgeLevel(situation: Situation): RiskLevel {
  const { thresholds, effect } = situation;
  if (situation.removedGoalKeys.length > 0) return 'threat';
  // Past its end date the sprint has no time to forecast: the team should close or extend it.
  if (situation.time.pastEnd) return 'caution';
  if (effect.direction !== 'lowers') return 'safe';
  const before = situation.before.figures.pGoal;
  const after = situation.after.figures.pGoal;
  const drop = before - after;
  const pushedBelow = (threshold: number) => isBelow(after, threshold) && !isBelow(before, threshold);
  if (reaches(drop, thresholds.threatDrop) || pushedBelow(thresholds.threatBelow)) return 'threat';
  // A sprint already below the PO's threshold that the change makes less likely still is one
  // "below the PO's threshold" after it (issue 13, item 2: a threat when it "lowers P(goal)
  // materially or pushes it below the PO's threshold"): the effect is material, its whole 95%
  // range is a noticeable drop, and the sprint it leaves is short of the PO's line. The issue's
  // target — threat catching ≥ 80% of misses — points here too: a sprint already losing is
  // where misses are. The previous rule asked for a 5-point drop here too and let a team pile
  // work on a losing sprint unseen in 2-to-4-point steps.
  if (isBelow(after, thresholds.threatBelow)) return 'threat';
  if (reaches(drop, thresholds.cautionDrop) || pushedBelow(thresholds.cautionBelow)) return 'caution';
  return 'safe';
}
