/**
 * Honest churn: how much the sprint's scope moved since it was committed, and through which door.
 * gross churn = (added + removed + deferred + |re-estimates|) / committed; net = the signed sum.
 * Where bypassed changes are not tracked, the figures say so instead of pretending zero.
 */
import type { ReasonCategory } from './change';
import type { ScopeChange } from './scope-change';

export interface Tally {
  readonly points: number;
  readonly count: number;
}

export interface Baseline {
  readonly points: number;
  readonly count: number;
}

export interface ChurnFigures {
  /** Scope committed at sprint start; null when no baseline was captured. */
  readonly committed: Baseline | null;
  readonly added: Tally;
  readonly removed: Tally;
  readonly deferred: Tally;
  readonly reestimatedUp: Tally;
  readonly reestimatedDown: Tally;
  /** Ratio 0..n; null without a baseline (or a zero one) to divide by. */
  readonly grossChurn: number | null;
  /** Signed points: added − removed − deferred + up − down. */
  readonly netChange: number;
  readonly byReason: Readonly<Partial<Record<ReasonCategory | 'bypassed', Tally>>>;
  readonly throughGoalkeeper: Tally;
  /** 'not-tracked' until bypass detection has watched this sprint. */
  readonly bypassed: Tally | 'not-tracked';
}

const EMPTY: Tally = { points: 0, count: 0 };
const plus = (tally: Tally, points: number): Tally => ({ points: tally.points + points, count: tally.count + 1 });

/** Points a change moved, in absolute terms (unestimated issues move 0 points but still count). */
export function pointsMoved(change: ScopeChange): number {
  return Math.abs((change.pointsAfter ?? 0) - (change.pointsBefore ?? 0));
}

export function computeChurn(committed: Baseline | null, changes: readonly ScopeChange[], bypassTracked: boolean): ChurnFigures {
  let added = EMPTY,
    removed = EMPTY,
    deferred = EMPTY,
    up = EMPTY,
    down = EMPTY,
    goalkeeper = EMPTY,
    bypassed = EMPTY;
  const byReason: Partial<Record<ReasonCategory | 'bypassed', Tally>> = {};
  for (const change of changes) {
    if (change.kind === 'reranked') continue; // order, not scope
    const moved = pointsMoved(change);
    switch (change.kind) {
      case 'added':
        added = plus(added, moved);
        break;
      case 'removed':
        removed = plus(removed, moved);
        break;
      case 'deferred':
        deferred = plus(deferred, moved);
        break;
      case 're-estimated':
        if ((change.pointsAfter ?? 0) >= (change.pointsBefore ?? 0)) up = plus(up, moved);
        else down = plus(down, moved);
        break;
    }
    if (change.source === 'goalkeeper') goalkeeper = plus(goalkeeper, moved);
    else bypassed = plus(bypassed, moved);
    const reason = change.source === 'bypassed' ? 'bypassed' : (change.reasonCategory ?? 'other');
    byReason[reason] = plus(byReason[reason] ?? EMPTY, moved);
  }
  const grossPoints = added.points + removed.points + deferred.points + up.points + down.points;
  return {
    committed,
    added,
    removed,
    deferred,
    reestimatedUp: up,
    reestimatedDown: down,
    grossChurn: committed && committed.points > 0 ? grossPoints / committed.points : null,
    netChange: added.points - removed.points - deferred.points + up.points - down.points,
    byReason,
    throughGoalkeeper: goalkeeper,
    bypassed: bypassTracked ? bypassed : 'not-tracked',
  };
}

/**
 * The changes churn counts against a baseline. A baseline from the sprint's start counts every
 * change; one from Goalkeeper's first look ('first-seen') already holds the changes made before
 * it, so only later ones count — counting those again was "Committed 34; scope now 38" while Jira said 34.
 */
export function changesSinceBaseline<C extends Pick<ScopeChange, 'at'>>(
  baseline: { readonly source: string; readonly takenAt: string } | undefined,
  changes: readonly C[],
): C[] {
  if (baseline?.source !== 'first-seen') return [...changes];
  const since = Date.parse(baseline.takenAt);
  return changes.filter((change) => Date.parse(change.at) >= since);
}

export interface ScopeStep {
  readonly at: string;
  /** Total scope in points after this change. */
  readonly scope: number;
  readonly change: ScopeChange | null;
}

/** The burn-up's scope line: committed scope at the start, one step per change, in time order. */
export function scopeLine(startAt: string, committedPoints: number, changes: readonly ScopeChange[]): ScopeStep[] {
  const steps: ScopeStep[] = [{ at: startAt, scope: committedPoints, change: null }];
  let scope = committedPoints;
  for (const change of [...changes].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    scope += (change.pointsAfter ?? 0) - (change.pointsBefore ?? 0);
    steps.push({ at: change.at, scope, change });
  }
  return steps;
}
