/**
 * A way out when a change threatens the goal (issue 13): the smallest sets of non-goal work to
 * defer, or to rank below the goal, and the splits that actually help — each with the P(goal) it
 * brings. Each is scored by running the very scenario the combined assessment runs: the
 * counter-change applied to the sprint after the change (applyCounterChange, as
 * applyChangeAndCounter does), put to the assessment's own trials with its WIP and error grain
 * (scenarioOf). So picking one and assessing the pair as a combined change
 * (AssessmentInput.counterChange) gives exactly that figure, however the team's WIP shares the
 * effort; no way out is scored by subtracting work.
 */
import type { Suggestion } from './assessment';
import type { CounterChange } from './change';
import { EPSILON, lastTargetIndex, scenarioOf, type Situation } from './goal-risk-scenario';
import { formatPercent, formatWork, joinAsEnglish, probabilityLabel } from './goal-risk-wording';
import { applyCounterChange, roundWork, splitPartKey, type WorkItem } from './hypothetical-sprint';

/** Alternatives offered beyond the first set of deferrals. */
const ALTERNATIVE_SETS = 1;

export function suggest(situation: Situation): Suggestion[] {
  if (situation.removedGoalKeys.length > 0 || situation.time.pastEnd) return [];
  const sets = deferralSets(situation);
  const suggestions: Suggestion[] = sets.map((set) => roomSuggestion(situation, 'defer-to-make-room', set));
  const first = sets[0];
  if (first) {
    // Ranked below the goal, the items still take part of the team's effort while the goal is
    // open: offered with its own P(goal), which can be below the deferral's.
    const ranked: RoomSet = { items: first.items, pGoal: pGoalWith(situation, rankBelowGoal(first.items)) };
    if (ranked.pGoal > situation.after.figures.pGoal + EPSILON) suggestions.push(roomSuggestion(situation, 'rank-below-goal', ranked));
  }
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

/** P(goal) of the combined change: the scenario the assessment with this counter-change runs. */
function pGoalWith(situation: Situation, counter: CounterChange): number {
  return pGoalOf(situation, applyCounterChange(situation.afterItems, counter).items);
}

function pGoalOf(situation: Situation, items: readonly WorkItem[]): number {
  return scenarioOf(items, situation).figures.pGoal;
}

const keysOf = (items: readonly WorkItem[]): string[] => items.map((item) => item.key);
const deferral = (items: readonly WorkItem[]): CounterChange => ({ kind: 'defer', issueKeys: keysOf(items) });
const rankBelowGoal = (items: readonly WorkItem[]): CounterChange => ({ kind: 'rank-below-goal', issueKeys: keysOf(items) });

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

/**
 * The shortest run of `candidates`, taken from the first, whose deferral brings P(goal) to
 * `wanted` (or all of them, if none does). Deferring more non-goal work never lowers P(goal)
 * (effortUntilTarget, by construction), so P rises along the run and bisection finds the run the
 * one-by-one greedy would, in a handful of scenarios rather than one per candidate.
 */
function greedySet(situation: Situation, candidates: readonly WorkItem[], wanted: number): RoomSet | null {
  const reached = (pGoal: number): boolean => pGoal + EPSILON >= wanted;
  if (candidates.length === 0 || reached(situation.after.figures.pGoal)) return null;
  const pGoalDeferring = (count: number): number => pGoalWith(situation, deferral(candidates.slice(0, count)));
  let shortest = candidates.length;
  let pGoal = pGoalDeferring(shortest);
  let longestShort = 0;
  if (reached(pGoal)) {
    while (shortest - longestShort > 1) {
      const middle = (longestShort + shortest) >>> 1;
      const pMiddle = pGoalDeferring(middle);
      if (reached(pMiddle)) {
        shortest = middle;
        pGoal = pMiddle;
      } else {
        longestShort = middle;
      }
    }
  }
  return { items: candidates.slice(0, shortest), pGoal };
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
 * where it should be, scored on the sprint with the split made (the half below the goal still
 * takes its part of the team's effort while the goal is open).
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
      const pGoal = pGoalOf(situation, splitInHalves(situation.afterItems, item));
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

/** The sprint with `item` split in two halves: the goal-critical one in its place, the other ranked below the goal. */
function splitInHalves(items: readonly WorkItem[], item: WorkItem): readonly WorkItem[] {
  const half = (key: string, goalCritical: boolean): WorkItem => ({
    ...item,
    key,
    size: item.size / 2,
    work: item.work / 2,
    goalCritical,
  });
  const rest = half(splitPartKey(item.key, 0), false);
  const split = items.flatMap((other) => (other === item ? [half(item.key, true), rest] : [other]));
  return applyCounterChange(split, rankBelowGoal([rest])).items;
}
