/**
 * Sprint-goal threat assessment: what a proposed change does to the chance of meeting the goal.
 *
 * The change is applied to the sprint hypothetically (hypothetical-sprint.ts), then the sprint
 * before and after is put to the same Monte Carlo trials (forecast.ts). Work is taken in rank
 * order, so the goal is met in a trial when the trial's capacity covers every not-done item down
 * to the lowest-ranked goal-critical one (goal-risk-scenario.ts). In-progress items count in
 * full: Jira does not say how far along they are, and counting them whole keeps the answer
 * monotone in rank and scope. The level is judged here; the reasons behind it and the suggestions
 * that would make it safe have modules of their own.
 */
import { DEFAULT_THRESHOLDS, DEFAULT_WORKING_DAYS, type Assessment, type AssessmentInput, type RiskLevel } from './assessment';
import { chooseThroughput, DEFAULT_TRIALS, simulateCapacity } from './forecast';
import { reasonsFor } from './goal-risk-reasons';
import { capacityOf, goalItemsFallenBelowLine, isBelow, pGoalDrop, reaches, scenarioOf, targetOf, type Situation } from './goal-risk-scenario';
import { suggest } from './goal-risk-suggestions';
import { applyChange, historyMatchesUnit, measure, progressOf, workUnitOf, type WorkItem } from './hypothetical-sprint';
import { seededRandom } from './random';
import type { SprintIssue } from './sprint';
import { sprintWorkingDays } from './working-days';

export const DEFAULT_SEED = 0x5eed;

export function assessChange(input: AssessmentInput): Assessment {
  const { snapshot } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const trials = Math.max(1, Math.floor(input.trials ?? DEFAULT_TRIALS));
  const seed = input.seed ?? DEFAULT_SEED;
  const days = sprintWorkingDays(snapshot.sprint.startDate, snapshot.sprint.endDate, input.now, input.workingDays ?? DEFAULT_WORKING_DAYS);

  const unit = workUnitOf(snapshot);
  const measureIssue = (issue: SprintIssue): WorkItem => measure(issue, unit);
  const beforeItems = snapshot.issues.map(measureIssue);
  const hypothetical = applyChange(beforeItems, input, measureIssue);
  const afterItems = hypothetical.items;
  const target = targetOf(snapshot, beforeItems, afterItems);

  const progress = progressOf(beforeItems, days);
  const throughput = chooseThroughput(historyMatchesUnit(snapshot, unit) ? input.history : [], progress);
  const capacity = capacityOf(simulateCapacity(throughput, days.left, trials, seededRandom(seed)));

  const removedGoalKeys = target === 'goal' ? hypothetical.removedGoalKeys : [];
  const before = scenarioOf(beforeItems, capacity, target, false);
  const after = scenarioOf(afterItems, capacity, target, removedGoalKeys.length > 0);
  const situation: Situation = {
    input,
    unit,
    target,
    thresholds,
    days,
    progress,
    throughput,
    capacity,
    before,
    after,
    removedGoalKeys,
    arrivingKeys: hypothetical.arrivingKeys,
    fallenBelowLine: target === 'goal' ? goalItemsFallenBelowLine(before, after) : [],
  };
  const level = judgeLevel(situation);
  return {
    level,
    reasons: reasonsFor(situation),
    before: before.figures,
    after: after.figures,
    suggestions: level === 'safe' ? [] : suggest(situation),
    unit,
    workingDaysLeft: days.left,
    trials,
    seed,
    basis: throughput.basis,
    assessedAt: input.now,
  };
}

function judgeLevel(situation: Situation): RiskLevel {
  const { thresholds } = situation;
  const pGoal = situation.after.figures.pGoal;
  const drop = pGoalDrop(situation);
  const threatened =
    isBelow(pGoal, thresholds.threatBelow) ||
    reaches(drop, thresholds.threatDrop) ||
    situation.removedGoalKeys.length > 0 ||
    situation.fallenBelowLine.length > 0;
  if (threatened) return 'threat';
  if (isBelow(pGoal, thresholds.cautionBelow) || reaches(drop, thresholds.cautionDrop)) return 'caution';
  return 'safe';
}
