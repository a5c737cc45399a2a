/**
 * The Jira permissions each change kind needs, in one table: checked for the person proposing
 * (asked of Jira as them), for the person deciding (asked as them and recorded on the decision)
 * and by the apply worker (the recorded rights, and the app's own rights now). Each kind's row is
 * in the change-kind registry (src/domain/change-kinds.ts), so a new kind does not compile without one.
 */
import { issuesNamedBy, type Change, type ChangeKind, type CounterChange } from './change';
import { CHANGE_KIND_RULES, perChangeKind } from './change-kinds';
import type { JiraPermission } from './held-permissions';

export const CHANGE_PERMISSIONS: Readonly<Record<ChangeKind, readonly JiraPermission[]>> = perChangeKind(
  (kind) => CHANGE_KIND_RULES[kind].permissions,
);

/**
 * The decision comment, posted on the proposal's issue on behalf of the person who decided (an
 * automatic approval: the proposer). POST /rest/api/3/issue/{key}/comment needs "Browse projects
 * and Add comments" (Jira platform REST). Without them the comment is skipped, and the skip recorded.
 */
export const COMMENT_PERMISSIONS: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'ADD_COMMENTS'];

/** The issues a change touches and the Jira permissions making it needs on each. */
export function permissionsForChange(
  issueKey: string,
  change: Change,
): { readonly issueKeys: readonly string[]; readonly needed: readonly JiraPermission[] } {
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
export function permissionsForCounterChange(counter: CounterChange): {
  readonly issueKeys: readonly string[];
  readonly needed: readonly JiraPermission[];
} {
  return { issueKeys: counter.issueKeys, needed: COUNTER_CHANGE_PERMISSIONS[counter.kind] };
}
