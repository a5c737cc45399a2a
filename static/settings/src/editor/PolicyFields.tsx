/** The approval policy: per kind of change, whether it waits for a Product Owner; and how decisions are made. */
import type { ChangeKind } from '../../../../src/domain/change';
import type { ApprovalRequirement } from '../../../../src/domain/settings';
import { Field } from '../../../shared/components/Field';
import { KIND_LABELS } from '../../../shared/proposal-wording';
import { useSettingsI18n } from '../messages/catalogue';
import type { SettingsDraft } from '../settings-draft';
import { CheckboxField } from './CheckboxField';
import type { FieldErrors } from './field-errors';
import { SettingsSection } from './SettingsSection';

type PolicyDraft = SettingsDraft['policy'];

const REQUIREMENTS: readonly ApprovalRequirement[] = ['product-owner', 'auto'];
const KINDS = Object.keys(KIND_LABELS) as ChangeKind[];

export interface PolicyFieldsProps {
  readonly policy: PolicyDraft;
  readonly onChange: (policy: PolicyDraft) => void;
  readonly errors: FieldErrors;
}

export function PolicyFields({ policy, onChange, errors }: PolicyFieldsProps) {
  const { t } = useSettingsI18n();
  const update = (changes: Partial<PolicyDraft>) => onChange({ ...policy, ...changes });
  return (
    <SettingsSection title={t('group.policy')} headingLevel={3} hint={t('group.policy.hint')}>
      <div className="gk-settings-grid">
        {KINDS.map((kind) => (
          <Field key={kind} label={t(KIND_LABELS[kind])}>
            {(control) => (
              <select
                {...control}
                className="gk-input"
                value={policy.byKind[kind]}
                onChange={(event) => update({ byKind: { ...policy.byKind, [kind]: event.target.value as ApprovalRequirement } })}
              >
                {REQUIREMENTS.map((requirement) => (
                  <option key={requirement} value={requirement}>
                    {t(`value.requirement.${requirement}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <CheckboxField
        label={t('field.policy.goalCriticalRerankNeedsProductOwner')}
        checked={policy.goalCriticalRerankNeedsProductOwner}
        onChange={(checked) => update({ goalCriticalRerankNeedsProductOwner: checked })}
      />
      <CheckboxField label={t('field.policy.allowSelfApproval')} checked={policy.allowSelfApproval} onChange={(checked) => update({ allowSelfApproval: checked })} />
      <Field label={t('form.inCharacters', { label: t('field.policy.minRationaleChars') })} hint={t('form.minRationaleChars.hint')} error={errors['policy.minRationaleChars']}>
        {(control) => (
          <input {...control} className="gk-input gk-input--short" inputMode="numeric" autoComplete="off" value={policy.minRationaleChars} onChange={(event) => update({ minRationaleChars: event.target.value })} />
        )}
      </Field>
    </SettingsSection>
  );
}
