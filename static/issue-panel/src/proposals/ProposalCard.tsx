/**
 * One proposal on this issue: what, who, when, why, its status and the assessment it was made
 * with; then, depending on who is looking, the decision form, withdraw, or retry; the decision
 * and apply result once there is one; and the audit trail on request.
 */
import { useEffect, useRef, useState } from 'react';
import type { IssuePanelState, Proposal, SelfDecided } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import type { CallError } from '../../../shared/resolver-client';
import { ApplyResult } from '../../../shared/components/ApplyResult';
import { describeApprovalReason, describeCondition, describeCounterChange } from '../../../shared/assessment-wording';
import { AssessmentSnapshot } from '../../../shared/components/AssessmentSnapshot';
import type { Verdict } from '../../../shared/components/DecisionForm';
import { nameOf, namesOf } from '../../../shared/people';
import { useProposalPartI18n } from '../../../shared/i18n/proposal-part-messages';
import { describeChange, REASON_LABELS } from '../../../shared/proposal-wording';
import { usePanelI18n } from '../messages/catalogue';
import type { PanelActions } from '../use-issue-panel';
import { AuditTrail } from './AuditTrail';
import { DecisionForm } from './DecisionForm';
import { affordancesFor } from './proposal-affordances';
import { StatusLozenge } from '../../../shared/components/StatusLozenge';
import { Lozenge } from '../../../shared/components/Lozenge';
import { ProjectSettingsLink } from '../../../shared/project-settings-link';

export interface ProposalCardProps {
  readonly proposal: Proposal;
  readonly state: IssuePanelState;
  readonly actions: PanelActions;
  /** Focus moves to this card's heading (after the viewer acted on it or created it). */
  readonly focused: boolean;
  /** The viewer's action succeeded: announce `message`, keep focus on this card. */
  readonly onActed: (proposalId: string, message: string) => void;
  readonly onReload: () => void;
}

