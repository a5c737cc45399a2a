/** Working days as seven boxes, Monday first (ISO weekdays 1–7), named in the user's language. */
import { useId } from 'react';
import type { WorkingDays } from '@goalkeeper/contract';
import { useSettingsI18n } from '../messages/catalogue';
import { weekdayName } from '../setting-wording';
import type { FieldErrors } from './field-errors';
import { SettingsSection } from './SettingsSection';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface WorkingDaysFieldProps {
  /** Settings path: `workingDays` or `boardOverrides.<id>.workingDays`. */
  readonly path: string;
  readonly days: WorkingDays;
  readonly onChange: (days: WorkingDays) => void;
  readonly errors: FieldErrors;
  readonly headingLevel?: 3;
  readonly hint?: string;
}

export function WorkingDaysField({ path, days, onChange, errors, headingLevel, hint }: WorkingDaysFieldProps) {
  const { t, locale } = useSettingsI18n();
  const errorId = useId();
  const error = errors[path];
  const toggle = (day: number, on: boolean) => onChange(on ? [...days, day].sort() : days.filter((other) => other !== day));
  return (
    <SettingsSection title={t('field.workingDays')} headingLevel={headingLevel} hint={hint} error={error} errorId={errorId}>
      <div className="gk-row gk-weekdays">
        {ISO_WEEKDAYS.map((day) => (
          <label key={day} className="gk-checkbox">
            <input
              type="checkbox"
              checked={days.includes(day)}
              onChange={(event) => toggle(day, event.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            <span>{weekdayName(locale, day)}</span>
          </label>
        ))}
      </div>
    </SettingsSection>
  );
}
