/**
 * A rationale the team will read: a text area whose hint counts the visible characters against
 * the policy minimum ("4 of at least 10 visible characters") and says, while typing, what else
 * the text lacks (letters or digits, more than one repeated word). The gate is the backend's own
 * rule, src/domain/meaningful-text.ts, so buttons stay disabled until it would pass; the backend
 * checks again regardless.
 */
import {
  measureText,
  RATIONALE_MAX_CHARS,
  rationaleRule,
  REASON_MAX_CHARS,
  reasonRule,
  textProblem,
  type MeaningfulTextRule,
} from '@goalkeeper/contract';
import { useProposalPartI18n } from '../i18n/proposal-part-messages';
import { Field } from './Field';

export function isRationaleLongEnough(text: string, minChars: number): boolean {
  return textProblem(measureText(text), rationaleRule(minChars, RATIONALE_MAX_CHARS)) === null;
}

/** The rule a proposal's reason is held to, for the issue panel's live hint. */
export const REASON_RULE = reasonRule(REASON_MAX_CHARS);

/** The live hint under a text that must mean something: the count, and what is missing. */
export function useTextLimitHint(text: string, rule: MeaningfulTextRule): string {
  const { t } = useProposalPartI18n();
  const measure = measureText(text);
  switch (textProblem(measure, rule)) {
    case 'too-short':
      return t('shared.rationale.short', { count: measure.visible, min: rule.minVisible });
    case 'too-long':
      return t('shared.text.tooLong', { count: measure.text.length, max: rule.maxChars });
    case 'too-few-letters':
      return t('shared.text.fewLetters', { count: measure.visible, min: rule.minLettersOrDigits });
    case 'filler':
      return t('shared.text.filler');
    case null:
      return t('shared.rationale.enough', { count: measure.visible });
  }
}

export interface RationaleFieldProps {
  readonly label: string;
  readonly value: string;
  readonly minChars: number;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
}

export function RationaleField({ label, value, minChars, onChange, error }: RationaleFieldProps) {
  const hint = useTextLimitHint(value, rationaleRule(minChars, RATIONALE_MAX_CHARS));
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} className="gk-input" value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}
