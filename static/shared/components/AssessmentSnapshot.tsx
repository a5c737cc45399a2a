/** A stored or re-computed assessment, read-only: the risk meter and the reasons behind the level. */
import type { Assessment } from '../../../src/domain/assessment';
import { describeReason } from '../assessment-wording';
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

export function AssessmentSnapshot({ assessment }: { assessment: Assessment }) {
  return (
    <div className="gk-stack">
      <RiskMeter level={assessment.level} pGoal={assessment.before.pGoal} pGoalAfter={assessment.after.pGoal} />
      <AssessmentReasons assessment={assessment} />
    </div>
  );
}
