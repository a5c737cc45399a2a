/**
 * The settings form's state: what the admin has typed, kept as typed (numbers and lists stay text,
 * so nothing is reformatted or lost while they edit), and the reading of it as the
 * `EditableSettings` that `saveProjectSettings` accepts. The checks here are shape and bounds only,
 * mirroring `editableSettingsSchema` (src/contract/payload-schemas.ts) so a problem shows beside its
 * field before a round trip; the backend still judges (JQL, roles, permissions).
 *
 * Problems and errors are keyed by the setting's payload path (`goalCritical.jql`,
 * `boardOverrides.1.thresholds.threatBelow`), the same paths the backend names in its field errors.
 */
import {
  type ApprovalRequirement,
  type BoardOverride,
  type ChangeKind,
  type EditableSettings,
  type GoalCriticalRule,
  openProposalLimitOf,
  type PolicyEditors,
  policyEditorsOf,
  type ProjectSettings,
  type RiskThresholds,
  type SoleProductOwnerRule,
  soleProductOwnerRuleOf,
  type WorkingDays,
} from '@goalkeeper/contract';
import { percentText, probabilityFromPercent } from './percent-text';

/** The bounds of `editableSettingsSchema` (src/contract/payload-schemas.ts). */
export const SETTINGS_BOUNDS = {
  labels: 20,
  labelChars: 255,
  epicKeys: 50,
  flaggedIssueKeys: 200,
  jqlChars: 2_000,
  accountIds: 20,
  minRationaleChars: { min: 1, max: 500 },
  historySprints: { min: 1, max: 20 },
  /** RETENTION_MIN_DAYS and RETENTION_MAX_DAYS (src/domain/settings.ts). */
  retentionDays: { min: 30, max: 3_650 },
  /** OPEN_PROPOSALS_PER_PERSON_MIN and _MAX (src/domain/settings.ts). */
  openProposalsPerPerson: { min: 1, max: 100 },
  boardOverrides: 50,
} as const;

/** Jira issue keys, as `issueKeySchema` accepts them. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,14}$/;

export const THRESHOLD_NAMES = [
  'threatBelow',
  'threatDrop',
  'cautionBelow',
  'cautionDrop',
] as const satisfies readonly (keyof RiskThresholds)[];

export interface GoalRuleDraft {
  readonly labels: string;
  readonly epicKeys: string;
  readonly flaggedIssueKeys: string;
  readonly jql: string;
}

/** Each threshold as the percentage typed. */
export type ThresholdsDraft = Readonly<Record<keyof RiskThresholds, string>>;

/** A board's override; a part that is null follows the project. */
export interface BoardOverrideDraft {
  readonly boardId: string;
  readonly goalCritical: GoalRuleDraft | null;
  readonly thresholds: ThresholdsDraft | null;
  readonly workingDays: WorkingDays | null;
  readonly historySprints: string | null;
}

export type OverridePart = Exclude<keyof BoardOverrideDraft, 'boardId'>;
export const OVERRIDE_PARTS = ['goalCritical', 'thresholds', 'workingDays', 'historySprints'] as const satisfies readonly OverridePart[];

export interface SettingsDraft {
  /** '' means no role: only the named people are Product Owners. */
  readonly productOwners: { readonly roleName: string; readonly accountIds: readonly string[] };
  readonly policy: {
    readonly byKind: Readonly<Record<ChangeKind, ApprovalRequirement>>;
    readonly goalCriticalRerankNeedsProductOwner: boolean;
    /** A change assessed as a threat waits for a Product Owner whatever its kind's rule (issue 13); absent in settings saved before it: on. */
    readonly threatNeedsProductOwner: boolean;
    readonly allowSelfApproval: boolean;
    readonly soleProductOwner: SoleProductOwnerRule;
    readonly minRationaleChars: string;
  };
  readonly policyEditors: PolicyEditors;
  readonly goalCritical: GoalRuleDraft;
  readonly thresholds: ThresholdsDraft;
  readonly workingDays: WorkingDays;
  readonly historySprints: string;
  readonly commentOnDecision: boolean;
  /** '' means keep a closed sprint's records while Goalkeeper is installed. */
  readonly retentionDays: string;
  readonly openProposalsPerPerson: string;
  readonly boardOverrides: readonly BoardOverrideDraft[];
}

