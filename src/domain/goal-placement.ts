/**
 * Where goal-critical work joins a sprint (issue 13: "placed just after the last goal-critical
 * item, never behind stretch work"). Jira puts an issue moved into a sprint at the bottom of its
 * rank order, behind the stretch work; goal work goes right after the last open goal item
 * instead, and when the goal's other items are all done, before all open work: the goal comes
 * first. The assessment places a goal-critical addition so (hypothetical-sprint.ts), and the
 * apply step ranks it so in Jira (apply-plan.ts), so what is applied is what was assessed.
 */

/** Whether an item counts for placing goal work: is it goal-critical, is it still open. */
export interface PlacementFacts {
  readonly goalCritical: boolean;
  readonly open: boolean;
}

/** Rank the goal work after or before `index` of the other items; null when no item is open. */
export interface GoalPlacement {
  readonly position: 'after' | 'before';
  readonly index: number;
}

export function goalPlacement(others: readonly PlacementFacts[]): GoalPlacement | null {
  const lastGoal = others.findLastIndex((item) => item.goalCritical && item.open);
  if (lastGoal >= 0) return { position: 'after', index: lastGoal };
  const firstOpen = others.findIndex((item) => item.open);
  return firstOpen >= 0 ? { position: 'before', index: firstOpen } : null;
}

/** The index at which goal work is inserted among `others` (their length when nothing is open). */
export function goalInsertionIndex(others: readonly PlacementFacts[]): number {
  const placement = goalPlacement(others);
  if (!placement) return others.length;
  return placement.position === 'after' ? placement.index + 1 : placement.index;
}
