/** A stored or re-computed assessment, read-only: the risk meter and the reasons behind the level. */
import type { Assessment } from '@goalkeeper/contract';
import { chanceLabel, describeChance, describeEffect, describeReason } from '../assessment-wording';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
import { RiskMeter } from './RiskMeter';

/** The reasons behind a level, as a list a person can read aloud. */
export function AssessmentReasons({ assessment }: { assessment: Assessment }) {
  const translator = useProposalPartI18n();
  if (assessment.reasons.length === 0) return null;
  return (
    <ul className="gk-reasons">
      {assessment.reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`}>{describeReason(translator, reason, assessment)}</li>
      ))}
    </ul>
  );
}

/**
 * Two separate things (issue 13): the sprint's own chance now, and what this change does to it —
 * its effect with a range — so a change with no effect on a sprint already in trouble reads as
 * what it is. Taking goal work out changes the goal; past its end date a sprint has no forecast.
 */
export function ChanceAndEffect({ assessment }: { assessment: Assessment }) {
  const translator = useProposalPartI18n();
  const effect = describeEffect(translator, assessment);
  return (
    <ul className="gk-chance-effect">
      <li>
        {translator.t('shared.assessment.chanceNow', {
          label: chanceLabel(translator, assessment),
          chance: describeChance(translator, assessment.before.pGoal, assessment.before.certain === true),
        })}
      </li>
      {effect && <li className={`gk-effect gk-effect--${assessment.effect?.direction}`}>{effect}</li>}
      {assessment.goalChanged && <li className="gk-effect gk-effect--goal">{translator.t('shared.assessment.goalChanged')}</li>}
      {assessment.pastEnd && <li>{translator.t('shared.assessment.pastEnd')}</li>}
    </ul>
  );
}

export function AssessmentSnapshot({ assessment }: { assessment: Assessment }) {
  return (
    <div className="gk-stack">
      <RiskMeter
        level={assessment.level}
        pGoal={assessment.before.pGoal}
        pGoalAfter={assessment.after.pGoal}
        certainBefore={assessment.before.certain === true}
        certainAfter={assessment.after.certain === true}
      />
      <ChanceAndEffect assessment={assessment} />
      <AssessmentReasons assessment={assessment} />
    </div>
  );
}