export type Problem =
  | { readonly code: 'whole-number'; readonly min: number; readonly max: number }
  | { readonly code: 'percent' }
  | { readonly code: 'issue-keys'; readonly invalid: readonly string[] }
  | { readonly code: 'label-too-long'; readonly max: number }
  | { readonly code: 'too-many'; readonly max: number }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'no-working-day' }
  | { readonly code: 'empty-override' };

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };
export type DraftReading =
  { readonly ok: true; readonly settings: EditableSettings } | { readonly ok: false; readonly problems: Readonly<Record<string, Problem>> };

const listText = (values: readonly string[]) => values.join(', ');

function goalRuleDraft(rule: GoalCriticalRule): GoalRuleDraft {
  return {
    labels: listText(rule.labels),
    epicKeys: listText(rule.epicKeys),
    flaggedIssueKeys: listText(rule.flaggedIssueKeys),
    jql: rule.jql ?? '',
  };
}

function thresholdsDraft(thresholds: RiskThresholds, locale: string): ThresholdsDraft {
  return {
    threatBelow: percentText(thresholds.threatBelow, locale),
    threatDrop: percentText(thresholds.threatDrop, locale),
    cautionBelow: percentText(thresholds.cautionBelow, locale),
    cautionDrop: percentText(thresholds.cautionDrop, locale),
  };
}

function overrideDraft(boardId: string, override: BoardOverride, locale: string): BoardOverrideDraft {
  return {
    boardId,
    goalCritical: override.goalCritical ? goalRuleDraft(override.goalCritical) : null,
    thresholds: override.thresholds ? thresholdsDraft(override.thresholds, locale) : null,
    workingDays: override.workingDays ?? null,
    historySprints: override.historySprints === undefined ? null : String(override.historySprints),
  };
}

export function draftFromSettings(settings: ProjectSettings, locale: string): SettingsDraft {
  const { productOwners, policy } = settings;
  return {
    productOwners: { roleName: productOwners.roleName ?? '', accountIds: productOwners.accountIds },
    policy: {
      ...policy,
      threatNeedsProductOwner: policy.threatNeedsProductOwner !== false,
      soleProductOwner: soleProductOwnerRuleOf(policy),
      minRationaleChars: String(policy.minRationaleChars),
    },
    policyEditors: policyEditorsOf(settings),
    goalCritical: goalRuleDraft(settings.goalCritical),
    thresholds: thresholdsDraft(settings.thresholds, locale),
    workingDays: settings.workingDays,
    historySprints: String(settings.historySprints),
    commentOnDecision: settings.commentOnDecision,
    retentionDays: settings.retentionDays?.toString() ?? '',
    openProposalsPerPerson: String(openProposalLimitOf(settings)),
    boardOverrides: Object.entries(settings.boardOverrides)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([boardId, override]) => overrideDraft(boardId, override, locale)),
  };
}

/** A new override for a board: nothing overridden yet, so the board still follows the project. */
export function emptyOverride(boardId: string): BoardOverrideDraft {
  return { boardId, goalCritical: null, thresholds: null, workingDays: null, historySprints: null };
}

/** Turns on one part of a board's override, starting from what the project form holds now. */
export function overridePartFrom<P extends OverridePart>(draft: SettingsDraft, part: P): NonNullable<BoardOverrideDraft[P]> {
  const parts: { readonly [Q in OverridePart]: NonNullable<BoardOverrideDraft[Q]> } = {
    goalCritical: draft.goalCritical,
    thresholds: draft.thresholds,
    workingDays: draft.workingDays,
    historySprints: draft.historySprints,
  };
  return parts[part];
}

const valid = <T>(value: T): Reading<T> => ({ ok: true, value });
const invalid = <T>(problem: Problem): Reading<T> => ({ ok: false, problem });

