/**
 * A short number box in a labelled field. The form keeps what was typed as text, so a half-typed or
 * wrong number stays on screen for the admin to correct; settings-draft reads and checks it on save.
 */
import type { ReactNode } from 'react';
import { Field } from '../../../shared/components/Field';

export interface NumberFieldProps {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** `decimal` where a fraction is allowed (percentages), so touch keyboards offer the separator. */
  readonly inputMode?: 'numeric' | 'decimal';
}

export function NumberField({ label, hint, error, value, onChange, inputMode = 'numeric' }: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="gk-input gk-input--short"
          inputMode={inputMode}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
