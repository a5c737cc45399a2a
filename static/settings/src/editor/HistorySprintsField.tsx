/** How many closed sprints the forecast learns from; for the project or one board. */
import { useSettingsI18n } from '../messages/catalogue';
import type { FieldErrors } from './field-errors';
import { NumberField } from './NumberField';

export interface HistorySprintsFieldProps {
  /** Settings path: `historySprints` or `boardOverrides.<id>.historySprints`. */
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly errors: FieldErrors;
}

export function HistorySprintsField({ path, value, onChange, errors }: HistorySprintsFieldProps) {
  const { t } = useSettingsI18n();
  return (
    <NumberField
      label={t('field.historySprints')}
      hint={t('form.historySprints.hint')}
      error={errors[path]}
      value={value}
      onChange={onChange}
    />
  );
}
