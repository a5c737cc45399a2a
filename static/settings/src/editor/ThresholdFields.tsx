/** The four risk thresholds, typed as percentages; for the project or one board. */
import { useSettingsI18n } from '../messages/catalogue';
import { settingLabel } from '../setting-wording';
import { THRESHOLD_NAMES, type ThresholdsDraft } from '../settings-draft';
import type { FieldErrors } from './field-errors';
import { NumberField } from './NumberField';

export interface ThresholdFieldsProps {
  /** Settings path of the thresholds: `thresholds` or `boardOverrides.<id>.thresholds`. */
  readonly path: string;
  readonly thresholds: ThresholdsDraft;
  readonly onChange: (thresholds: ThresholdsDraft) => void;
  readonly errors: FieldErrors;
}

export function ThresholdFields({ path, thresholds, onChange, errors }: ThresholdFieldsProps) {
  const translator = useSettingsI18n();
  return (
    <div className="gk-settings-grid">
      {THRESHOLD_NAMES.map((name) => (
        <NumberField
          key={name}
          label={translator.t('form.inPercent', { label: settingLabel(translator, `thresholds.${name}`) })}
          error={errors[`${path}.${name}`]}
          inputMode="decimal"
          value={thresholds[name]}
          onChange={(value) => onChange({ ...thresholds, [name]: value })}
        />
      ))}
    </div>
  );
}
