/** The rule that makes an issue goal-critical: labels, epics, flagged issues and JQL; for the project or one board. */
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import type { GoalRuleDraft } from '../settings-draft';
import type { FieldErrors } from './field-errors';

export interface GoalRuleFieldsProps {
  /** Settings path of the rule: `goalCritical` or `boardOverrides.<id>.goalCritical`. */
  readonly path: string;
  readonly rule: GoalRuleDraft;
  readonly onChange: (rule: GoalRuleDraft) => void;
  readonly errors: FieldErrors;
}

export function GoalRuleFields({ path, rule, onChange, errors }: GoalRuleFieldsProps) {
  const { t } = useSettingsI18n();
  const update = (changes: Partial<GoalRuleDraft>) => onChange({ ...rule, ...changes });
  return (
    <>
      <Field label={t('field.goalCritical.labels')} hint={t('form.labels.hint')} error={errors[`${path}.labels`]}>
        {(control) => (
          <input
            {...control}
            className="gk-input"
            autoComplete="off"
            spellCheck={false}
            value={rule.labels}
            onChange={(event) => update({ labels: event.target.value })}
          />
        )}
      </Field>
      <Field label={t('field.goalCritical.epicKeys')} hint={t('form.epicKeys.hint')} error={errors[`${path}.epicKeys`]}>
        {(control) => (
          <input
            {...control}
            className="gk-input"
            autoComplete="off"
            spellCheck={false}
            value={rule.epicKeys}
            onChange={(event) => update({ epicKeys: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('field.goalCritical.flaggedIssueKeys')}
        hint={t('form.flaggedIssueKeys.hint')}
        error={errors[`${path}.flaggedIssueKeys`]}
      >
        {(control) => (
          <input
            {...control}
            className="gk-input"
            autoComplete="off"
            spellCheck={false}
            value={rule.flaggedIssueKeys}
            onChange={(event) => update({ flaggedIssueKeys: event.target.value })}
          />
        )}
      </Field>
      <Field label={t('field.goalCritical.jql')} hint={t('form.jql.hint')} error={errors[`${path}.jql`]}>
        {(control) => (
          <textarea
            {...control}
            className="gk-input gk-input--code"
            spellCheck={false}
            value={rule.jql}
            onChange={(event) => update({ jql: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
