/** What happened when the decision was carried out in Jira, step by step from the apply journal. */
import type { ApplyStep, Proposal } from '../../../src/domain/proposal';
import { useProposalPartI18n, type ProposalPartKey } from '../i18n/proposal-part-messages';

const STEP_STATUS: Readonly<Record<ApplyStep['status'], ProposalPartKey>> = {
  started: 'shared.apply.step.started',
  done: 'shared.apply.step.done',
  failed: 'shared.apply.step.failed',
};

export function ApplyResult({ proposal }: { proposal: Proposal }) {
  const { t, formatDateTime } = useProposalPartI18n();
  const journal = proposal.apply;
  const summary = (() => {
    switch (proposal.status) {
      case 'applied':
        return t('shared.apply.applied', { at: journal?.finishedAt ? formatDateTime(journal.finishedAt) : '' });
      case 'apply-failed':
        return t('shared.apply.failed', { count: journal?.attempts ?? 1, error: journal?.lastError ?? '' });
      case 'approved':
      case 'auto-approved':
        return journal ? t('shared.apply.running', { count: journal.attempts }) : t('shared.apply.queued');
      case 'proposed':
      case 'rejected':
      case 'withdrawn':
      case 'stale':
        return null;
    }
  })();
  if (summary === null) return null;
  return (
    <div className="gk-stack">
      <p className={proposal.status === 'apply-failed' ? 'gk-apply-failed' : undefined}>{summary}</p>
      {journal && journal.steps.length > 0 && (
        <ol className="gk-steps">
          {journal.steps.map((step, index) => (
            <li key={index}>
              <span className="gk-step-name">{step.name}</span> — {t(STEP_STATUS[step.status])}
              {step.detail && <span className="gk-muted">: {step.detail}</span>}
              {step.createdKeys && step.createdKeys.length > 0 && <span> ({step.createdKeys.join(', ')})</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
