/** One proposal in the queue: what, who, when, why, its threat level now, and the decision (or who makes it). */
import { counterChangeOf, type QueuedProposal, type ReadySprintView } from '@goalkeeper/contract';
import { describeCounterChange } from '../../../shared/assessment-wording';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import { DecisionForm, type Verdict } from '../../../shared/components/DecisionForm';
import { RiskLevel } from '../../../shared/components/RiskMeter';
import { nameOf } from '../../../shared/people';
import { describeChange, REASON_LABELS } from '../../../shared/proposal-wording';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';

export interface QueuedProposalCardProps {
  readonly queued: QueuedProposal;
  readonly state: ReadySprintView;
  /** Who decides, by name, for everyone who may not. */
  readonly deciders: string;
  readonly decide: SprintViewActions['decide'];
  readonly onDecided: (announcement: string) => void;
  readonly onReload: () => void;
}

export function QueuedProposalCard({ queued, state, deciders, decide, onDecided, onReload }: QueuedProposalCardProps) {
  const translator = useGadgetI18n();
  const { t, formatAge } = translator;
  const { proposal, assessmentNow } = queued;
  const headingId = `gk-queued-${proposal.id}`;
  const change = describeChange(translator, proposal.issueKey, proposal.change);
  const announcements: Readonly<Record<Verdict, string>> = {
    approve: t('queue.approved', { change }),
    reject: t('queue.rejected', { change }),
  };
  return (
    <li>
      <article className="gk-card" aria-labelledby={headingId}>
        <div className="gk-row gk-row--spread">
          <h4 id={headingId}>{change}</h4>
          <RiskLevel level={assessmentNow.level} />
        </div>
        <p className="gk-small">{t('queue.byline', { name: nameOf(translator, state.people, proposal.proposerAccountId), age: formatAge(proposal.createdAt) })}</p>
        <p>
          <strong>{t(REASON_LABELS[proposal.reason.category])}</strong>
          {': '}
          <span className="gk-user-text">{proposal.reason.text}</span>
        </p>
        {proposal.counterChange && <p className="gk-small">{describeCounterChange(translator, proposal.counterChange)}</p>}
        <div className="gk-stack gk-stack--tight">
          <span className="gk-small">{t('queue.threatNow')}</span>
          <AssessmentSnapshot assessment={assessmentNow} />
          {proposal.assessment && proposal.assessment.level !== assessmentNow.level && (
            <p className="gk-small">{t('queue.levelWhenProposed', { level: t(`shared.risk.${proposal.assessment.level}`) })}</p>
          )}
        </div>
        {state.viewer.isProductOwner && (state.allowSelfApproval || proposal.proposerAccountId !== state.viewer.accountId) ? (
          <DecisionForm
            proposal={proposal}
            minRationaleChars={state.minRationaleChars}
            decide={decide}
            onDecided={(verdict) => onDecided(announcements[verdict])}
            onReload={onReload}
            label={t('queue.decideLabel', { change })}
            headingLevel={5}
            conditionChoices={{
              suggestions: assessmentNow.suggestions.flatMap((suggestion) => counterChangeOf(suggestion) ?? []),
              items: state.ranked.filter((item) => !item.goalCritical && item.statusCategory === 'todo' && item.key !== proposal.issueKey).map(({ key, summary }) => ({ key, summary })),
            }}
          />
        ) : (
          <p className="gk-muted">{t('queue.awaiting', { names: deciders })}</p>
        )}
      </article>
    </li>
  );
}
