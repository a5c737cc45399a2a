/** A sprint goal's outcome in words; a closed sprint nobody judged yet says so. */
import type { GoalOutcome } from '@goalkeeper/contract';
import type { GadgetKey } from '../messages/en';

export const OUTCOMES: readonly GoalOutcome[] = ['met', 'partly', 'not-met'];

export const OUTCOME_LABELS: Readonly<Record<GoalOutcome | 'pending', GadgetKey>> = {
  met: 'outcome.met',
  partly: 'outcome.partly',
  'not-met': 'outcome.not-met',
  pending: 'outcome.pending',
};
