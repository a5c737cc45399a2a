/**
 * The goal risk at a glance: level as icon *and* word (colour is never the only signal), and
 * P(goal) — the chance the sprint goal is met — as a number and a bar.
 */
import type { RiskLevel as Level } from '@goalkeeper/contract';
import { describeChance } from '../assessment-wording';
import { useI18n } from '../i18n/I18nProvider';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
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
  /** Certain by arithmetic (the assessment's `certain`): only then 0% or 100%, else "< 5%" / "> 95%". */
  readonly certainBefore?: boolean;
  readonly certainAfter?: boolean;
}

export function RiskMeter({ level, pGoal, pGoalAfter, certainBefore = false, certainAfter = false }: RiskMeterProps) {
  const translator = useProposalPartI18n();
  const { t } = translator;
  const chance = (value: number, certain: boolean) => describeChance(translator, value, certain);
  const shown = pGoalAfter ?? pGoal;
  const figure =
    pGoalAfter === undefined
      ? t('shared.risk.pGoal', { value: chance(pGoal, certainBefore) })
      : t('shared.risk.pGoalChange', { before: chance(pGoal, certainBefore), after: chance(pGoalAfter, certainAfter) });
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
