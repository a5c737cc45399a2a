/**
 * Per-project settings (with per-board overrides). Defaults apply until an admin saves any.
 * Only accountIds are stored for people: never names or emails.
 */
import { DEFAULT_THRESHOLDS, DEFAULT_WORKING_DAYS, type RiskThresholds, type WorkingDays } from './assessment';
import type { ChangeKind } from './change';
import { RATIONALE_MIN_CHARS } from './text-limits';

export interface GoalCriticalRule {
  readonly labels: readonly string[];
  readonly epicKeys: readonly string[];
  /** Issue keys the PO flagged through Goalkeeper. */
  readonly flaggedIssueKeys: readonly string[];
  /** Extra JQL, validated by Jira's parser before it is saved. */
  readonly jql: string | null;
}

export type ApprovalRequirement = 'product-owner' | 'auto';

export interface ApprovalPolicy {
  readonly byKind: Readonly<Record<ChangeKind, ApprovalRequirement>>;
  /** A re-rank of a goal-critical item needs the PO even where re-ranks are auto-approved. */
  readonly goalCriticalRerankNeedsProductOwner: boolean;
  /**
   * A change assessed as a threat to the goal needs the PO whatever its kind's rule (issue 13).
   * Optional so settings saved before it existed keep working: absent means on.
   */
  readonly threatNeedsProductOwner?: boolean;
  readonly allowSelfApproval: boolean;
  /**
   * What happens when a Product Owner proposes a change and no other Product Owner is named
   * (issue 15: "another Product Owner decides it" was a dead end for a team's only PO). Optional
   * so settings saved before it existed keep working: read it with `soleProductOwnerRuleOf`.
   */
  readonly soleProductOwner?: SoleProductOwnerRule;
  readonly minRationaleChars: number;
}

/**
 * 'self-with-note': the only Product Owner decides their own proposal with a mandatory note, and
 * the decision is flagged as self-approved wherever it is shown; 'another-po': it waits until a
 * second Product Owner is named (the panel says where to name one).
 */
export const SOLE_PRODUCT_OWNER_RULES = ['self-with-note', 'another-po'] as const;
export type SoleProductOwnerRule = (typeof SOLE_PRODUCT_OWNER_RULES)[number];
export const DEFAULT_SOLE_PRODUCT_OWNER_RULE: SoleProductOwnerRule = 'self-with-note';

export function soleProductOwnerRuleOf(policy: ApprovalPolicy): SoleProductOwnerRule {
  return policy.soleProductOwner ?? DEFAULT_SOLE_PRODUCT_OWNER_RULE;
}

/**
 * Who may change the approval policy. Project administrators (and Jira administrators) always
 * may change every setting; with 'admins-and-product-owners' the project's Product Owners may
 * change the approval policy too (only the policy: who the Product Owners are and who may edit
 * stay with the administrators, so a Product Owner cannot widen their own powers).
 */
export const POLICY_EDITORS = ['admins', 'admins-and-product-owners'] as const;
export type PolicyEditors = (typeof POLICY_EDITORS)[number];
export const DEFAULT_POLICY_EDITORS: PolicyEditors = 'admins';

export function policyEditorsOf(settings: Pick<ProjectSettings, 'policyEditors'>): PolicyEditors {
  return settings.policyEditors ?? DEFAULT_POLICY_EDITORS;
}

export interface ProductOwners {
  /** Members of this project role are Product Owners (null: no role). */
  readonly roleName: string | null;
  readonly accountIds: readonly string[];
}

/** What a board may set differently from its project (boards can span teams with other habits). */
export interface BoardOverride {
  readonly goalCritical?: GoalCriticalRule;
  readonly thresholds?: RiskThresholds;
  readonly workingDays?: WorkingDays;
  readonly historySprints?: number;
}

export interface ProjectSettings {
  readonly version: number;
  readonly productOwners: ProductOwners;
  readonly policy: ApprovalPolicy;
  readonly goalCritical: GoalCriticalRule;
  readonly thresholds: RiskThresholds;
  readonly workingDays: WorkingDays;
  readonly historySprints: number;
  readonly commentOnDecision: boolean;
  /**
   * Days to keep the records of a closed sprint (proposals, audit trail, sprint records) after it
   * closed; null keeps them while the app is installed (the default).
   */
  readonly retentionDays: number | null;
  /**
   * Most proposals one person may have waiting for a decision in one sprint (issue 14: one
   * insider must not flood the queue). Settings saved before the limit existed lack it: read it
   * with `openProposalLimitOf`.
   */
  readonly openProposalsPerPerson: number;
  /** Who may change the approval policy (issue 15). Settings saved before it existed lack it: read it with `policyEditorsOf`. */
  readonly policyEditors?: PolicyEditors;
  /** Keyed by board id (as a string: storage keys and JSON object keys are strings). */
  readonly boardOverrides: Readonly<Record<string, BoardOverride>>;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export const DEFAULT_POLICY: ApprovalPolicy = {
  byKind: {
    add: 'product-owner',
    remove: 'product-owner',
    defer: 'product-owner',
    swap: 'product-owner',
    split: 'product-owner',
    rerank: 'auto',
    estimate: 'auto',
    priority: 'auto',
    tweak: 'auto',
  },
  goalCriticalRerankNeedsProductOwner: true,
  threatNeedsProductOwner: true,
  allowSelfApproval: false,
  soleProductOwner: DEFAULT_SOLE_PRODUCT_OWNER_RULE,
  minRationaleChars: RATIONALE_MIN_CHARS,
};

/** The per-person limit of waiting proposals: 10 by default (issue 14), and its bounds on the settings page. */
export const DEFAULT_OPEN_PROPOSALS_PER_PERSON = 10;
export const OPEN_PROPOSALS_PER_PERSON_MIN = 1;
export const OPEN_PROPOSALS_PER_PERSON_MAX = 100;

/** The limit in force; settings stored before it existed have none, and get the default. */
export function openProposalLimitOf(settings: Pick<ProjectSettings, 'openProposalsPerPerson'>): number {
  return (settings as Partial<Pick<ProjectSettings, 'openProposalsPerPerson'>>).openProposalsPerPerson ?? DEFAULT_OPEN_PROPOSALS_PER_PERSON;
}

/** Bounds on retention: a month at least (a sprint and its review), ten years at most. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3_650;

export const DEFAULT_GOAL_LABEL = 'sprint-goal';
export const DEFAULT_HISTORY_SPRINTS = 6;

export const DEFAULT_SETTINGS: ProjectSettings = {
  version: 0,
  productOwners: { roleName: 'Product Owner', accountIds: [] },
  policy: DEFAULT_POLICY,
  goalCritical: { labels: [DEFAULT_GOAL_LABEL], epicKeys: [], flaggedIssueKeys: [], jql: null },
  thresholds: DEFAULT_THRESHOLDS,
  workingDays: DEFAULT_WORKING_DAYS,
  historySprints: DEFAULT_HISTORY_SPRINTS,
  commentOnDecision: true,
  retentionDays: null,
  openProposalsPerPerson: DEFAULT_OPEN_PROPOSALS_PER_PERSON,
  policyEditors: DEFAULT_POLICY_EDITORS,
  boardOverrides: {},
  updatedBy: null,
  updatedAt: null,
};

/** The settings in force on one board: the project's, with the board's overrides on top. */
export function settingsForBoard(settings: ProjectSettings, boardId: number): ProjectSettings {
  const override = settings.boardOverrides[String(boardId)];
  return override ? { ...settings, ...override } : settings;
}
