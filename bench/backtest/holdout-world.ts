/**
 * A third world, held out (issue 13): model changes are developed against the primary and the
 * cautious worlds, and kept only if they do not lose on this one, which is mixed and planned
 * differently again — mostly volatile and trending teams, plans around their velocity, medium
 * histories, daily history mostly known — and drawn from a seed neither of the others uses. It
 * stands in for the CTO's evaluation world, which the project does not have.
 */
import type { WorldMix } from './world';

export const HOLDOUT_WORLD: WorldMix = {
  name: 'held-out',
  kindWeights: { steady: 0.5, volatile: 2, trending: 2, lumpy: 1, 'holiday-prone': 1 },
  planLoad: [0.75, 1.25],
  historyLengths: [2, 3, 4, 5, 7, 9],
  dailyKnown: 0.85,
};
