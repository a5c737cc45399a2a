/** The chance of meeting the sprint goal now, what the forecast rests on, and how it moved since the start. */
import type { Assessment, ReadySprintView } from '@goalkeeper/contract';
import { RiskMeter } from '../../../shared/components/RiskMeter';
import { useGadgetI18n } from '../messages/catalogue';
import type { GadgetKey } from '../messages/en';
import { PGoalTrend } from './PGoalTrend';

const BASIS: Readonly<Record<Assessment['basis'], GadgetKey>> = {
  history: 'risk.basis.history',
  'sprint-pace': 'risk.basis.sprint-pace',
  none: 'risk.basis.none',
};

export function GoalRisk({ state }: { state: ReadySprintView }) {
  const { t } = useGadgetI18n();
  const { risk } = state;
  return (
    <section className="gk-section" aria-labelledby="gk-risk-heading">
      <h3 id="gk-risk-heading">{t('risk.heading')}</h3>
      <RiskMeter level={risk.level} pGoal={risk.before.pGoal} />
      <p className="gk-small">{t(BASIS[risk.basis])}</p>
      <PGoalTrend trend={state.trend} sprintStart={state.sprint.startDate} />
    </section>
  );
}
