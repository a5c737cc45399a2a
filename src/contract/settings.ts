/** The project settings page's state and the settings' own rules (src/domain/settings.ts). */
export type { EditableSettings, SettingsPageState } from '../app/project-settings';
export {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  openProposalLimitOf,
  type ApprovalPolicy,
  type ApprovalRequirement,
  type BoardOverride,
  type GoalCriticalRule,
  type ProjectSettings,
} from '../domain/settings';
