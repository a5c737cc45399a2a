/**
 * Why an assessment reached its level: what the change does to the goal, and caveats about the
 * data the forecast stands on. Each reason carries the figures behind it, so the UI can phrase
 * it in the user's language.
 */
import type { AssessmentReason, WorkUnit } from './assessment';
import type { SprintProgress } from './forecast';
import { hasGoalText, isBelow, pGoalDrop, reaches, type Scenario, type Situation } from './goal-risk-scenario';
import { CHANGE_NAMES, formatNumber, formatPercent, formatWork, percentOf, probabilityLabel } from './goal-risk-wording';
import { roundWork } from './hypothetical-sprint';

export function reasonsFor(situation: Situation): AssessmentReason[] {
  return [...changeReasons(situation), ...dataReasons(situation)];
}

/** What the change does to the target; only those that apply. */
function changeReasons(situation: Situation): AssessmentReason[] {
  const { before, after, thresholds, unit, capacity } = situation;
  const label = probabilityLabel(situation.target);
  const reasons: AssessmentReason[] = [];
  for (const issueKey of situation.removedGoalKeys) {
    reasons.push({
      code: 'goal-item-removed',
      message: `Removes a goal-critical item (${issueKey}): the goal cannot be met as written`,
      figures: { issueKey },
    });
  }
  for (const item of situation.fallenBelowLine) {
    reasons.push({
      code: 'goal-item-below-line',
      message: `${CHANGE_NAMES[situation.input.change.kind]} moves ${item.key} (goal-critical, ${formatWork(item.work, unit)}) below the capacity line`,
      figures: { issueKey: item.key, work: roundWork(item.work), capacityP50: after.figures.p50Points },
    });
  }
  if (isBelow(after.figures.pGoal, thresholds.cautionBelow)) {
    const [threshold, kind] = isBelow(after.figures.pGoal, thresholds.threatBelow) ? [thresholds.threatBelow, 'threat'] : [thresholds.cautionBelow, 'caution'];
    reasons.push({
      code: 'p-goal-low',
      message: `${label} after this change is ${formatPercent(after.figures.pGoal)}, below the ${formatPercent(threshold)} ${kind} threshold`,
      figures: { pGoal: after.figures.pGoal, threshold },
    });
  }
  const drop = pGoalDrop(situation);
  if (reaches(drop, thresholds.cautionDrop)) {
    const points = percentOf(before.figures.pGoal) - percentOf(after.figures.pGoal);
    reasons.push({
      code: 'p-goal-drop',
      message: `${label} drops from ${formatPercent(before.figures.pGoal)} to ${formatPercent(after.figures.pGoal)} (−${points} points)`,
      figures: { pGoalBefore: before.figures.pGoal, pGoalAfter: after.figures.pGoal, drop },
    });
  }
  if (situation.target === 'goal' && after.requiredWork > capacity.p50) {
    reasons.push(goalWorkExceedsCapacity(after, unit));
  }
  const { totalPointsLeft: leftBefore } = before.figures;
  const { totalPointsLeft: leftAfter } = after.figures;
  const added = leftAfter - leftBefore;
  if (added > 0) {
    reasons.push({
      code: 'scope-added',
      message: `Adds ${formatWork(added, unit)} of work (${formatNumber(leftBefore)} → ${formatWork(leftAfter, unit)} left)`,
      figures: { added: roundWork(added), workLeftBefore: leftBefore, workLeftAfter: leftAfter },
    });
  }
  return reasons;
}

function goalWorkExceedsCapacity(after: Scenario, unit: WorkUnit): AssessmentReason {
  const { goalCriticalPointsLeft, p50Points } = after.figures;
  const requiredWork = roundWork(after.requiredWork);
  const ranked = requiredWork > goalCriticalPointsLeft ? `, done only after ${formatWork(requiredWork, unit)} of work in rank order` : '';
  return {
    code: 'goal-work-exceeds-capacity',
    message: `Goal-critical work left: ${formatWork(goalCriticalPointsLeft, unit)}${ranked}; expected capacity left: ${formatWork(p50Points, unit)} (P50)`,
    figures: { goalCriticalWorkLeft: goalCriticalPointsLeft, requiredWork, capacityP50: p50Points },
  };
}

/** Caveats about the data the assessment stands on; they hold whatever the level. */
function dataReasons(situation: Situation): AssessmentReason[] {
  const { snapshot } = situation.input;
  const { unit, after, days, throughput } = situation;
  const reasons: AssessmentReason[] = [];
  if (snapshot.sprint.state !== 'active' || snapshot.sprint.startDate === null || snapshot.sprint.endDate === null) {
    reasons.push({
      code: 'no-active-sprint',
      message: `Sprint "${snapshot.sprint.name}" is not active or has no dates: ${days.left} working days to forecast`,
      figures: { sprintId: snapshot.sprint.id, workingDaysLeft: days.left },
    });
  }
  if (situation.target === 'all-work') {
    reasons.push(
      hasGoalText(snapshot)
        ? { code: 'no-goal-critical-items', message: 'No issue in the sprint is marked goal-critical: judging capacity only', figures: {} }
        : { code: 'no-goal', message: 'The sprint has no goal text: judging capacity only', figures: {} },
      {
        code: 'capacity-only',
        message: `Work left: ${formatWork(after.figures.totalPointsLeft, unit)}; expected capacity left: ${formatWork(after.figures.p50Points, unit)} (P50)`,
        figures: { workLeft: after.figures.totalPointsLeft, capacityP50: after.figures.p50Points },
      },
    );
  }
  const unestimated = after.open.filter((item) => item.unestimated).length;
  if (unit === 'issues') {
    reasons.push({ code: 'no-estimates', message: 'No story points on these issues: counting each issue as 1', figures: {} });
  } else if (unestimated > 0) {
    reasons.push({
      code: 'no-estimates',
      message: `${unestimated} unestimated ${unestimated === 1 ? 'item counts' : 'items count'} as 0 pts: work left may be understated`,
      figures: { unestimated },
    });
  }
  if (throughput.basis !== 'history') reasons.push(lowConfidence(throughput.basis, situation.progress, unit));
  return reasons;
}

function lowConfidence(basis: 'sprint-pace' | 'none', progress: SprintProgress, unit: WorkUnit): AssessmentReason {
  const { doneWork, elapsedDays, committedWork, totalDays } = progress;
  const message =
    basis === 'sprint-pace'
      ? `No closed sprints to learn from: forecast from this sprint's pace so far (${formatWork(doneWork, unit)} in ${elapsedDays} working days)`
      : `No closed sprints and no pace yet: forecast assumes the sprint's commitment (${formatWork(committedWork, unit)} over ${totalDays} working days)`;
  return { code: 'low-confidence-forecast', message: `${message}, low confidence`, figures: { doneWork, elapsedDays, committedWork, totalDays } };
}
