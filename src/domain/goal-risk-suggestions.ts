/**
 * What would keep the goal safe when a change threatens it: defer non-goal work that makes room,
 * or split an item too big for the capacity left.
 */
import type { Suggestion } from './assessment';
import { EPSILON, isTargetItem, lastTargetIndex, type Situation } from './goal-risk-scenario';
import { formatPercent, formatWork, joinAsEnglish, probabilityLabel } from './goal-risk-wording';
import { roundWork, sumWork, type WorkItem } from './hypothetical-sprint';

export function suggest(situation: Situation): Suggestion[] {
  const deferral = suggestDeferrals(situation);
  return [...(deferral ? [deferral] : []), ...suggestSplits(situation)];
}

/**
 * The least P(goal) at which the level would be safe again: at least `cautionBelow`, and within
 * `cautionDrop` of where it was before the change.
 */
function safePGoal(situation: Situation): number {
  const { thresholds, before, capacity } = situation;
  const trials = capacity.forecast.trials;
  const withinDrop = (Math.floor((before.figures.pGoal - thresholds.cautionDrop + EPSILON) * trials) + 1) / trials;
  return Math.min(1, Math.max(thresholds.cautionBelow, withinDrop));
}

/**
 * Defer non-goal to-do items, lowest ranked first, until P(goal) is safe. Only items ranked above
 * the last target item make room: work below it is done after the goal anyway. The proposal's
 * own issue and not-yet-created split parts are never offered.
 */
function suggestDeferrals(situation: Situation): Suggestion | null {
  const { after, target, unit, capacity, input, arrivingKeys } = situation;
  if (situation.removedGoalKeys.length > 0) return null;
  const safeProbability = safePGoal(situation);
  const affordable = capacity.forecast.capacityAt(safeProbability);
  const deferrable = (item: WorkItem): boolean =>
    item.status === 'todo' && !item.goalCritical && item.work > 0 && item.key !== input.issueKey && !arrivingKeys.includes(item.key);
  const lastTarget = lastTargetIndex(after.open, target);
  const deferred: WorkItem[] = [];
  let required = after.requiredWork;
  for (let index = lastTarget; index >= 0 && required > affordable; index--) {
    const item = after.open[index]!;
    if (!deferrable(item)) continue;
    deferred.push(item);
    required -= item.work;
  }
  // Summed afresh in rank order, as the sprint without them would be, so fractional points
  // cannot make the promise differ from the sprint it describes.
  const deferredSet = new Set(deferred);
  required = sumWork(after.open.slice(0, lastTarget + 1).filter((item) => !deferredSet.has(item)));
  if (deferred.length === 0 || required > affordable) return null;
  // Found lowest rank first; listed in rank order, as the team reads its board.
  deferred.reverse();
  const listed = joinAsEnglish(deferred.map((item) => `${item.key} (${formatWork(item.work, unit)})`));
  return {
    kind: 'defer-to-make-room',
    issueKeys: deferred.map((item) => item.key),
    points: roundWork(sumWork(deferred)),
    pGoalAfter: capacity.forecast.probabilityOfCompleting(required),
    message: `Defer ${listed} to keep ${probabilityLabel(target)} ≥ ${formatPercent(safeProbability)}`,
  };
}

/** An open target item bigger than the whole expected capacity cannot fit by re-ranking or deferring. */
function suggestSplits(situation: Situation): Suggestion[] {
  const { after, target, unit, capacity } = situation;
  if (unit === 'issues') return [];
  return after.open
    .filter((item) => isTargetItem(item, target) && item.work > capacity.p50)
    .map((item): Suggestion => ({
      kind: 'split',
      issueKey: item.key,
      points: roundWork(item.work),
      message: `Split ${item.key} (${formatWork(item.work, unit)}): alone it is more than the expected capacity left (${formatWork(capacity.p50, unit)}, P50)`,
    }));
}
