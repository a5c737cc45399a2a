/**
 * What the team can do for the rest of the sprint (issue 13): the share of its usual capacity
 * available and whole working days off. Saved per sprint; every assessment of the sprint then
 * forecasts with it. The backend decides who may set it (Schedule issues in the project).
 */
import { useState, type FormEvent } from 'react';
import type { ReadySprintView } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { Field } from '../../../shared/components/Field';
import type { CallError } from '../../../shared/resolver-client';
import { useGadgetI18n } from '../messages/catalogue';
import type { SprintViewActions } from '../use-sprint-view';

export interface RestOfSprintCapacityProps {
  readonly state: ReadySprintView;
  readonly setCapacity: SprintViewActions['setCapacity'];
  readonly onSaved: (announcement: string) => void;
}

export function RestOfSprintCapacity({ state, setCapacity, onSaved }: RestOfSprintCapacityProps) {
  const { t, formatPercent } = useGadgetI18n();
  const declared = state.capacity;
  const [availability, setAvailability] = useState(String(Math.round((declared?.availability ?? 1) * 100)));
  const [daysOff, setDaysOff] = useState(String(declared?.daysOff ?? 0));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const percent = Number(availability);
  const days = Number(daysOff);
  const percentError =
    availability.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100 ? t('capacity.availability.invalid') : null;
  const daysError = daysOff.trim() === '' || !Number.isInteger(days) || days < 0 || days > 30 ? t('capacity.daysOff.invalid') : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (percentError || daysError) return;
    setSaving(true);
    setError(null);
    const result = await setCapacity({ boardId: state.board.id, sprintId: state.sprint.id, availability: percent / 100, daysOff: days });
    setSaving(false);
    if (result.ok) onSaved(t('capacity.saved', { availability: formatPercent(result.value.availability), count: result.value.daysOff }));
    else setError(result.error);
  }

  return (
    <section className="gk-section" aria-labelledby="gk-capacity-input-heading">
      <h3 id="gk-capacity-input-heading">{t('capacity.input.heading')}</h3>
      <p className="gk-small">
        {declared
          ? t('capacity.declared', { availability: formatPercent(declared.availability), count: declared.daysOff })
          : t('capacity.usual')}
      </p>
      {error && <ErrorBanner error={error} />}
      <form className="gk-row gk-capacity-form" onSubmit={save} noValidate>
        <StepperField
          label={t('capacity.availability')}
          hint={t('capacity.availability.hint')}
          error={percentError}
          bounds={{ min: 0, max: 100, step: 5 }}
          value={availability}
          onChange={setAvailability}
        />
        <StepperField
          label={t('capacity.daysOff')}
          hint={t('capacity.daysOff.hint')}
          error={daysError}
          bounds={{ min: 0, max: 30, step: 1 }}
          value={daysOff}
          onChange={setDaysOff}
        />
        <Button type="submit" busy={saving} disabled={percentError !== null || daysError !== null}>
          {t('capacity.save')}
        </Button>
      </form>
    </section>
  );
}

interface StepperFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly error: string | null;
  /** What the browser's arrows step through; the form checks the typed value itself and says what is wrong. */
  readonly bounds: { readonly min: number; readonly max: number; readonly step: number };
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A number box with arrows; what was typed is kept as text so that a wrong value stays on screen to correct. */
function StepperField({ label, hint, error, bounds, value, onChange }: StepperFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="gk-input"
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={bounds.step}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
