/** How many proposals one person may have waiting for a decision in one sprint (issue 14: flooding). */
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import { SETTINGS_BOUNDS } from '../settings-draft';
import type { FieldErrors } from './field-errors';

export interface OpenProposalLimitFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly errors: FieldErrors;
}

export function OpenProposalLimitField({ value, onChange, errors }: OpenProposalLimitFieldProps) {
  const { t } = useSettingsI18n();
  return (
    <Field
      label={t('field.openProposalsPerPerson')}
      hint={t('form.openProposalsPerPerson.hint', SETTINGS_BOUNDS.openProposalsPerPerson)}
      error={errors['openProposalsPerPerson']}
    >
      {(control) => (
        <input
          {...control}
          className="gk-input gk-input--short"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
