/**
 * Propose a change: the kind (only those that make sense for this issue now), its fields, the
 * reason, and the goal assessment updating live as the change takes shape. A change the
 * assessment calls a threat can only be submitted once the proposer says they understand.
 * Whatever was typed stays in the form until it is submitted or cancelled.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChangeKind, CounterChange, IssuePanelState, Proposal, ReasonCategory, Suggestion } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import { Icon } from '../../../shared/components/icons';
import type { CallError } from '../../../shared/resolver-client';
import { KIND_LABELS, REASON_LABELS } from '../../../shared/proposal-wording';
import { usePanelI18n } from '../messages/catalogue';
import type { PanelActions } from '../use-issue-panel';
import { describeApprovalReason, describeCounterChange } from '../../../shared/assessment-wording';
import { approvalRouteFor } from './approval-hint';
import { AssessmentView, type SuggestionAction } from './AssessmentView';
import { ChangeFields } from './ChangeFields';
import { REASON_RULE, useTextLimitHint } from '../../../shared/components/RationaleField';
import { emptyDraft, formFieldOf, readDraft, readReason, type ChangeDraft, type FormField, type ReasonDraft } from './change-draft';
import { useLiveAssessment } from './use-live-assessment';

export interface ProposalFormProps {
  readonly state: IssuePanelState;
  readonly actions: Pick<PanelActions, 'preview' | 'create' | 'allowedPriorities'>;
  readonly onSubmitted: (proposal: Proposal) => void;
  readonly onCancel: () => void;
  readonly previewDelayMs?: number;
  /** A fresh idempotency key (the backend accepts 1–64 letters, digits and dashes). */
  readonly mintKey?: () => string;
}

