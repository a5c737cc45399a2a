/**
 * The Product Owner's decision on a proposal: a rationale the team will read (Approve and Reject
 * stay disabled until it is long enough, with a counter saying so) and the verdict, sent with
 * the proposal version the Product Owner saw so a decision on an outdated view is refused
 * (`conflict`) instead of silently winning. A failed decision keeps the rationale as typed.
 * What the sprint looks like now is the caller's to show (`reassessment`).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { CounterChange, Proposal } from '@goalkeeper/contract';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
import type { CallError, CallResult } from '../resolver-client';
import { Button } from './Button';
import { conditionOf, ConditionPicker, NO_CONDITION, type ConditionChoices, type ConditionDraft } from './ConditionPicker';
import { ErrorBanner } from './ErrorBanner';
import { isRationaleLongEnough, RationaleField } from './RationaleField';

export type Verdict = 'approve' | 'reject';

export interface DecideRequest {
  readonly proposalId: string;
  readonly verdict: Verdict;
  readonly rationale: string;
  readonly expectedVersion: number;
  readonly selfDecisionNote?: string;
  /** Approve on this condition: the change and it are applied together. */
  readonly condition?: CounterChange;
}

/** The only Product Owner deciding their own proposal writes a note too (src/domain/approval-policy.ts, 'self-with-note'). */
export interface SelfDecisionNote {
  /** Says why they may decide it and that the decision is flagged as self-approved. */
  readonly explanation: string;
  readonly label: string;
}

export interface DecisionFormProps {
  readonly proposal: Proposal;
  readonly minRationaleChars: number;
  readonly decide: (request: DecideRequest) => Promise<CallResult<unknown>>;
  readonly onDecided: (verdict: Verdict) => void;
  /** Offered when someone else changed the proposal first: load it again to see what changed. */
  readonly onReload: () => void;
  readonly reassessment?: ReactNode;
  /** Names the form for screen readers where several are on one page (the gadget's queue). */
  readonly label?: string;
  /** One below the heading of the proposal the form belongs to. */
  readonly headingLevel?: 4 | 5;
  readonly selfDecision?: SelfDecisionNote;
  /** Offered when the proposal does not make room itself: the Product Owner may approve on a condition. */
  readonly conditionChoices?: ConditionChoices;
  /** Told of the condition as it is picked, so the caller can show the sprint with it. */
  readonly onConditionChange?: (condition: CounterChange | null) => void;
}

export function DecisionForm({
  proposal,
  minRationaleChars,
  decide,
  onDecided,
  onReload,
  reassessment,
  label,
  headingLevel = 4,
  selfDecision,
  conditionChoices,
  onConditionChange,
}: DecisionFormProps) {
  const { t } = useProposalPartI18n();
  const Heading = `h${headingLevel}` as const;
  const [rationale, setRationale] = useState('');
  const [note, setNote] = useState('');
  const [conditionDraft, setConditionDraft] = useState<ConditionDraft>(NO_CONDITION);
  const condition = conditionChoices && !proposal.counterChange ? conditionOf(conditionDraft) : null;
  const conditionKey = JSON.stringify(condition);
  useEffect(() => {
    onConditionChange?.(condition);
  }, [conditionKey]);
  const [deciding, setDeciding] = useState<Verdict | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const blocked =
    !isRationaleLongEnough(rationale, minRationaleChars) ||
    (selfDecision !== undefined && !isRationaleLongEnough(note, minRationaleChars)) ||
    deciding !== null;

  async function send(verdict: Verdict) {
    setDeciding(verdict);
    setError(null);
    const result = await decide({
      proposalId: proposal.id,
      verdict,
      rationale,
      expectedVersion: proposal.version,
      ...(selfDecision ? { selfDecisionNote: note } : {}),
      ...(verdict === 'approve' && condition ? { condition } : {}),
    });
    setDeciding(null);
    if (result.ok) onDecided(verdict);
    else setError(result.error);
  }

  return (
    <section className="gk-decision gk-stack" aria-label={label ?? t('shared.decision.heading')}>
      <Heading>{t('shared.decision.heading')}</Heading>
      {reassessment}
      {error && <ErrorBanner error={error} onRetry={error.code === 'conflict' ? onReload : undefined} retryLabel={t('shared.reload')} />}
      <RationaleField label={t('shared.decision.rationale')} value={rationale} minChars={minRationaleChars} onChange={setRationale} />
      {selfDecision && (
        <>
          <p className="gk-small">{selfDecision.explanation}</p>
          <RationaleField label={selfDecision.label} value={note} minChars={minRationaleChars} onChange={setNote} />
        </>
      )}
      {conditionChoices && !proposal.counterChange && (
        <ConditionPicker choices={conditionChoices} draft={conditionDraft} onChange={setConditionDraft} />
      )}
      <div className="gk-row">
        <Button
          appearance="primary"
          disabled={blocked || (conditionDraft.on && !condition)}
          busy={deciding === 'approve'}
          onClick={() => void send('approve')}
        >
          {t(condition ? 'shared.decision.approveOnCondition' : 'shared.decision.approve')}
        </Button>
        <Button appearance="danger" disabled={blocked} busy={deciding === 'reject'} onClick={() => void send('reject')}>
          {t('shared.decision.reject')}
        </Button>
      </div>
    </section>
  );
}
