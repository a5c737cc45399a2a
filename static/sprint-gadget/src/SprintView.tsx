/**
 * The sprint view for one board: for now the proposals of its active sprint, oldest first.
 * The cockpit (goal, capacity, churn, burn-up, export) is issue 6.
 */
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Loading } from '../../shared/components/Loading';
import { StatusLozenge } from '../../shared/components/StatusLozenge';
import { describeChange, REASON_LABELS } from '../../shared/proposal-wording';
import { useGadgetI18n } from './messages/catalogue';
import { useSprintProposals } from './use-sprint-proposals';

export function SprintView({ boardId }: { boardId: number }) {
  const translator = useGadgetI18n();
  const { t, formatAge } = translator;
  const { load, reload } = useSprintProposals(boardId);
  return (
    <section className="gk-gadget gk-stack" aria-labelledby="gk-gadget-heading">
      <div className="gk-row gk-row--spread">
        <h2 id="gk-gadget-heading">{t('gadget.heading')}</h2>
        <span className="gk-small">{t('gadget.board', { id: boardId })}</span>
      </div>
      {load.phase === 'loading' && <Loading label={t('gadget.loading')} />}
      {load.phase === 'failed' && <ErrorBanner error={load.error} onRetry={() => void reload()} />}
      {load.phase === 'ready' && load.proposals.length === 0 && <EmptyState title={t('gadget.empty.title')} description={t('gadget.empty.description')} />}
      {load.phase === 'ready' && load.proposals.length > 0 && (
        <ul className="gk-list">
          {load.proposals.map((proposal) => (
            <li key={proposal.id} className="gk-card">
              <div className="gk-row gk-row--spread">
                <strong>{describeChange(translator, proposal.issueKey, proposal.change)}</strong>
                <StatusLozenge status={proposal.status} />
              </div>
              <p className="gk-small">
                {t(REASON_LABELS[proposal.reason.category])} · {formatAge(proposal.createdAt)}
              </p>
              <p className="gk-user-text">{proposal.reason.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
