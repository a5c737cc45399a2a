/**
 * "Will we make the goal?" for the first screen: P(goal) now with its level, how it moved since
 * the sprint started (a sparkline for the eye, the same in words), what the forecast rests on,
 * and the one confidence convention every capacity figure in the gadget follows, named once.
 */
import type { Assessment, ReadySprintView } from '@goalkeeper/contract';
import { RiskMeter } from '../../../shared/components/RiskMeter';
import { CONFIDENCE_CONVENTION } from '../confidence-wording';
import { useGadgetI18n } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';
import { PGoalSparkline } from './PGoalTrend';

const BASIS: Readonly<Record<Assessment['basis'], GadgetKey>> = {
  history: 'risk.basis.history',
  'sprint-pace': 'risk.basis.sprint-pace',
  none: 'risk.basis.none',
};

export function GoalChance({ state }: { state: ReadySprintView }) {
  const { t, formatPercent } = useGadgetI18n();
  const { risk, trend } = state;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const direction = first && last ? Math.sign(Math.round((last.pGoal - first.pGoal) * 100)) : 0;
  return (
    <section className="gk-section gk-goal-chance" aria-labelledby="gk-risk-heading">
      <h3 id="gk-risk-heading">{t('risk.heading')}</h3>
      <div className="gk-goal-chance__now">
        <RiskMeter level={risk.level} pGoal={risk.before.pGoal} certainBefore={risk.before.certain === true} />
        <PGoalSparkline trend={trend} sprintStart={state.sprint.startDate} />
      </div>
      <p className="gk-small">
        {trend.length < 2 || !first || !last ? (
          t('trend.noDecisions')
        ) : (
          <>
            <span className={`gk-trend-delta gk-trend-delta--${direction < 0 ? 'down' : direction > 0 ? 'up' : 'flat'}`} aria-hidden="true">
              {direction < 0 ? '↓' : direction > 0 ? '↑' : '→'}
            </span>{' '}
            {t('trend.sinceStart', { from: formatPercent(first.pGoal), to: formatPercent(last.pGoal), count: trend.length - 1 })}
          </>
        )}{' '}
        <span className="gk-muted">
          {t(BASIS[risk.basis])} {t(CONFIDENCE_CONVENTION)}
        </span>
      </p>
    </section>
  );
}
