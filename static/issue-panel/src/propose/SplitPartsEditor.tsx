/** The parts an issue is split into: a summary and points each, rows added and removed freely. */
import { useRef } from 'react';
import { Button } from '../../../shared/components/Button';
import { Field } from '../../../shared/components/Field';
import { usePanelI18n } from '../messages/catalogue';
import type { FormField, SplitPartDraft } from './change-draft';

/** A split needs two parts at least (the backend says so too); fewer rows are never offered. */
const MIN_PARTS = 2;

export interface SplitPartsEditorProps {
  readonly parts: readonly SplitPartDraft[];
  readonly onChange: (parts: readonly SplitPartDraft[]) => void;
  readonly errors: Partial<Record<FormField, string>>;
}

export function SplitPartsEditor({ parts, onChange, errors }: SplitPartsEditorProps) {
  const { t } = usePanelI18n();
  // A removed row takes its button with it; focus goes on to "Add part" rather than to nowhere.
  const addButton = useRef<HTMLButtonElement>(null);
  const update = (row: number, changes: Partial<SplitPartDraft>) =>
    onChange(parts.map((part) => (part.row === row ? { ...part, ...changes } : part)));
  const nextRow = Math.max(0, ...parts.map((part) => part.row)) + 1;
  return (
    <fieldset className="gk-fieldset">
      <legend>{t('form.split.legend')}</legend>
      {errors.parts && <div className="gk-field__error">{errors.parts}</div>}
      <ol className="gk-list gk-split-parts">
        {parts.map((part, index) => (
          <li key={part.row} className="gk-split-part">
            <Field label={t('form.split.summary', { number: index + 1 })} error={errors[`parts.${index}.summary`]}>
              {(control) => (
                <input
                  {...control}
                  className="gk-input"
                  value={part.summary}
                  onChange={(event) => update(part.row, { summary: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('form.split.points', { number: index + 1 })} error={errors[`parts.${index}.points`]}>
              {(control) => (
                <input
                  {...control}
                  className="gk-input gk-input--points"
                  inputMode="decimal"
                  value={part.points}
                  onChange={(event) => update(part.row, { points: event.target.value })}
                />
              )}
            </Field>
            {parts.length > MIN_PARTS && (
              <Button
                appearance="subtle"
                onClick={() => {
                  onChange(parts.filter((other) => other.row !== part.row));
                  addButton.current?.focus();
                }}
              >
                {t('form.split.remove', { number: index + 1 })}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <span>
        <Button ref={addButton} onClick={() => onChange([...parts, { row: nextRow, summary: '', points: '' }])}>
          {t('form.split.add')}
        </Button>
      </span>
    </fieldset>
  );
}
