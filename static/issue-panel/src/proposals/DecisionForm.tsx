/**
 * The Product Owner's decision: the sprint re-assessed as it is now, a rationale the team will
 * read (Approve and Reject stay disabled until it is long enough, with a counter saying so),
 * and the verdict. A failed decision keeps the rationale as typed.
 */
import { useState } from 'react';
import type { Proposal } from '../../../../src/domain/proposal';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import { Loading } from '../../../shared/components/Loading';
import type { CallError } from '../../../shared/resolver-client';
import { usePanelI18n } from '../messages/catalogue';
import { AssessmentSnapshot } from '../propose/AssessmentView';
import { useLiveAssessment } from '../propose/use-live-assessment';
import type { PanelActions } from '../use-issue-panel';

export type Verdict = 'approve' | 'reject';

export interface DecisionFormProps {
  readonly proposal: Proposal;
  readonly minRationaleChars: number;
  readonly actions: Pick<PanelActions, 'decide' | 'preview'>;
  readonly onDecided: (verdict: Verdict) => void;
  readonly onReload: () => void;
}

export function DecisionForm({ proposal, minRationaleChars, actions, onDecided, onReload }: DecisionFormProps) {
  const { t } = usePanelI18n();
  const [rationale, setRationale] = useState('');
  const [deciding, setDeciding] = useState<Verdict | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const now = useLiveAssessment(proposal.change, actions.preview, 0);
  const length = rationale.trim().length;
  const longEnough = length >= minRationaleChars;

  async function decide(verdict: Verdict) {
    setDeciding(verdict);
    setError(null);
    const result = await actions.decide({ proposalId: proposal.id, verdict, rationale, expectedVersion: proposal.version });
    setDeciding(null);
    if (result.ok) onDecided(verdict);
    else setError(result.error);
  }

  return (
    <section className="gk-decision gk-stack" aria-label={t('decision.heading')}>
      <h4>{t('decision.heading')}</h4>
      <div className="gk-stack">
        <p className="gk-small">{t('decision.reassessed')}</p>
        {now.phase === 'ready' && now.assessment && <AssessmentSnapshot assessment={now.assessment} />}
        {now.phase === 'ready' && !now.assessment && <p className="gk-muted">{t('assessment.none')}</p>}
        {(now.phase === 'pending' || now.phase === 'idle') && <Loading label={t('assessment.pending')} />}
        {now.phase === 'failed' && <p className="gk-muted">{t('assessment.failed', { message: now.error.message })}</p>}
      </div>
      {error && <ErrorBanner error={error} onRetry={error.code === 'conflict' ? onReload : undefined} retryLabel={t('panel.reload')} />}
      <Field label={t('decision.rationale')} hint={longEnough ? t('decision.counter.enough', { count: length }) : t('decision.counter.short', { count: length, min: minRationaleChars })}>
        {(control) => <textarea {...control} className="gk-input" value={rationale} onChange={(event) => setRationale(event.target.value)} />}
      </Field>
      <div className="gk-row">
        <Button appearance="primary" disabled={!longEnough || deciding !== null} busy={deciding === 'approve'} onClick={() => void decide('approve')}>
          {t('decision.approve')}
        </Button>
        <Button appearance="danger" disabled={!longEnough || deciding !== null} busy={deciding === 'reject'} onClick={() => void decide('reject')}>
          {t('decision.reject')}
        </Button>
      </div>
    </section>
  );
}
