/**
 * The Product Owner's decision on a proposal: a rationale the team will read (Approve and Reject
 * stay disabled until it is long enough, with a counter saying so) and the verdict, sent with
 * the proposal version the Product Owner saw so a decision on an outdated view is refused
 * (`conflict`) instead of silently winning. A failed decision keeps the rationale as typed.
 * What the sprint looks like now is the caller's to show (`reassessment`).
 */
import { useState, type ReactNode } from 'react';
import type { Proposal } from '../../../src/domain/proposal';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
import type { CallError, CallResult } from '../resolver-client';
import { Button } from './Button';
import { ErrorBanner } from './ErrorBanner';
import { isRationaleLongEnough, RationaleField } from './RationaleField';

export type Verdict = 'approve' | 'reject';

export interface DecideRequest {
  readonly proposalId: string;
  readonly verdict: Verdict;
  readonly rationale: string;
  readonly expectedVersion: number;
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
}

export function DecisionForm({ proposal, minRationaleChars, decide, onDecided, onReload, reassessment, label, headingLevel = 4 }: DecisionFormProps) {
  const { t } = useProposalPartI18n();
  const Heading = `h${headingLevel}` as const;
  const [rationale, setRationale] = useState('');
  const [deciding, setDeciding] = useState<Verdict | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const blocked = !isRationaleLongEnough(rationale, minRationaleChars) || deciding !== null;

  async function send(verdict: Verdict) {
    setDeciding(verdict);
    setError(null);
    const result = await decide({ proposalId: proposal.id, verdict, rationale, expectedVersion: proposal.version });
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
      <div className="gk-row">
        <Button appearance="primary" disabled={blocked} busy={deciding === 'approve'} onClick={() => void send('approve')}>
          {t('shared.decision.approve')}
        </Button>
        <Button appearance="danger" disabled={blocked} busy={deciding === 'reject'} onClick={() => void send('reject')}>
          {t('shared.decision.reject')}
        </Button>
      </div>
    </section>
  );
}