export function ProposalCard({ proposal, state, actions, focused, onActed, onReload }: ProposalCardProps) {
  const translator = usePanelI18n();
  const { t, formatAge, formatDateTime } = translator;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `gk-proposal-${proposal.id}`;
  const affordances = affordancesFor(proposal, state);
  const shared = useProposalPartI18n();
  const { people } = state;

  useEffect(() => {
    if (focused) heading.current?.focus();
  }, [focused, proposal.version]);

  const verdictMessages: Readonly<Record<Verdict, string>> = { approve: t('announce.approved'), reject: t('announce.rejected') };

  return (
    <li>
      <article className="gk-card" aria-labelledby={headingId}>
        <div className="gk-row gk-row--spread">
          <h3 id={headingId} ref={heading} tabIndex={-1}>
            {describeChange(translator, proposal.issueKey, proposal.change)}
          </h3>
          <StatusLozenge status={proposal.status} />
        </div>
        <p className="gk-small">
          {t('proposal.byline', { name: nameOf(translator, people, proposal.proposerAccountId), age: formatAge(proposal.createdAt) })}
          {' · '}
          {proposal.needsProductOwner ? t('proposal.needsPo') : t('proposal.auto')}
        </p>
        {proposal.status === 'proposed' && proposal.approvalReason !== undefined && (
          <p className="gk-small">{describeApprovalReason(translator, proposal.approvalReason)}</p>
        )}
        <ChangeDetails proposal={proposal} />
        {proposal.counterChange && (
          <p className="gk-small">
            <strong>{t('proposal.together')}</strong> {describeCounterChange(translator, proposal.counterChange)}
          </p>
        )}
        <dl className="gk-meta">
          <dt>{t('proposal.reason')}</dt>
          <dd>
            <strong>{t(REASON_LABELS[proposal.reason.category])}</strong>
            {': '}
            <span className="gk-user-text">{proposal.reason.text}</span>
          </dd>
          {proposal.assessment && (
            <>
              <dt>{t('proposal.assessedWhenProposed')}</dt>
              <dd>
                <AssessmentSnapshot assessment={proposal.assessment} />
                {proposal.threatAcknowledged && <p className="gk-small">{t('proposal.threatAcknowledged')}</p>}
              </dd>
            </>
          )}
          {proposal.decision && (
            <>
              <dt>{t('proposal.decision')}</dt>
              <dd className="gk-stack">
                <span>
                  {t(proposal.decision.verdict === 'approved' ? 'proposal.decidedApproved' : 'proposal.decidedRejected', {
                    name: nameOf(translator, people, proposal.decision.deciderAccountId),
                    at: formatDateTime(proposal.decision.decidedAt),
                  })}
                </span>
                {proposal.decision.condition && <strong>{describeCondition(translator, proposal.decision.condition)}</strong>}
                <span className="gk-user-text">{proposal.decision.rationale}</span>
                {proposal.decision.selfDecided && (
                  <SelfDecidedNote selfDecided={proposal.decision.selfDecided} approved={proposal.decision.verdict === 'approved'} />
                )}
                {proposal.decision.assessment && (
                  <>
                    <span className="gk-small">{t('proposal.assessedWhenDecided')}</span>
                    <AssessmentSnapshot assessment={proposal.decision.assessment} />
                  </>
                )}
              </dd>
            </>
          )}
          {proposal.staleReason && (
            <>
              <dt>{t('proposal.staleReason')}</dt>
              <dd>{proposal.staleReason}</dd>
            </>
          )}
        </dl>
        <ApplyResult proposal={proposal} sprintNames={sprintNamesOf(state)} />
        {affordances.decide === 'decide' && (
          <DecisionForm
            proposal={proposal}
            minRationaleChars={state.policy.minRationaleChars}
            actions={actions}
            onDecided={(verdict) => onActed(proposal.id, verdictMessages[verdict])}
            onReload={onReload}
            sprintIssues={state.sprintIssues}
          />
        )}
        {affordances.decide === 'decide-own-with-note' && (
          <DecisionForm
            proposal={proposal}
            minRationaleChars={state.policy.minRationaleChars}
            actions={actions}
            onDecided={(verdict) => onActed(proposal.id, verdictMessages[verdict])}
            onReload={onReload}
            sprintIssues={state.sprintIssues}
            selfDecision={{
              explanation: shared.t('shared.decision.selfDecision.explanation'),
              label: shared.t('shared.decision.selfDecision.note'),
            }}
          />
        )}
        {affordances.decide === 'own-proposal' && <p className="gk-muted">{t('proposal.ownProposal')}</p>}
        {affordances.decide === 'own-proposal-no-other' && (
          <div className="gk-stack">
            <p className="gk-muted">{t('proposal.ownProposalNoOther')}</p>
            <ProjectSettingsLink projectKey={proposal.projectKey} label={t('setup.openSettings')} failedLabel={t('setup.openFailed')} />
          </div>
        )}
        {affordances.decide === 'no-product-owner' && <p className="gk-muted">{t('proposal.noProductOwner')}</p>}
        {affordances.decide === 'awaiting-product-owner' && (
          <p className="gk-muted">{t('proposal.awaiting', { names: productOwnerNames(state, translator) })}</p>
        )}
        {affordances.withdraw && (
          <WithdrawAction proposal={proposal} actions={actions} onWithdrawn={() => onActed(proposal.id, t('announce.withdrawn'))} />
        )}
        {affordances.retry && (
          <RetryAction proposal={proposal} actions={actions} onRetried={() => onActed(proposal.id, t('announce.retried'))} />
        )}
        <AuditTrail
          proposalId={proposal.id}
          version={proposal.version}
          people={people}
          actions={actions}
          sprintNames={sprintNamesOf(state)}
        />
      </article>
    </li>
  );
}

/** A Product Owner decided their own proposal: flagged, with the note the only Product Owner had to give. */
function SelfDecidedNote({ selfDecided, approved }: { selfDecided: SelfDecided; approved: boolean }) {
  const { t } = usePanelI18n();
  return (
    <span className="gk-stack gk-stack--tight">
      <span>
        <Lozenge appearance="moved">{t(approved ? 'proposal.selfApproved' : 'proposal.selfRejected')}</Lozenge>
      </span>
      {selfDecided.note !== null && (
        <span>
          {t('proposal.selfDecided.note')} <span className="gk-user-text">{selfDecided.note}</span>
        </span>
      )}
    </span>
  );
}

