/**
 * One proposal in the queue, compact enough for the gadget's first screen: what (its issue keys
 * link to the issues), the threat level and P(goal) now, who proposed it and why. The Product
 * Owner opens the decision inline ("Decide"): the full assessment against today's sprint and the
 * shared DecisionForm — with the note the only Product Owner writes when deciding their own
 * proposal, as in the issue panel. Everyone else sees who decides.
 */
import { useState } from 'react';
import { counterChangeOf, issuesNamedBy, type QueuedProposal, type ReadySprintView } from '@goalkeeper/contract';
import { describeChance, describeCounterChange } from '../../../shared/assessment-wording';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import { DecisionForm, type Verdict } from '../../../shared/components/DecisionForm';
import { WithIssueLinks } from '../../../shared/components/IssueLink';
import { RiskLevel } from '../../../shared/components/RiskMeter';
import { ownProposalDecision, type OwnProposalDecision } from '../../../shared/own-proposal';
import { nameOf } from '../../../shared/people';
import { ProjectSettingsLink } from '../../../shared/project-settings-link';
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

type CardDecision = OwnProposalDecision | 'awaiting-product-owner';

function decisionFor(queued: QueuedProposal, viewer: ReadySprintView['viewer']): CardDecision {
  if (!viewer.isProductOwner) return 'awaiting-product-owner';
  if (queued.proposal.proposerAccountId !== viewer.accountId) return 'decide';
  return ownProposalDecision(viewer.ownProposals);
}

export function QueuedProposalCard({ queued, state, deciders, decide, onDecided, onReload }: QueuedProposalCardProps) {
  const translator = useGadgetI18n();
  const { t, formatAge } = translator;
  const { proposal, assessmentNow } = queued;
  const [deciding, setDeciding] = useState(false);
  const headingId = `gk-queued-${proposal.id}`;
  const formId = `gk-queued-${proposal.id}-decision`;
  const change = describeChange(translator, proposal.issueKey, proposal.change);
  const decision = decisionFor(queued, state.viewer);
  const mayDecide = decision === 'decide' || decision === 'decide-own-with-note';
  const announcements: Readonly<Record<Verdict, string>> = {
    approve: t('queue.approved', { change }),
    reject: t('queue.rejected', { change }),
  };
  const certain = assessmentNow.after.certain === true;
  return (
    <li>
      <article className="gk-queue-row" aria-labelledby={headingId}>
        <div className="gk-row gk-row--spread">
          <h4 id={headingId}>
            <WithIssueLinks text={change} issueKeys={[proposal.issueKey, ...issuesNamedBy(proposal.change)]} />
          </h4>
          <RiskLevel level={assessmentNow.level} />
        </div>
        <p className="gk-queue-row__reason">
          <strong>{t(REASON_LABELS[proposal.reason.category])}</strong>
          {': '}
          <span className="gk-user-text">{proposal.reason.text}</span>
        </p>
        <div className="gk-queue-row__meta">
          <p className="gk-small">
            {t('queue.byline', { name: nameOf(translator, state.people, proposal.proposerAccountId), age: formatAge(proposal.createdAt) })}
            {' · '}
            {t('shared.risk.pGoalChange', {
              before: describeChance(translator, assessmentNow.before.pGoal, assessmentNow.before.certain === true),
              after: describeChance(translator, assessmentNow.after.pGoal, certain),
            })}
          </p>
          {mayDecide && (
            <button
              type="button"
              className="gk-button gk-button--default gk-queue-row__decide"
              aria-expanded={deciding}
              aria-controls={formId}
              onClick={() => setDeciding(!deciding)}
            >
              {t(deciding ? 'queue.decide.close' : 'queue.decide.open')}
            </button>
          )}
        </div>
        {decision === 'decide' || decision === 'decide-own-with-note' ? (
          <div id={formId} hidden={!deciding} className="gk-stack">
            {deciding && (
              <>
                {proposal.counterChange && <p className="gk-small">{describeCounterChange(translator, proposal.counterChange)}</p>}
                <div className="gk-stack gk-stack--tight">
                  <span className="gk-small">{t('queue.threatNow')}</span>
                  <AssessmentSnapshot assessment={assessmentNow} />
                  {proposal.assessment && proposal.assessment.level !== assessmentNow.level && (
                    <p className="gk-small">{t('queue.levelWhenProposed', { level: t(`shared.risk.${proposal.assessment.level}`) })}</p>
                  )}
                </div>
                <DecisionForm
                  proposal={proposal}
                  minRationaleChars={state.minRationaleChars}
                  decide={decide}
                  onDecided={(verdict) => onDecided(announcements[verdict])}
                  onReload={onReload}
                  label={t('queue.decideLabel', { change })}
                  headingLevel={5}
                  selfDecision={
                    decision === 'decide-own-with-note'
                      ? { explanation: t('shared.decision.selfDecision.explanation'), label: t('shared.decision.selfDecision.note') }
                      : undefined
                  }
                  conditionChoices={{
                    suggestions: assessmentNow.suggestions.flatMap((suggestion) => counterChangeOf(suggestion) ?? []),
                    items: state.ranked
                      .filter((item) => !item.goalCritical && item.statusCategory === 'todo' && item.key !== proposal.issueKey)
                      .map(({ key, summary }) => ({ key, summary })),
                  }}
                />
              </>
            )}
          </div>
        ) : (
          <NoDecisionHere decision={decision} deciders={deciders} projectKey={proposal.projectKey} />
        )}
      </article>
    </li>
  );
}

function NoDecisionHere({
  decision,
  deciders,
  projectKey,
}: {
  decision: Exclude<CardDecision, 'decide' | 'decide-own-with-note'>;
  deciders: string;
  projectKey: string;
}) {
  const { t } = useGadgetI18n();
  switch (decision) {
    case 'awaiting-product-owner':
      return <p className="gk-muted gk-small">{t('queue.awaiting', { names: deciders })}</p>;
    case 'own-proposal':
      return <p className="gk-muted gk-small">{t('queue.ownProposal')}</p>;
    case 'own-proposal-no-other':
      return (
        <div className="gk-stack gk-stack--tight">
          <p className="gk-muted gk-small">{t('queue.ownProposalNoOther')}</p>
          <ProjectSettingsLink projectKey={projectKey} label={t('queue.openSettings')} failedLabel={t('queue.openSettingsFailed')} />
        </div>
      );
  }
}