export function ProposalForm({
  state,
  actions,
  onSubmitted,
  onCancel,
  previewDelayMs,
  mintKey = () => crypto.randomUUID(),
}: ProposalFormProps) {
  const translator = usePanelI18n();
  const { t } = translator;
  const [draft, setDraft] = useState<ChangeDraft>(emptyDraft);
  const [reason, setReason] = useState<ReasonDraft>({ category: '', text: '' });
  // Acknowledgements belong to one change: edit the change and the question is asked again.
  const [acknowledgedChange, setAcknowledgedChange] = useState<string | null>(null);
  const [threatReportedFor, setThreatReportedFor] = useState<string | null>(null);
  // Work picked from a suggestion to make room belongs to one change, like an acknowledgement.
  const [room, setRoom] = useState<{ readonly forChange: string; readonly counter: CounterChange } | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [submitError, setSubmitError] = useState<CallError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  // One key for this proposal until it is saved: a resubmit after a lost answer cannot duplicate it.
  const idempotencyKey = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);

  const reading = readDraft(draft);
  const change = reading.complete ? reading.change : null;
  const changeKey = JSON.stringify(change);
  const counterChange = room && room.forChange === changeKey ? room.counter : null;
  const live = useLiveAssessment(change, actions.preview, previewDelayMs, counterChange);
  // The acknowledgement is of the change as proposed: with the work it makes room with.
  const proposedKey = changeKey + JSON.stringify(counterChange);
  const threatens = (live.phase === 'ready' && live.assessment?.level === 'threat') || threatReportedFor === proposedKey;
  const acknowledged = acknowledgedChange === proposedKey;
  const missing: FormField[] = [...(reading.complete ? [] : reading.missing), ...readReason(reason)];
  const reasonHint = useTextLimitHint(reason.text, REASON_RULE);

  useEffect(() => {
    kindSelect.current?.focus();
  }, []);
  useEffect(() => {
    if (invalidSubmits > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidSubmits]);

  const errors: Partial<Record<FormField, string>> = {};
  // The backend describes a field either in a sentence (schema messages) or with a code such as
  // 'too-short'; codes are for programs, so people get a general hint beside the banner's message.
  for (const [path, message] of Object.entries(submitError?.fields ?? {})) {
    const field = formFieldOf(path);
    if (field) errors[field] = message.includes(' ') ? message : t('form.checkField');
  }
  if (showMissing) {
    for (const field of missing) errors[field] = field.endsWith('points') ? t('form.pointsInvalid') : t('form.required');
  }

  const update = (changes: Partial<ChangeDraft>) => setDraft((previous) => ({ ...previous, ...changes }));

  const actionsFor = (suggestion: Suggestion): SuggestionAction[] => {
    const fold = (changes: Partial<ChangeDraft>) => () => {
      update(changes);
      kindSelect.current?.focus();
    };
    const makeRoom = (counter: CounterChange): SuggestionAction => ({
      label: t('assessment.chip.makeRoom'),
      apply: () => setRoom({ forChange: changeKey, counter }),
    });
    const picked = (counter: CounterChange) => JSON.stringify(counter) === JSON.stringify(counterChange);
    switch (suggestion.kind) {
      case 'defer-to-make-room': {
        const counter: CounterChange = { kind: 'defer', issueKeys: suggestion.issueKeys };
        const swaps =
          (draft.kind === 'add' || draft.kind === 'swap') && state.availableKinds.includes('swap')
            ? suggestion.issueKeys
                .filter((key) => !(draft.kind === 'swap' && draft.outIssueKey === key))
                .map((key) => ({ label: t('assessment.chip.swapOut', { key }), apply: fold({ kind: 'swap', outIssueKey: key }) }))
            : [];
        return [...(picked(counter) ? [] : [makeRoom(counter)]), ...swaps];
      }
      case 'rank-below-goal': {
        const counter: CounterChange = { kind: 'rank-below-goal', issueKeys: suggestion.issueKeys };
        return picked(counter) ? [] : [makeRoom(counter)];
      }
      case 'split':
        if (suggestion.issueKey !== state.issue.key || draft.kind === 'split' || !state.availableKinds.includes('split')) return [];
        return [{ label: t('assessment.chip.split'), apply: fold({ kind: 'split' }) }];
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!change || missing.length > 0) {
      setShowMissing(true);
      setInvalidSubmits((count) => count + 1);
      return;
    }
    if (threatens && !acknowledged) return;
    idempotencyKey.current ??= mintKey();
    setSubmitting(true);
    setSubmitError(null);
    const result = await actions.create({
      change,
      reason: { category: reason.category as ReasonCategory, text: reason.text },
      acknowledgeThreat: acknowledged,
      ...(counterChange ? { counterChange } : {}),
      idempotencyKey: idempotencyKey.current,
    });
    setSubmitting(false);
    if (result.ok) {
      onSubmitted(result.value);
      return;
    }
    if (result.error.fields?.acknowledgeThreat) setThreatReportedFor(proposedKey);
    setSubmitError(result.error);
  }

  const route = draft.kind === '' ? null : approvalRouteFor(draft.kind, live, state.approvalByKind);
  const approvalHint = route ? describeApprovalReason(translator, route.because) : t('form.kind.hint');

  return (
    <form ref={form} className="gk-card gk-stack" onSubmit={submit} noValidate aria-labelledby="gk-propose-heading">
      <h2 id="gk-propose-heading">{t('form.heading', { key: state.issue.key })}</h2>
      {submitError && <ErrorBanner error={submitError} />}
      <Field label={t('form.kind')} hint={approvalHint} error={errors.kind}>
        {(control) => (
          <select
            {...control}
            ref={kindSelect}
            className="gk-input"
            value={draft.kind}
            onChange={(event) => update({ kind: event.target.value as ChangeKind | '' })}
          >
            <option value="">{t('form.pickKind')}</option>
            {state.availableKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABELS[kind])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChangeFields draft={draft} onChange={update} state={state} errors={errors} loadPriorities={actions.allowedPriorities} />
      <Field label={t('form.reasonCategory')} error={errors.reasonCategory}>
        {(control) => (
          <select
            {...control}
            className="gk-input"
            value={reason.category}
            onChange={(event) => setReason({ ...reason, category: event.target.value as ReasonCategory | '' })}
          >
            <option value="">{t('form.pickReason')}</option>
            {Object.entries(REASON_LABELS).map(([category, label]) => (
              <option key={category} value={category}>
                {t(label)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.why')} hint={`${t('form.why.hint')} ${reasonHint}`} error={errors.reasonText}>
        {(control) => (
          <textarea
            {...control}
            className="gk-input"
            value={reason.text}
            onChange={(event) => setReason({ ...reason, text: event.target.value })}
          />
        )}
      </Field>
      {counterChange && (
        <div className="gk-banner gk-banner--info gk-row" role="group" aria-label={t('form.room.heading')}>
          <span>
            <strong>{t('form.room.heading')}:</strong> {describeCounterChange(translator, counterChange)}
          </span>
          <Button appearance="subtle" onClick={() => setRoom(null)}>
            {t('form.room.remove')}
          </Button>
        </div>
      )}
      <AssessmentView live={live} actionsFor={actionsFor} />
      {threatens && (
        <div className="gk-banner gk-banner--warning">
          <Icon name="caution" className="gk-banner__icon" />
          <label className="gk-checkbox">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(event) => setAcknowledgedChange(event.target.checked ? proposedKey : null)}
              aria-invalid={errors.acknowledgeThreat ? true : undefined}
            />
            <span>{t('form.acknowledgeThreat')}</span>
          </label>
        </div>
      )}
      <div className="gk-row">
        <Button
          type="submit"
          appearance="primary"
          busy={submitting}
          disabled={threatens && !acknowledged}
          aria-describedby={threatens && !acknowledged ? 'gk-submit-blocked' : undefined}
        >
          {t('form.submit')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        {threatens && !acknowledged && (
          <span id="gk-submit-blocked" className="gk-small">
            {t('form.acknowledgeFirst')}
          </span>
        )}
      </div>
    </form>
  );
}
