/**
 * Where goal-critical work joins a sprint (issue 13: "placed just after the last goal-critical
 * item, never behind stretch work"). Jira puts an issue moved into a sprint at the bottom of its
 * rank order, behind the stretch work; goal work goes right after the last open goal item
 * instead, and when the goal's other items are all done, before all open work: the goal comes
 * first. The assessment places a goal-critical addition so (hypothetical-sprint.ts), and the
 * apply step ranks it so in Jira (apply-plan.ts), so what is applied is what was assessed.
 */

/** Whether an item is goal-critical; whether it is still open, each caller's items say in their own way. */
export interface GoalFlagged {
  readonly goalCritical: boolean;
}

/** Rank the goal work after or before `index` of the other items; null when no item is open. */
export interface GoalPlacement {
  readonly position: 'after' | 'before';
  readonly index: number;
}

/** Index of the lowest-ranked goal-critical item still open, or -1: work ranked after it is done after the goal. */
export function lastOpenGoalIndex<T extends GoalFlagged>(items: readonly T[], isOpen: (item: T) => boolean): number {
  return items.findLastIndex((item) => item.goalCritical && isOpen(item));
}

export function goalPlacement<T extends GoalFlagged>(others: readonly T[], isOpen: (item: T) => boolean): GoalPlacement | null {
  const lastGoal = lastOpenGoalIndex(others, isOpen);
  if (lastGoal >= 0) return { position: 'after', index: lastGoal };
  const firstOpen = others.findIndex(isOpen);
  return firstOpen >= 0 ? { position: 'before', index: firstOpen } : null;
}

/** The index at which goal work is inserted among `others` (their length when nothing is open). */
export function goalInsertionIndex<T extends GoalFlagged>(others: readonly T[], isOpen: (item: T) => boolean): number {
  const placement = goalPlacement(others, isOpen);
  if (!placement) return others.length;
  return placement.position === 'after' ? placement.index + 1 : placement.index;
}
