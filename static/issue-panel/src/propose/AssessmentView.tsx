/**
 * The live goal assessment of the change being proposed: level (icon and word), P(goal) before →
 * after, the reasons in plain language, and the suggestions — those that can become part of
 * this proposal as one-click chips. Screen readers hear the outcome through the live region.
 */
import type { Assessment, Suggestion } from '@goalkeeper/contract';
import { LiveRegion } from '../../../shared/components/LiveRegion';
import { Loading } from '../../../shared/components/Loading';
import { describeSuggestion } from '../../../shared/assessment-wording';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import { usePanelI18n } from '../messages/catalogue';
import type { LiveAssessment } from './use-live-assessment';

/** One way to fold a suggestion into the proposal being written. */
export interface SuggestionAction {
  readonly label: string;
  readonly apply: () => void;
}

export interface AssessmentViewProps {
  readonly live: LiveAssessment;
  /** The chips a suggestion offers for the change being proposed (none when it cannot be folded in). */
  readonly actionsFor: (suggestion: Suggestion) => readonly SuggestionAction[];
}

export function AssessmentView({ live, actionsFor }: AssessmentViewProps) {
  const { t, formatPercent } = usePanelI18n();
  const announcement =
    live.phase === 'ready' && live.assessment
      ? t('assessment.announce', {
          level: t(`shared.risk.${live.assessment.level}`),
          before: formatPercent(live.assessment.before.pGoal),
          after: formatPercent(live.assessment.after.pGoal),
        })
      : '';
  return (
    <section className="gk-assessment gk-stack" aria-labelledby="gk-assessment-heading">
      <h3 id="gk-assessment-heading">{t('assessment.heading')}</h3>
      <LiveRegion message={announcement} />
      <AssessmentBody live={live} actionsFor={actionsFor} />
    </section>
  );
}

function AssessmentBody({ live, actionsFor }: AssessmentViewProps) {
  const { t } = usePanelI18n();
  switch (live.phase) {
    case 'idle':
      return <p className="gk-muted">{t('assessment.idle')}</p>;
    case 'pending':
      return <Loading label={t('assessment.pending')} />;
    case 'failed':
      return <p className="gk-muted">{t('assessment.failed', { message: live.error.message })}</p>;
    case 'ready':
      return live.assessment ? (
        <LiveDetails assessment={live.assessment} actionsFor={actionsFor} />
      ) : (
        <p className="gk-muted">{t('assessment.none')}</p>
      );
  }
}

function LiveDetails({ assessment, actionsFor }: { assessment: Assessment; actionsFor: AssessmentViewProps['actionsFor'] }) {
  const translator = usePanelI18n();
  return (
    <>
      <AssessmentSnapshot assessment={assessment} />
      {assessment.suggestions.length > 0 && (
        <div className="gk-stack">
          <h4>{translator.t('assessment.suggestions')}</h4>
          <ul className="gk-list">
            {assessment.suggestions.map((suggestion, index) => (
              <li key={index} className="gk-stack">
                <span>{describeSuggestion(translator, suggestion, assessment)}</span>
                <span className="gk-row">
                  {actionsFor(suggestion).map((action) => (
                    <button key={action.label} type="button" className="gk-chip" onClick={action.apply}>
                      {action.label}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
