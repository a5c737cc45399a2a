/**
 * A way out when a change threatens the goal (issue 13): the smallest sets of non-goal work to
 * defer, or to rank below the goal, and the splits that actually help — each with the P(goal) it
 * brings, measured on the assessment's own trials, so picking one and assessing the pair as a
 * combined change (AssessmentInput.counterChange) gives exactly that figure.
 */
import type { Suggestion } from './assessment';
import { EPSILON, lastTargetIndex, metByBatch, probabilityOf, type Situation } from './goal-risk-scenario';
import { formatPercent, formatWork, joinAsEnglish, probabilityLabel } from './goal-risk-wording';
import { roundWork, type WorkItem } from './hypothetical-sprint';

/** Alternatives offered beyond the first set of deferrals. */
const ALTERNATIVE_SETS = 1;

export function suggest(situation: Situation): Suggestion[] {
  if (situation.removedGoalKeys.length > 0 || situation.time.pastEnd) return [];
  const sets = deferralSets(situation);
  const suggestions: Suggestion[] = sets.map((set) => roomSuggestion(situation, 'defer-to-make-room', set));
  const first = sets[0];
  if (first) suggestions.push(roomSuggestion(situation, 'rank-below-goal', first));
  return [...suggestions, ...helpfulSplits(situation)];
}

interface RoomSet {
  readonly items: readonly WorkItem[];
  readonly pGoal: number;
}

/**
 * The P(goal) at which the change would no longer be a concern: back within `cautionDrop` of
 * where it was, and not below the caution threshold it was above.
 */
function wantedPGoal(situation: Situation): number {
  const { thresholds } = situation;
  const before = situation.before.figures.pGoal;
  const withinDrop = before - thresholds.cautionDrop + 1 / situation.draws.forecast.trials;
  return Math.min(before, before >= thresholds.cautionBelow ? Math.max(thresholds.cautionBelow, withinDrop) : withinDrop);
}

function pGoalWithout(situation: Situation, work: number, variance: number): number {
  return probabilityOf(metByBatch(situation.draws, work, variance), situation.draws.forecast.trials);
}

/**
 * Greedy over the non-goal to-do items ranked above the last goal item (work below it is done
 * after the goal anyway), biggest first — the fewest items that free enough room — until P(goal)
 * is back where it should be. An alternative leaves out the first set's biggest item.
 */
function deferralSets(situation: Situation): RoomSet[] {
  const { after, target, input, arrivingKeys } = situation;
  const lastTarget = lastTargetIndex(after.open, target);
  const candidates = after.open
    .slice(0, Math.max(0, lastTarget))
    .filter(
      (item) =>
        item.status === 'todo' && !item.goalCritical && item.work > 0 && item.key !== input.issueKey && !arrivingKeys.includes(item.key),
    )
    .sort((a, b) => b.work - a.work);
  const wanted = wantedPGoal(situation);
  const sets: RoomSet[] = [];
  let excluded: WorkItem | null = null;
  for (let attempt = 0; attempt <= ALTERNATIVE_SETS; attempt++) {
    const set = greedySet(
      situation,
      candidates.filter((item) => item !== excluded),
      wanted,
    );
    if (!set) break;
    const helps = set.pGoal > situation.after.figures.pGoal + EPSILON;
    const alreadyOffered = sets.some((other) => sameItems(other.items, set.items));
    if (!helps || alreadyOffered || (attempt > 0 && set.pGoal + EPSILON < wanted)) break;
    sets.push(set);
    excluded = set.items[0] ?? null;
  }
  return sets;
}

function greedySet(situation: Situation, candidates: readonly WorkItem[], wanted: number): RoomSet | null {
  let work = situation.after.requiredWork;
  let variance = situation.after.requiredVariance;
  const chosen: WorkItem[] = [];
  let pGoal = situation.after.figures.pGoal;
  for (const item of candidates) {
    if (pGoal + EPSILON >= wanted) break;
    chosen.push(item);
    work -= item.work;
    variance -= item.variance;
    pGoal = pGoalWithout(situation, Math.max(0, work), Math.max(0, variance));
  }
  return chosen.length > 0 ? { items: chosen, pGoal } : null;
}

function sameItems(a: readonly WorkItem[], b: readonly WorkItem[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function roomSuggestion(situation: Situation, kind: 'defer-to-make-room' | 'rank-below-goal', set: RoomSet): Suggestion {
  const { unit, after, target } = situation;
  // Listed in rank order, as the team reads its board.
  const ranked = after.open.filter((item) => set.items.includes(item));
  const listed = joinAsEnglish(ranked.map((item) => `${item.key} (${formatWork(item.work, unit)})`));
  const points = roundWork(ranked.reduce((sum, item) => sum + item.work, 0));
  const label = probabilityLabel(target);
  const brings = `${label} ${formatPercent(after.figures.pGoal)} → ${formatPercent(set.pGoal)}`;
  const message = kind === 'defer-to-make-room' ? `Defer ${listed}: ${brings}` : `Rank ${listed} below the goal's last item: ${brings}`;
  return { kind, issueKeys: ranked.map((item) => item.key), points, pGoalAfter: set.pGoal, message };
}

/**
 * A goal-critical item too big for the capacity left helps only if part of it can wait: keep
 * the goal-critical half, rank the rest below the goal. Offered only when that brings P(goal)
 * where it should be.
 */
function helpfulSplits(situation: Situation): Suggestion[] {
  const { after, target, unit, draws } = situation;
  if (unit === 'issues' || target !== 'goal') return [];
  const wanted = wantedPGoal(situation);
  const lastTarget = lastTargetIndex(after.open, target);
  return after.open
    .slice(0, lastTarget + 1)
    .filter((item) => item.goalCritical && item.work > draws.p50 / 2)
    .flatMap((item): Suggestion[] => {
      const half = item.work / 2;
      const pGoal = pGoalWithout(situation, after.requiredWork - half, after.requiredVariance - item.variance * 0.75);
      if (pGoal + EPSILON < wanted) return [];
      return [
        {
          kind: 'split',
          issueKey: item.key,
          points: roundWork(item.work),
          pGoalAfter: pGoal,
          message: `Split ${item.key} (${formatWork(item.work, unit)}) and rank the half the goal can do without below it: ${probabilityLabel(target)} ${formatPercent(after.figures.pGoal)} → ${formatPercent(pGoal)}`,
        },
      ];
    });
}
