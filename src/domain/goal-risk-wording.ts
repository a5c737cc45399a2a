/**
 * The plain English of goal-risk reasons and suggestions: work in its unit, probabilities as
 * percentages, lists as a person writes them. The UI re-phrases from the figures in the user's
 * language; these sentences are the backend's own record and the fallback.
 */
import type { WorkUnit } from './assessment';
import type { ChangeKind } from './change';
import { EPSILON, type Target } from './goal-risk-scenario';
import { roundWork } from './hypothetical-sprint';

export const CHANGE_NAMES: Readonly<Record<ChangeKind, string>> = {
  add: 'This addition',
  remove: 'This removal',
  defer: 'This deferral',
  rerank: 'This re-rank',
  priority: 'This priority change',
  estimate: 'This re-estimate',
  split: 'This split',
  swap: 'This swap',
  tweak: 'This tweak',
};

export function probabilityLabel(target: Target): string {
  return target === 'goal' ? 'P(goal)' : 'P(all work done)';
}

export function formatNumber(work: number): string {
  return String(roundWork(work));
}

export function formatWork(work: number, unit: WorkUnit): string {
  const rounded = roundWork(work);
  if (unit === 'issues') return `${rounded} ${rounded === 1 ? 'issue' : 'issues'}`;
  return `${rounded} ${rounded === 1 ? 'pt' : 'pts'}`;
}

/** Whole percent, rounded down, so a probability just under a threshold never reads as meeting it. */
export function percentOf(probability: number): number {
  return Math.floor(probability * 100 + EPSILON);
}

/** Below this or above 1 − this, a forecast reads "< 5%" / "> 95%": a model is never that sure. */
export const EXTREME_CHANCE = 0.05;

/**
 * A chance as a person should read it: whole percent, but "< 5%" / "> 95%" at the extremes
 * unless `certain` (by arithmetic: nothing left to do, or no time left to do it).
 */
export function formatPercent(probability: number, certain = false): string {
  if (!certain && probability < EXTREME_CHANCE) return `< ${percentOf(EXTREME_CHANCE)}%`;
  if (!certain && probability > 1 - EXTREME_CHANCE) return `> ${percentOf(1 - EXTREME_CHANCE)}%`;
  return `${percentOf(probability)}%`;
}

export function joinAsEnglish(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
