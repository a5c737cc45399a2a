/**
 * The Jira permissions each change kind needs, in one table: checked for the person proposing
 * (asked of Jira as them), for the person deciding (asked as them and recorded on the decision)
 * and by the apply worker (the recorded rights, and the app's own rights now). A `Record` over
 * every ChangeKind, so a new kind does not compile until it is listed here.
 */
import { issuesNamedBy, type Change, type ChangeKind, type CounterChange } from './change';
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

export const CHANGE_PERMISSIONS: Readonly<Record<ChangeKind, readonly JiraPermission[]>> = {
  add: SCHEDULE,
  remove: SCHEDULE,
  defer: SCHEDULE,
  rerank: SCHEDULE,
  swap: SCHEDULE,
  priority: EDIT,
  estimate: EDIT,
  // The parts are new sub-tasks (POST /rest/api/3/issue: "Browse projects and Create issues"),
  // and the parent's estimate is reduced (Edit issues).
  split: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES'],
  // A clarification changes nothing in Jira but is a change to the issue's scope: as for an edit.
  tweak: EDIT,
};

/**
 * The decision comment, posted on the proposal's issue on behalf of the person who decided (an
 * automatic approval: the proposer). POST /rest/api/3/issue/{key}/comment needs "Browse projects
 * and Add comments" (Jira platform REST). Without them the comment is skipped, and the skip recorded.
 */
export const COMMENT_PERMISSIONS: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'ADD_COMMENTS'];

/** The issues a change touches and the Jira permissions making it needs on each. */
export function permissionsForChange(issueKey: string, change: Change): { readonly issueKeys: readonly string[]; readonly needed: readonly JiraPermission[] } {
  return { issueKeys: [issueKey, ...issuesNamedBy(change)], needed: CHANGE_PERMISSIONS[change.kind] };
}

/**
 * A counter-change moves issues to the next sprint or ranks them below the goal: the same sprint
 * actions as a deferral or a re-rank, on each issue it names.
 */
export const COUNTER_CHANGE_PERMISSIONS: Readonly<Record<CounterChange['kind'], readonly JiraPermission[]>> = {
  defer: CHANGE_PERMISSIONS.defer,
  'rank-below-goal': CHANGE_PERMISSIONS.rerank,
};

/** The issues a counter-change touches and what making it needs on each. */
export function permissionsForCounterChange(counter: CounterChange): { readonly issueKeys: readonly string[]; readonly needed: readonly JiraPermission[] } {
  return { issueKeys: counter.issueKeys, needed: COUNTER_CHANGE_PERMISSIONS[counter.kind] };
}
