/** Picks one of the sprint's issues (rank target, swap partner), with what matters to the goal. */
import type { IssueSummaryView } from '@goalkeeper/contract';
import { Field } from '../../../shared/components/Field';
import { pointsLabel } from '../../../shared/proposal-wording';
import { usePanelI18n } from '../messages/catalogue';

export interface IssuePickerProps {
  readonly label: string;
  readonly issues: readonly IssueSummaryView[];
  readonly value: string;
  readonly onChange: (issueKey: string) => void;
  /** The proposal's own issue, never a partner of itself. */
  readonly excludeKey: string;
  readonly error?: string | null;
  readonly hint?: string;
}

export function IssuePicker({ label, issues, value, onChange, excludeKey, error, hint }: IssuePickerProps) {
  const translator = usePanelI18n();
  const { t } = translator;
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} className="gk-input" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('form.pickIssue')}</option>
          {issues
            .filter((issue) => issue.key !== excludeKey)
            .map((issue) => (
              <option key={issue.key} value={issue.key}>
                {[
                  issue.key,
                  issue.summary,
                  pointsLabel(translator, issue.points),
                  ...(issue.goalCritical ? [t('issue.goalCritical')] : []),
                ].join(' · ')}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}
