/**
 * What each point of the P(goal) trend stands for. The backend labels a point "now" or
 * "<issue key> approved|rejected" (pGoalTrend in src/app/get-sprint-view-state.ts); those are
 * phrased in the user's language, anything else is shown as sent.
 */
import type { GadgetTranslator } from '../messages/catalogue';

const DECISION_LABEL = /^(\S+) (approved|rejected)$/;

export function describeTrendPoint({ t }: GadgetTranslator, label: string): string {
  if (label === 'now') return t('trend.now');
  const decision = DECISION_LABEL.exec(label);
  if (!decision) return label;
  return decision[2] === 'approved' ? t('trend.approved', { key: decision[1]! }) : t('trend.rejected', { key: decision[1]! });
}
