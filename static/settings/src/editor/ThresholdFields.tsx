/** The four risk thresholds, typed as percentages; for the project or one board. */
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import { settingLabel } from '../setting-wording';
import { THRESHOLD_NAMES, type ThresholdsDraft } from '../settings-draft';
import type { FieldErrors } from './field-errors';

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
        <Field
          key={name}
          label={translator.t('form.inPercent', { label: settingLabel(translator, `thresholds.${name}`) })}
          error={errors[`${path}.${name}`]}
        >
          {(control) => (
            <input
              {...control}
              className="gk-input gk-input--short"
              inputMode="decimal"
              autoComplete="off"
              value={thresholds[name]}
              onChange={(event) => onChange({ ...thresholds, [name]: event.target.value })}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
