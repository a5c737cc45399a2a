/** How many days after a sprint closed its records are deleted; empty keeps them while Goalkeeper is installed. */
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import { SETTINGS_BOUNDS } from '../settings-draft';
import type { FieldErrors } from './field-errors';

export interface RetentionDaysFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly errors: FieldErrors;
}

export function RetentionDaysField({ value, onChange, errors }: RetentionDaysFieldProps) {
  const { t } = useSettingsI18n();
  return (
    <Field
      label={t('field.retentionDays')}
      hint={t('form.retentionDays.hint', SETTINGS_BOUNDS.retentionDays)}
      error={errors['retentionDays']}
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
