/**
 * The Product Owner's decision in the panel: the shared decision form (rationale gate, verdict,
 * expected version) with the sprint re-assessed as it is now, fetched when the form opens.
 */
import type { Proposal } from '../../../../src/domain/proposal';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import { DecisionForm as SharedDecisionForm, type Verdict } from '../../../shared/components/DecisionForm';
import { Loading } from '../../../shared/components/Loading';
import { usePanelI18n } from '../messages/catalogue';
import { useLiveAssessment } from '../propose/use-live-assessment';
import type { PanelActions } from '../use-issue-panel';

export interface DecisionFormProps {
  readonly proposal: Proposal;
  readonly minRationaleChars: number;
  readonly actions: Pick<PanelActions, 'decide' | 'preview'>;
  readonly onDecided: (verdict: Verdict) => void;
  readonly onReload: () => void;
}

export function DecisionForm({ proposal, minRationaleChars, actions, onDecided, onReload }: DecisionFormProps) {
  const { t } = usePanelI18n();
  const now = useLiveAssessment(proposal.change, actions.preview, 0);
  return (
    <SharedDecisionForm
      proposal={proposal}
      minRationaleChars={minRationaleChars}
      decide={actions.decide}
      onDecided={onDecided}
      onReload={onReload}
      reassessment={
        <div className="gk-stack">
          <p className="gk-small">{t('decision.reassessed')}</p>
          {now.phase === 'ready' && now.assessment && <AssessmentSnapshot assessment={now.assessment} />}
          {now.phase === 'ready' && !now.assessment && <p className="gk-muted">{t('assessment.none')}</p>}
          {(now.phase === 'pending' || now.phase === 'idle') && <Loading label={t('assessment.pending')} />}
          {now.phase === 'failed' && <p className="gk-muted">{t('assessment.failed', { message: now.error.message })}</p>}
        </div>
      }
    />
  );
}
