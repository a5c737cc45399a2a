/**
 * After a sprint closes, Goalkeeper asks the Product Owner whether its goal was met: one prompt
 * per closed sprint still waiting for that verdict. Everyone else sees who is asked.
 */
import { useState, type FormEvent } from 'react';
import { type GoalOutcome, outcomeVersionOf, type SprintOutcome } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import type { CallError } from '../../../shared/resolver-client';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';
import { OUTCOME_LABELS, OUTCOMES } from './outcome-wording';

export interface OutcomeRecorder {
  readonly boardId: number;
  /** Who records outcomes; null where the state does not say (no active sprint): then the prompt is offered and the backend decides. */
  readonly decider: { readonly isProductOwner: boolean; readonly names: string };
  readonly record: SprintViewActions['recordOutcome'];
  readonly onRecorded: (announcement: string) => void;
}

export function OutcomePrompts({ outcomes, recorder }: { outcomes: readonly SprintOutcome[]; recorder: OutcomeRecorder }) {
  const { t } = useGadgetI18n();
  const waiting = outcomes.filter((outcome) => outcome.outcome === null).sort((a, b) => b.closedAt.localeCompare(a.closedAt));
  if (waiting.length === 0) return null;
  return (
    <section className="gk-section" aria-labelledby="gk-outcome-prompts-heading">
      <h3 id="gk-outcome-prompts-heading">{t('outcomePrompt.heading', { count: waiting.length })}</h3>
      <ul className="gk-list">
        {waiting.map((sprint) => (
          <OutcomePrompt key={sprint.sprintId} sprint={sprint} recorder={recorder} />
        ))}
      </ul>
    </section>
  );
}

function OutcomePrompt({ sprint, recorder }: { sprint: SprintOutcome; recorder: OutcomeRecorder }) {
  const { t, formatDate } = useGadgetI18n();
  const headingId = `gk-outcome-${sprint.sprintId}`;
  const { decider } = recorder;
  return (
    <li>
      <article className="gk-card" aria-labelledby={headingId}>
        <h4 id={headingId}>{t('outcomePrompt.question', { sprint: sprint.sprintName })}</h4>
        <p className="gk-small">{t('outcomePrompt.closed', { date: formatDate(sprint.closedAt) })}</p>
        <p>
          <span className="gk-muted">{t('header.goal')} </span>
          {sprint.goal ? <span className="gk-user-text">{sprint.goal}</span> : <em>{t('header.noGoal')}</em>}
        </p>
        {!decider.isProductOwner ? (
          <p className="gk-muted">{t('outcomePrompt.awaiting', { names: decider.names })}</p>
        ) : (
          <OutcomeForm sprint={sprint} recorder={recorder} />
        )}
      </article>
    </li>
  );
}

function OutcomeForm({ sprint, recorder }: { sprint: SprintOutcome; recorder: OutcomeRecorder }) {
  const { t } = useGadgetI18n();
  const [outcome, setOutcome] = useState<GoalOutcome | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (outcome === null) return;
    setSaving(true);
    setError(null);
    // The version shown: if another Product Owner recorded meanwhile, the answer is a conflict, not an overwrite.
    const result = await recorder.record({
      boardId: recorder.boardId,
      sprintId: sprint.sprintId,
      outcome,
      note,
      expectedVersion: outcomeVersionOf(sprint),
    });
    setSaving(false);
    if (result.ok) recorder.onRecorded(t('outcomePrompt.recorded', { sprint: sprint.sprintName, outcome: t(OUTCOME_LABELS[outcome]) }));
    else setError(result.error);
  }

  return (
    <form className="gk-stack" onSubmit={save} aria-label={t('outcomePrompt.question', { sprint: sprint.sprintName })}>
      {error && <ErrorBanner error={error} />}
      <fieldset className="gk-fieldset">
        <legend>{t('outcomePrompt.outcome')}</legend>
        <div className="gk-row">
          {OUTCOMES.map((value) => (
            <label key={value} className="gk-checkbox">
              <input
                type="radio"
                name={`outcome-${sprint.sprintId}`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              <span>{t(OUTCOME_LABELS[value])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('outcomePrompt.note')} hint={t('outcomePrompt.note.hint')}>
        {(control) => <textarea {...control} className="gk-input" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={outcome === null} busy={saving}>
          {t('outcomePrompt.save')}
        </Button>
      </div>
    </form>
  );
}
