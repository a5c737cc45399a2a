/**
 * Churn in one line for the first screen: the scope committed and now, gross churn, and the
 * changes made directly in Jira still waiting for the Product Owner's review. The figures are the
 * backend's (ChurnFigures); the Churn section has every one of them.
 */
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { signedPoints } from '../scope-change-wording';

export function ChurnLine({ state }: { state: ReadySprintView }) {
  const translator = useGadgetI18n();
  const { t, formatPercent } = translator;
  const { churn } = state;
  const unreviewed = state.bypassed.filter((change) => change.review === null).length;
  const parts = [
    churn.committed === null
      ? t('churnLine.noBaseline')
      : t('churnLine.scope', {
          committed: t('shared.points.count', { count: churn.committed.points }),
          now: t('shared.points.count', { count: churn.committed.points + churn.netChange }),
          net: signedPoints(translator, churn.netChange),
        }),
    churn.grossChurn === null ? null : t('churnLine.gross', { percent: formatPercent(churn.grossChurn) }),
    unreviewed > 0 ? t('churnLine.unreviewed', { count: unreviewed }) : null,
  ];
  return (
    <p className="gk-churn-line">
      <strong>{t('churn.heading')}: </strong>
      {parts.filter((part) => part !== null).join(' · ')}
    </p>
  );
}
