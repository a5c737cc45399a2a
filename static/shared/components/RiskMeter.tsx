/**
 * The goal risk at a glance: level as icon *and* word (colour is never the only signal), and
 * P(goal) — the chance the sprint goal is met — as a number and a bar.
 */
import type { RiskLevel as Level } from '../../../src/domain/assessment';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';
import { Icon } from './icons';

export function RiskLevel({ level }: { level: Level }) {
  const { t } = useI18n<SharedKey>();
  return (
    <span className={`gk-risk-level gk-risk-level--${level}`}>
      <Icon name={level} />
      <span>{t(`shared.risk.${level}`)}</span>
    </span>
  );
}

export interface RiskMeterProps {
  readonly level: Level;
  /** P(goal) before the change, 0..1. */
  readonly pGoal: number;
  /** P(goal) after the change; omit when showing the sprint as it is. */
  readonly pGoalAfter?: number;
}

export function RiskMeter({ level, pGoal, pGoalAfter }: RiskMeterProps) {
  const { t, formatPercent } = useI18n<SharedKey>();
  const shown = pGoalAfter ?? pGoal;
  const figure =
    pGoalAfter === undefined
      ? t('shared.risk.pGoal', { value: formatPercent(pGoal) })
      : t('shared.risk.pGoalChange', { before: formatPercent(pGoal), after: formatPercent(pGoalAfter) });
  return (
    <div className={`gk-risk-meter gk-risk-meter--${level}`}>
      <RiskLevel level={level} />
      <span className="gk-risk-meter__figure">{figure}</span>
      <span className="gk-risk-meter__bar" aria-hidden="true">
        <span className="gk-risk-meter__fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, shown)) * 100)}%` }} />
      </span>
    </div>
  );
}
