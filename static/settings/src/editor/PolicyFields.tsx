/** The approval policy: per kind of change, whether it waits for a Product Owner; and how decisions are made. */
import {
  type ApprovalRequirement,
  type ChangeKind,
  POLICY_EDITORS,
  type PolicyEditors,
  SOLE_PRODUCT_OWNER_RULES,
  type SoleProductOwnerRule,
} from '@goalkeeper/contract';
import { Field } from '../../../shared/components/Field';
import { KIND_LABELS } from '../../../shared/proposal-wording';
import { useSettingsI18n } from '../messages/catalogue';
import type { SettingsDraft } from '../settings-draft';
import { CheckboxField } from './CheckboxField';
import type { FieldErrors } from './field-errors';
import { NumberField } from './NumberField';
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
      <CheckboxField
        label={t('field.policy.threatNeedsProductOwner')}
        checked={policy.threatNeedsProductOwner}
        onChange={(checked) => update({ threatNeedsProductOwner: checked })}
      />
      <CheckboxField
        label={t('field.policy.allowSelfApproval')}
        checked={policy.allowSelfApproval}
        onChange={(checked) => update({ allowSelfApproval: checked })}
      />
      {!policy.allowSelfApproval && (
        <Field label={t('field.policy.soleProductOwner')}>
          {(control) => (
            <select
              {...control}
              className="gk-input"
              value={policy.soleProductOwner}
              onChange={(event) => update({ soleProductOwner: event.target.value as SoleProductOwnerRule })}
            >
              {SOLE_PRODUCT_OWNER_RULES.map((rule) => (
                <option key={rule} value={rule}>
                  {t(`value.soleProductOwner.${rule}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <NumberField
        label={t('form.inCharacters', { label: t('field.policy.minRationaleChars') })}
        hint={t('form.minRationaleChars.hint')}
        error={errors['policy.minRationaleChars']}
        value={policy.minRationaleChars}
        onChange={(minRationaleChars) => update({ minRationaleChars })}
      />
    </SettingsSection>
  );
}

/** Who may change the approval policy: administrators always; the project's Product Owners when chosen. */
export function PolicyEditorsField({ value, onChange }: { value: PolicyEditors; onChange: (value: PolicyEditors) => void }) {
  const { t } = useSettingsI18n();
  return (
    <Field label={t('field.policyEditors')} hint={t('form.policyEditors.hint')}>
      {(control) => (
        <select {...control} className="gk-input" value={value} onChange={(event) => onChange(event.target.value as PolicyEditors)}>
          {POLICY_EDITORS.map((editors) => (
            <option key={editors} value={editors}>
              {t(`value.policyEditors.${editors}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
