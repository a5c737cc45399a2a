/**
 * A rationale the team will read: a text area whose hint counts the characters against the
 * policy minimum ("4 of at least 10 characters"). The gate mirrors `validateRationale` in
 * src/domain/proposal.ts (the trimmed text must reach the minimum) so buttons can stay disabled
 * until it would pass; the backend checks again regardless.
 */
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
import { Field } from './Field';

export function rationaleLength(text: string): number {
  return text.trim().length;
}

export function isRationaleLongEnough(text: string, minChars: number): boolean {
  return rationaleLength(text) >= minChars;
}

export interface RationaleFieldProps {
  readonly label: string;
  readonly value: string;
  readonly minChars: number;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
}

export function RationaleField({ label, value, minChars, onChange, error }: RationaleFieldProps) {
  const { t } = useProposalPartI18n();
  const count = rationaleLength(value);
  const hint = count >= minChars ? t('shared.rationale.enough', { count }) : t('shared.rationale.short', { count, min: minChars });
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} className="gk-input" value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}
