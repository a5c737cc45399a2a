/** What each point of the P(goal) trend stands for, in the user's language. */
import type { TrendPoint } from '@goalkeeper/contract';
import type { GadgetTranslator } from '../messages/catalogue';

export function describeTrendPoint({ t }: GadgetTranslator, point: TrendPoint): string {
  if (point.kind === 'now') return t('trend.now');
  return point.verdict === 'approved' ? t('trend.approved', { key: point.issueKey }) : t('trend.rejected', { key: point.issueKey });
}