/** The sprints the panel knows by name, for wording apply steps that name a sprint by id. */
function sprintNamesOf(state: IssuePanelState): Readonly<Record<number, string>> {
  return Object.fromEntries([state.sprint, state.nextSprint].flatMap((sprint) => (sprint ? [[sprint.id, sprint.name]] : [])));
}

function productOwnerNames(state: IssuePanelState, translator: ReturnType<typeof usePanelI18n>): string {
  return namesOf(translator, state.people, state.productOwnerIds, translator.t('proposal.productOwner'));
}

/** The parts of a split and the note of a tweak: the change's own text, shown as typed. */
function ChangeDetails({ proposal }: { proposal: Proposal }) {
  const translator = usePanelI18n();
  const { change } = proposal;
  switch (change.kind) {
    case 'split':
      return (
        <ul className="gk-split-summary">
          {change.parts.map((part, index) => (
            <li key={index}>
              <span className="gk-user-text">{part.summary}</span> — {translator.t('shared.points.count', { count: part.points })}
            </li>
          ))}
        </ul>
      );
    case 'tweak':
      return <p className="gk-user-text">{change.note}</p>;
    case 'add':
    case 'remove':
    case 'defer':
    case 'rerank':
    case 'priority':
    case 'estimate':
    case 'swap':
      return null;
  }
}

function WithdrawAction({
  proposal,
  actions,
  onWithdrawn,
}: {
  proposal: Proposal;
  actions: Pick<PanelActions, 'withdraw'>;
  onWithdrawn: () => void;
}) {
  const { t } = usePanelI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  // Focus follows the question: onto "Yes, withdraw" when asked, back to "Withdraw" when kept.
  const [focusAfterToggle, setFocusAfterToggle] = useState(false);
  useEffect(() => {
    if (focusAfterToggle) (confirming ? confirmButton : startButton).current?.focus();
  }, [confirming, focusAfterToggle]);
  const toggle = (next: boolean) => {
    setConfirming(next);
    setFocusAfterToggle(true);
  };

  async function withdraw() {
    setBusy(true);
    setError(null);
    const result = await actions.withdraw({ proposalId: proposal.id, expectedVersion: proposal.version });
    setBusy(false);
    if (result.ok) onWithdrawn();
    else setError(result.error);
  }

  return (
    <div className="gk-stack">
      {error && <ErrorBanner error={error} />}
      {confirming ? (
        <div className="gk-row" role="group" aria-label={t('withdraw.confirmQuestion')}>
          <span>{t('withdraw.confirmQuestion')}</span>
          <Button ref={confirmButton} appearance="danger" busy={busy} onClick={() => void withdraw()}>
            {t('withdraw.confirm')}
          </Button>
          <Button appearance="subtle" onClick={() => toggle(false)}>
            {t('withdraw.keep')}
          </Button>
        </div>
      ) : (
        <span>
          <Button ref={startButton} onClick={() => toggle(true)}>
            {t('withdraw.start')}
          </Button>
        </span>
      )}
    </div>
  );
}

function RetryAction({
  proposal,
  actions,
  onRetried,
}: {
  proposal: Proposal;
  actions: Pick<PanelActions, 'retry'>;
  onRetried: () => void;
}) {
  const { t } = usePanelI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  // The proposal stays "apply-failed" until the queued attempt finishes, so the card itself says
  // the retry was taken rather than offering the same button again.
  const [retried, setRetried] = useState(false);

  async function retry() {
    setBusy(true);
    setError(null);
    const result = await actions.retry({ proposalId: proposal.id });
    setBusy(false);
    if (result.ok) {
      setRetried(true);
      onRetried();
    } else setError(result.error);
  }

  if (retried) return <p className="gk-muted">{t('retry.requested')}</p>;
  return (
    <div className="gk-stack">
      {error && <ErrorBanner error={error} />}
      <span>
        <Button appearance="primary" busy={busy} onClick={() => void retry()}>
          {t('retry.button')}
        </Button>
      </span>
    </div>
  );
}
