/**
 * What happened when the decision was carried out in Jira, step by step from the apply journal,
 * each step in plain words in the reader's language (static/shared/apply-step-wording.ts).
 */
import type { Proposal } from '@goalkeeper/contract';
import { describeApplyStep, type SprintNames } from '../apply-step-wording';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';

export function ApplyResult({ proposal, sprintNames }: { proposal: Proposal; sprintNames?: SprintNames }) {
  const translator = useProposalPartI18n();
  const { t, formatDateTime } = translator;
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
            <li key={index} className={step.status === 'failed' ? 'gk-apply-failed' : undefined}>
              {describeApplyStep(translator, step, sprintNames)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
