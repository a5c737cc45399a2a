/**
 * The Product Owner's review of a change made around Goalkeeper: a note the team will read (the
 * same minimum as a decision's rationale, which the backend enforces too), then accept it, only
 * note it, or revert it (the revert becomes a proposal of the opposite change). A failed review
 * keeps the note as typed.
 */
import { useState } from 'react';
import type { BypassedChange, BypassReview } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { isRationaleLongEnough, RationaleField } from '../../../shared/components/RationaleField';
import type { CallError } from '../../../shared/resolver-client';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';

/** A review's verdict; 'reverted' comes with a proposal, from the revert action. */
type ReviewVerdict = Exclude<BypassReview['verdict'], 'reverted'>;

export interface BypassReviewFormProps {
  readonly change: BypassedChange;
  /** The change in words, to name the form among several. */
  readonly what: string;
  readonly minChars: number;
  readonly review: SprintViewActions['reviewBypassed'];
  /** Offered where Goalkeeper can tell what the change replaced (src/domain/bypass-revert.ts). */
  readonly revert: SprintViewActions['revertBypassed'] | null;
  readonly onReviewed: (announcement: string) => void;
}

export function BypassReviewForm({ change, what, minChars, review, revert, onReviewed }: BypassReviewFormProps) {
  const { t } = useGadgetI18n();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState<BypassReview['verdict'] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const blocked = !isRationaleLongEnough(note, minChars) || sending !== null;

  async function send(verdict: ReviewVerdict) {
    setSending(verdict);
    setError(null);
    const result = await review({ changeId: change.id, verdict, note });
    setSending(null);
    if (result.ok)
      onReviewed(
        verdict === 'accepted' ? t('bypassed.announce.accepted', { change: what }) : t('bypassed.announce.noted', { change: what }),
      );
    else setError(result.error);
  }

  async function sendRevert(undo: NonNullable<BypassReviewFormProps['revert']>) {
    setSending('reverted');
    setError(null);
    const result = await undo({ changeId: change.id, note });
    setSending(null);
    if (!result.ok) setError(result.error);
    else
      onReviewed(
        t(result.value.proposal.status === 'proposed' ? 'bypassed.announce.revertProposed' : 'bypassed.announce.reverted', {
          change: what,
        }),
      );
  }

  return (
    <section className="gk-decision gk-stack" aria-label={t('bypassed.reviewLabel', { change: what })}>
      <h5>{t('bypassed.reviewHeading')}</h5>
      {error && <ErrorBanner error={error} />}
      <RationaleField label={t('bypassed.note')} value={note} minChars={minChars} onChange={setNote} />
      <div className="gk-row">
        <Button appearance="primary" disabled={blocked} busy={sending === 'accepted'} onClick={() => void send('accepted')}>
          {t('bypassed.accept')}
        </Button>
        <Button disabled={blocked} busy={sending === 'noted'} onClick={() => void send('noted')}>
          {t('bypassed.noteOnly')}
        </Button>
        {revert && (
          <Button appearance="danger" disabled={blocked} busy={sending === 'reverted'} onClick={() => void sendRevert(revert)}>
            {t('bypassed.revert')}
          </Button>
        )}
      </div>
      {revert && <p className="gk-small">{t('bypassed.revert.hint')}</p>}
    </section>
  );
}