/** Labels and issue keys are typed as one text, separated by spaces, commas or semicolons. */
function listItems(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

function readWholeNumber(text: string, { min, max }: { readonly min: number; readonly max: number }): Reading<number> {
  const typed = text.trim();
  const value = Number(typed);
  return /^\d+$/.test(typed) && value >= min && value <= max ? valid(value) : invalid({ code: 'whole-number', min, max });
}

/** Empty keeps the records while Goalkeeper is installed (null); otherwise whole days within bounds. */
function readRetentionDays(text: string): Reading<number | null> {
  return text.trim() === '' ? valid(null) : readWholeNumber(text, SETTINGS_BOUNDS.retentionDays);
}

function readPercent(text: string): Reading<number> {
  const probability = probabilityFromPercent(text);
  return probability === null ? invalid({ code: 'percent' }) : valid(probability);
}

function readLabels(text: string): Reading<string[]> {
  const labels = listItems(text);
  if (labels.length > SETTINGS_BOUNDS.labels) return invalid({ code: 'too-many', max: SETTINGS_BOUNDS.labels });
  if (labels.some((label) => label.length > SETTINGS_BOUNDS.labelChars))
    return invalid({ code: 'label-too-long', max: SETTINGS_BOUNDS.labelChars });
  return valid(labels);
}

/** Issue keys are upper case in Jira; typing `onb-12` means ONB-12. */
function readIssueKeys(text: string, max: number): Reading<string[]> {
  const keys = listItems(text.toUpperCase());
  const notKeys = keys.filter((key) => !ISSUE_KEY.test(key));
  if (notKeys.length > 0) return invalid({ code: 'issue-keys', invalid: notKeys });
  return keys.length > max ? invalid({ code: 'too-many', max }) : valid(keys);
}

function readJql(text: string): Reading<string | null> {
  const jql = text.trim();
  if (jql.length > SETTINGS_BOUNDS.jqlChars) return invalid({ code: 'too-long', max: SETTINGS_BOUNDS.jqlChars });
  return valid(jql === '' ? null : jql);
}

function readWorkingDays(days: WorkingDays): Reading<number[]> {
  return days.length === 0 ? invalid({ code: 'no-working-day' }) : valid([...new Set(days)].sort());
}

/** Collects the problems of every field while still producing a complete value to build with. */
function problemCollector() {
  const problems: Record<string, Problem> = {};
  return {
    problems,
    take<T>(path: string, reading: Reading<T>, fallback: T): T {
      if (reading.ok) return reading.value;
      problems[path] = reading.problem;
      return fallback;
    },
  };
}

type Collector = ReturnType<typeof problemCollector>;

function readGoalRule(path: string, rule: GoalRuleDraft, { take }: Collector): GoalCriticalRule {
  return {
    labels: take(`${path}.labels`, readLabels(rule.labels), []),
    epicKeys: take(`${path}.epicKeys`, readIssueKeys(rule.epicKeys, SETTINGS_BOUNDS.epicKeys), []),
    flaggedIssueKeys: take(`${path}.flaggedIssueKeys`, readIssueKeys(rule.flaggedIssueKeys, SETTINGS_BOUNDS.flaggedIssueKeys), []),
    jql: take(`${path}.jql`, readJql(rule.jql), null),
  };
}

function readThresholds(path: string, thresholds: ThresholdsDraft, { take }: Collector): RiskThresholds {
  const read = (name: keyof RiskThresholds) => take(`${path}.${name}`, readPercent(thresholds[name]), 0);
  return {
    threatBelow: read('threatBelow'),
    threatDrop: read('threatDrop'),
    cautionBelow: read('cautionBelow'),
    cautionDrop: read('cautionDrop'),
  };
}

function readOverride(override: BoardOverrideDraft, collector: Collector): BoardOverride {
  const path = `boardOverrides.${override.boardId}`;
  const { take } = collector;
  if (OVERRIDE_PARTS.every((part) => override[part] === null)) collector.problems[path] = { code: 'empty-override' };
  return {
    ...(override.goalCritical && { goalCritical: readGoalRule(`${path}.goalCritical`, override.goalCritical, collector) }),
    ...(override.thresholds && { thresholds: readThresholds(`${path}.thresholds`, override.thresholds, collector) }),
    ...(override.workingDays && { workingDays: take(`${path}.workingDays`, readWorkingDays(override.workingDays), []) }),
    ...(override.historySprints !== null && {
      historySprints: take(`${path}.historySprints`, readWholeNumber(override.historySprints, SETTINGS_BOUNDS.historySprints), 0),
    }),
  };
}

export function readDraft(draft: SettingsDraft): DraftReading {
  const collector = problemCollector();
  const { take } = collector;
  const { productOwners, policy } = draft;
  const accountIds =
    productOwners.accountIds.length > SETTINGS_BOUNDS.accountIds
      ? invalid<string[]>({ code: 'too-many', max: SETTINGS_BOUNDS.accountIds })
      : valid(productOwners.accountIds);
  const settings: EditableSettings = {
    productOwners: {
      roleName: productOwners.roleName === '' ? null : productOwners.roleName,
      accountIds: take('productOwners.accountIds', accountIds, []),
    },
    policy: {
      ...policy,
      minRationaleChars: take('policy.minRationaleChars', readWholeNumber(policy.minRationaleChars, SETTINGS_BOUNDS.minRationaleChars), 0),
    },
    goalCritical: readGoalRule('goalCritical', draft.goalCritical, collector),
    thresholds: readThresholds('thresholds', draft.thresholds, collector),
    workingDays: take('workingDays', readWorkingDays(draft.workingDays), []),
    historySprints: take('historySprints', readWholeNumber(draft.historySprints, SETTINGS_BOUNDS.historySprints), 0),
    commentOnDecision: draft.commentOnDecision,
    retentionDays: take('retentionDays', readRetentionDays(draft.retentionDays), null),
    openProposalsPerPerson: take(
      'openProposalsPerPerson',
      readWholeNumber(draft.openProposalsPerPerson, SETTINGS_BOUNDS.openProposalsPerPerson),
      0,
    ),
    policyEditors: draft.policyEditors,
    boardOverrides: Object.fromEntries(draft.boardOverrides.map((override) => [override.boardId, readOverride(override, collector)])),
  };
  return Object.keys(collector.problems).length === 0 ? { ok: true, settings } : { ok: false, problems: collector.problems };
}

/** The lists whose items the backend names by index (`goalCritical.labels.3`); the form shows one field per list. */
const LIST_SETTINGS: ReadonlySet<string> = new Set(['labels', 'epicKeys', 'flaggedIssueKeys', 'accountIds', 'workingDays']);

/**
 * The form field a backend error path belongs to. Schema errors name the whole payload path
 * (`settings.goalCritical.labels.3`), the use case the settings path (`goalCritical.jql`).
 */
export function fieldOfErrorPath(payloadPath: string): string {
  const segments = payloadPath.replace(/^settings\./, '').split('.');
  return segments
    .filter((segment, index) => !(index > 0 && /^\d+$/.test(segment) && LIST_SETTINGS.has(segments[index - 1] ?? '')))
    .join('.');
}

const GOAL_RULE_FIELDS = ['labels', 'epicKeys', 'flaggedIssueKeys', 'jql'] as const satisfies readonly (keyof GoalRuleDraft)[];

/** Every field path the form shows for this draft, so an error for anything else is reported in words instead. */
export function fieldPathsOf(draft: SettingsDraft): string[] {
  const goalRule = (path: string) => GOAL_RULE_FIELDS.map((field) => `${path}.${field}`);
  const thresholds = (path: string) => THRESHOLD_NAMES.map((name) => `${path}.${name}`);
  const overrides = draft.boardOverrides.flatMap((override) => {
    const path = `boardOverrides.${override.boardId}`;
    return [
      path,
      ...(override.goalCritical ? goalRule(`${path}.goalCritical`) : []),
      ...(override.thresholds ? thresholds(`${path}.thresholds`) : []),
      ...(override.workingDays ? [`${path}.workingDays`] : []),
      ...(override.historySprints !== null ? [`${path}.historySprints`] : []),
    ];
  });
  return [
    'productOwners.roleName',
    'productOwners.accountIds',
    'policy.minRationaleChars',
    ...goalRule('goalCritical'),
    ...thresholds('thresholds'),
    'workingDays',
    'historySprints',
    'retentionDays',
    'openProposalsPerPerson',
    ...overrides,
  ];
}

/**
 * After someone else saved: the admin's own edits (where `mine` differs from `base`, the version
 * the form started from) on top of `theirs`. A setting the admin did not touch takes the newer
 * value, so saving does not quietly undo the other person's change; where both changed the same
 * setting, the admin's value stays (the page lists what the others changed).
 */
export function rebaseDraft(base: SettingsDraft, mine: SettingsDraft, theirs: SettingsDraft): SettingsDraft {
  const merged = mergeEdits(asTree(base), asTree(mine), asTree(theirs)) as DraftTree;
  return { ...merged, boardOverrides: Object.values(merged.boardOverrides).sort((a, b) => Number(a.boardId) - Number(b.boardId)) };
}

/**
 * Whether two drafts hold the same settings. Key order is not a difference: the backend answers a
 * save with its schema's key order (`byKind` in CHANGE_KINDS order), not the order the defaults had.
 */
export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The draft with board overrides keyed by board, so one board's edits merge with the same board's. */
type DraftTree = Omit<SettingsDraft, 'boardOverrides'> & { readonly boardOverrides: Readonly<Record<string, BoardOverrideDraft>> };

function asTree(draft: SettingsDraft): DraftTree {
  return { ...draft, boardOverrides: Object.fromEntries(draft.boardOverrides.map((override) => [override.boardId, override])) };
}

/** Three drafts of the same shape, merged setting by setting; lists and texts are single settings. */
function mergeEdits(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
    const merged: Record<string, unknown> = {};
    for (const key of keys) {
      const value = mergeEdits(base[key], mine[key], theirs[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  return JSON.stringify(mine) === JSON.stringify(base) ? theirs : mine;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
