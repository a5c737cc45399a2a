/** The rule that makes an issue goal-critical: labels, epics, flagged issues and JQL; for the project or one board. */
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import type { GoalRuleDraft } from '../settings-draft';
import type { FieldErrors } from './field-errors';

/** The parts of the rule typed as a list of words or issue keys, in the order the form shows them. */
const LIST_RULES = ['labels', 'epicKeys', 'flaggedIssueKeys'] as const satisfies readonly (keyof GoalRuleDraft)[];

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
      {LIST_RULES.map((name) => (
        <Field key={name} label={t(`field.goalCritical.${name}`)} hint={t(`form.${name}.hint`)} error={errors[`${path}.${name}`]}>
          {(control) => (
            <input
              {...control}
              className="gk-input"
              autoComplete="off"
              spellCheck={false}
              value={rule[name]}
              onChange={(event) => update({ [name]: event.target.value })}
            />
          )}
        </Field>
      ))}
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
