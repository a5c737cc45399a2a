/**
 * Everything Goalkeeper knows about each kind of change, in one table keyed by `ChangeKind`: where
 * the issue must be for the kind to be offered, what the kind does to the sprint, the Jira
 * permissions making it needs, and the kind with no details. A `{ [K in ChangeKind]: … }`, so a new
 * kind in src/domain/change.ts does not compile until it has a row here; the payload schema
 * (src/contract/payload-schemas.ts `CHANGE_SCHEMAS`), the UI's labels (static/shared/proposal-wording.ts
 * `KIND_LABELS`) and the apply plan (src/app/support/apply-plan.ts `changeSteps`) are keyed the same way.
 * README "Add a change kind" lists every file.
 */
import { CHANGE_KINDS, type Change, type ChangeKind } from './change';
import type { JiraPermission } from './held-permissions';

/**
 * Moving an issue into or out of a sprint, and ranking it, need *Schedule issues* and *Edit
 * issues* ("some sprint actions (e.g. adding issues to sprints, removing issues from sprints)
 * require the Schedule Issues and Edit Issues permissions", Atlassian, "Use manage sprints
 * permission for advanced cases"; ranking: Atlassian KB "Some users are unable re-order Jira
 * issues on an Agile board", root causes 2 and 3).
 */
const SCHEDULE: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'];
/** Priority and estimate are fields: *Edit issues* (PUT /rest/api/3/issue/{key}, Jira platform REST). */
const EDIT: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES'];

export interface ChangeKindRule<K extends ChangeKind = ChangeKind> {
  /** Where the proposal's issue is planned for the kind to make sense: it comes into the active sprint, or it is in it. */
  readonly subject: 'outside-active-sprint' | 'in-active-sprint';
  /** Offered only while the board has a future sprint to move the issue to. */
  readonly needsFutureSprint: boolean;
  /** The proposal's own issue arrives in the active sprint when the change is applied. */
  readonly bringsIssueIn: boolean;
  /** Moves work the forecast sees (scope, rank or points); "no effect on the goal" would be noise otherwise. */
  readonly changesForecast: boolean;
  /** The Jira permissions making the change needs on each issue it touches (src/domain/change-permissions.ts). */
  readonly permissions: readonly JiraPermission[];
  /** The change with no details: the approval policy judges kinds (and a re-rank's subject), not details. */
  readonly bare: Extract<Change, { readonly kind: K }>;
}

export const CHANGE_KIND_RULES: { readonly [K in ChangeKind]: ChangeKindRule<K> } = {
  add: {
    subject: 'outside-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: true,
    changesForecast: true,
    permissions: SCHEDULE,
    bare: { kind: 'add' },
  },
  remove: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: true,
    permissions: SCHEDULE,
    bare: { kind: 'remove' },
  },
  defer: {
    subject: 'in-active-sprint',
    needsFutureSprint: true,
    bringsIssueIn: false,
    changesForecast: true,
    permissions: SCHEDULE,
    bare: { kind: 'defer' },
  },
  rerank: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: true,
    permissions: SCHEDULE,
    bare: { kind: 'rerank', target: { position: 'top' } },
  },
  // A priority moves nothing the forecast sees.
  priority: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: false,
    permissions: EDIT,
    bare: { kind: 'priority', priorityName: '' },
  },
  estimate: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: true,
    permissions: EDIT,
    bare: { kind: 'estimate', points: 0 },
  },
  split: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: true,
    // The parts are new sub-tasks (POST /rest/api/3/issue: "Browse projects and Create issues"),
    // and the parent's estimate is reduced (Edit issues).
    permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES'],
    bare: { kind: 'split', parts: [] },
  },
  swap: {
    subject: 'outside-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: true,
    changesForecast: true,
    permissions: SCHEDULE,
    bare: { kind: 'swap', outIssueKey: '' },
  },
  // A clarification changes nothing in Jira but is a change to the issue's scope: permissions as for an edit.
  tweak: {
    subject: 'in-active-sprint',
    needsFutureSprint: false,
    bringsIssueIn: false,
    changesForecast: false,
    permissions: EDIT,
    bare: { kind: 'tweak', note: '' },
  },
};

/**
 * `Change`'s kinds and `CHANGE_KINDS` are the same set: a kind added to one and not the other is a
 * compile error here (the registry above covers `CHANGE_KINDS`; this covers the union).
 */
export type KindsAgree = [Change['kind']] extends [ChangeKind] ? ([ChangeKind] extends [Change['kind']] ? true : never) : never;
export const KINDS_AGREE: KindsAgree = true;

/** A value per change kind, built from the kind: for tables keyed by kind (schemas, settings). */
export function perChangeKind<T>(valueOf: <K extends ChangeKind>(kind: K) => T): Record<ChangeKind, T> {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, valueOf(kind)])) as Record<ChangeKind, T>;
}
