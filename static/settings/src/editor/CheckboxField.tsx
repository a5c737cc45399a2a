/** One on/off setting: the box, its label, and a hint (and the error of its group, if any) read with it. */
import { useId, type Ref } from 'react';

export interface CheckboxFieldProps {
  readonly label: string;
  readonly hint?: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** The id of an error this box is part of (a group's "choose at least one"). */
  readonly errorId?: string;
  readonly ref?: Ref<HTMLInputElement>;
}

export function CheckboxField({ label, hint, checked, onChange, errorId, ref }: CheckboxFieldProps) {
  const hintId = useId();
  const describedBy = [hint ? hintId : undefined, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="gk-field">
      <label className="gk-checkbox">
        <input
          ref={ref}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy}
          aria-invalid={errorId ? true : undefined}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <div className="gk-field__hint gk-checkbox__hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}
