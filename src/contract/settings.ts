/** The project settings page's state and the settings' own rules (src/domain/settings.ts). */
export type { PersonFound } from '../app/ports';
export type { EditableSettings, SettingsPageState } from '../app/use-cases/project-settings';
export {
  DEFAULT_POLICY,
  DEFAULT_POLICY_EDITORS,
  DEFAULT_SETTINGS,
  DEFAULT_SOLE_PRODUCT_OWNER_RULE,
  POLICY_EDITORS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  SOLE_PRODUCT_OWNER_RULES,
  openProposalLimitOf,
  policyEditorsOf,
  soleProductOwnerRuleOf,
  type PolicyEditors,
  type SoleProductOwnerRule,
  type ApprovalPolicy,
  type ApprovalRequirement,
  type BoardOverride,
  type GoalCriticalRule,
  type ProjectSettings,
} from '../domain/settings';
/** The schema the settings resolver applies to the page's payload: the form's tests check their payloads against it. */
export { editableSettingsSchema } from './payload-schemas';
