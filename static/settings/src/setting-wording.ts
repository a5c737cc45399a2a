/**
 * How a setting reads wherever the page names it (the form's labels, the read-only summary, the
 * history): one label per settings path, and its value in words, in the user's language.
 */
import {
  type ApprovalRequirement,
  DEFAULT_POLICY_EDITORS,
  DEFAULT_SOLE_PRODUCT_OWNER_RULE,
  type PolicyEditors,
  type SettingsPageState,
  type SoleProductOwnerRule,
} from '@goalkeeper/contract';
import type { SharedKey } from '../../shared/i18n/shared-messages';
import { KIND_LABELS } from '../../shared/proposal-wording';
import type { SettingsTranslator } from './messages/catalogue';
import type { SettingsKey } from './messages/en';

type Boards = SettingsPageState['boards'];
type People = SettingsPageState['people'];

const GROUP_LABELS: Readonly<Record<string, SettingsKey>> = {
  productOwners: 'group.productOwners',
  policy: 'group.policy',
  goalCritical: 'group.goalCritical',
  thresholds: 'group.thresholds',
  boardOverrides: 'group.boardOverrides',
};

const FIELD_LABELS: Readonly<Record<string, SettingsKey | SharedKey>> = {
  'productOwners.roleName': 'field.productOwners.roleName',
  'productOwners.accountIds': 'field.productOwners.accountIds',
  ...Object.fromEntries(Object.entries(KIND_LABELS).map(([kind, label]) => [`policy.byKind.${kind}`, label])),
  'policy.goalCriticalRerankNeedsProductOwner': 'field.policy.goalCriticalRerankNeedsProductOwner',
  'policy.threatNeedsProductOwner': 'field.policy.threatNeedsProductOwner',
  'policy.allowSelfApproval': 'field.policy.allowSelfApproval',
  'policy.soleProductOwner': 'field.policy.soleProductOwner',
  policyEditors: 'field.policyEditors',
  'policy.minRationaleChars': 'field.policy.minRationaleChars',
  'goalCritical.labels': 'field.goalCritical.labels',
  'goalCritical.epicKeys': 'field.goalCritical.epicKeys',
  'goalCritical.flaggedIssueKeys': 'field.goalCritical.flaggedIssueKeys',
  'goalCritical.jql': 'field.goalCritical.jql',
  'thresholds.threatBelow': 'field.thresholds.threatBelow',
  'thresholds.threatDrop': 'field.thresholds.threatDrop',
  'thresholds.cautionBelow': 'field.thresholds.cautionBelow',
  'thresholds.cautionDrop': 'field.thresholds.cautionDrop',
  workingDays: 'field.workingDays',
  historySprints: 'field.historySprints',
  commentOnDecision: 'field.commentOnDecision',
  retentionDays: 'field.retentionDays',
  openProposalsPerPerson: 'field.openProposalsPerPerson',
};

const BOARD_PATH = /^boardOverrides\.(\d+)(?:\.(.+))?$/;

/** The label of one setting (a path inside the project's or a board's settings). */
export function settingLabel({ t }: SettingsTranslator, path: string): string {
  const key = FIELD_LABELS[path] ?? GROUP_LABELS[path];
  return key ? t(key) : path;
}

export function boardName({ t }: SettingsTranslator, boards: Boards, boardId: string): string {
  return boards.find((board) => String(board.id) === boardId)?.name ?? t('override.unknownBoard', { id: boardId });
}

export function personName({ t }: SettingsTranslator, people: People, accountId: string): string {
  return people[accountId] ?? t('people.unknown');
}

/** Where a setting lives, in words: "Goal-critical issues › JQL", "Override for ONB board › Working days". */
export function describeSettingPath(translator: SettingsTranslator, path: string, boards: Boards): string {
  const board = BOARD_PATH.exec(path);
  if (board) {
    const heading = translator.t('override.heading', { board: boardName(translator, boards, board[1] ?? '') });
    return board[2] ? `${heading} › ${describeSettingPath(translator, board[2], boards)}` : heading;
  }
  const group = path.split('.')[0] ?? path;
  const label = settingLabel(translator, path);
  return group === path || !GROUP_LABELS[group] ? label : `${settingLabel(translator, group)} › ${label}`;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) in the user's language. */
export function weekdayName(locale: string, isoDay: number): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay)));
}

export function valueAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, segment) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined),
      root,
    );
}

/**
 * A setting's value in words. `path` is relative to the settings it was read from; a board's
 * part that is not there (undefined) follows the project.
 */
export function settingValueText(translator: SettingsTranslator, path: string, value: unknown, people: People): string {
  const { t, formatNumber, locale } = translator;
  const board = BOARD_PATH.exec(path);
  if (board)
    return board[2]
      ? settingValueText(translator, board[2], value, people)
      : value === undefined
        ? t('value.followsProject')
        : t('value.ownSettings');
  // Not a board setting: a version saved before retention existed (undefined) kept its records too.
  if (path === 'retentionDays') return typeof value === 'number' ? t('value.days', { count: value }) : t('value.keepWhileInstalled');
  // Settings saved before these existed have the defaults.
  if (path === 'policy.soleProductOwner')
    return t(`value.soleProductOwner.${(value as SoleProductOwnerRule | undefined) ?? DEFAULT_SOLE_PRODUCT_OWNER_RULE}`);
  if (path === 'policyEditors') return t(`value.policyEditors.${(value as PolicyEditors | undefined) ?? DEFAULT_POLICY_EDITORS}`);
  if (value === undefined) return t('value.followsProject');
  if (path.startsWith('policy.byKind.')) return t(`value.requirement.${value as ApprovalRequirement}`);
  if (path.startsWith('thresholds.') && typeof value === 'number')
    return formatNumber(value, { style: 'percent', maximumFractionDigits: 2 });
  switch (path) {
    case 'productOwners.roleName':
      return typeof value === 'string' ? value : t('value.noRole');
    case 'productOwners.accountIds':
      // People no longer named may be missing from `people`; their accountId says more than "unknown".
      return listText(
        translator,
        (value as readonly string[]).map((accountId) => people[accountId] ?? accountId),
      );
    case 'policy.minRationaleChars':
      return t('value.characters', { count: Number(value) });
    case 'workingDays':
      return listText(
        translator,
        (value as readonly number[]).map((day) => weekdayName(locale, day)),
      );
    case 'historySprints':
      return t('value.sprints', { count: Number(value) });
  }
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (Array.isArray(value)) return listText(translator, value.map(String));
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'object' && value !== null) return t('value.ownSettings');
  return t('value.none');
}

function listText({ t }: SettingsTranslator, items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : t('value.none');
}
