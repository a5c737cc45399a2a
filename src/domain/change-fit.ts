/**
 * Does a change make sense for this issue in this sprint, right now? Used when proposing (to
 * refuse nonsense early) and again before deciding and applying (to detect a stale proposal).
 */
import { CHANGE_KINDS, issuesNamedBy, type Change, type ChangeKind, type CounterChange } from './change';
import { CHANGE_KIND_RULES } from './change-kinds';
import { fail, ok, type Result } from './errors';
import type { SprintSnapshot } from './sprint';

export interface FitContext {
  readonly snapshot: SprintSnapshot;
  /** The next future sprint of the board, if any (target of a deferral). */
  readonly nextSprintId: number | null;
  readonly priorityNames: readonly string[];
}

export function checkChangeFits(change: Change, issueKey: string, context: FitContext): Result<true> {
  const inSprint = (key: string) => context.snapshot.issues.some((issue) => issue.key === key);
  const sprintName = context.snapshot.sprint.name;
  const requireInSprint = (): Result<true> =>
    inSprint(issueKey) ? ok(true) : fail('stale', `${issueKey} is not in ${sprintName} (any more).`);
  switch (change.kind) {
    case 'add':
      return inSprint(issueKey) ? fail('stale', `${issueKey} is already in ${sprintName}.`) : ok(true);
    case 'swap':
      if (inSprint(issueKey)) return fail('stale', `${issueKey} is already in ${sprintName}.`);
      if (change.outIssueKey === issueKey)
        return fail('invalid-input', 'An issue cannot be swapped with itself.', { outIssueKey: 'same-issue' });
      return inSprint(change.outIssueKey) ? ok(true) : fail('stale', `${change.outIssueKey} is not in ${sprintName} (any more).`);
    case 'defer':
      if (context.nextSprintId === null)
        return fail('invalid-input', 'The board has no future sprint to defer to. Create one in Jira first.');
      return requireInSprint();
    case 'rerank': {
      const target = change.target;
      if (target.position === 'before' || target.position === 'after') {
        if (target.issueKey === issueKey)
          return fail('invalid-input', 'An issue cannot be ranked relative to itself.', { target: 'same-issue' });
        if (!inSprint(target.issueKey)) return fail('stale', `The rank target ${target.issueKey} is not in ${sprintName} (any more).`);
      }
      return requireInSprint();
    }
    case 'priority':
      if (!context.priorityNames.includes(change.priorityName)) {
        return fail('invalid-input', `Jira has no priority named "${change.priorityName}".`, { priorityName: 'unknown' });
      }
      return requireInSprint();
    case 'remove':
    case 'estimate':
    case 'split':
    case 'tweak':
      return requireInSprint();
  }
}

/**
 * Does a counter-change make sense beside the change: other issues of the sprint, still to do, not
 * goal-critical (deferring goal work changes the goal, which is renegotiated, not traded), and for a
 * deferral a next sprint to go to.
 */
export function checkCounterChangeFits(counter: CounterChange, issueKey: string, change: Change, context: FitContext): Result<true> {
  const sprintName = context.snapshot.sprint.name;
  const named = new Set([issueKey, ...issuesNamedBy(change)]);
  if (new Set(counter.issueKeys).size !== counter.issueKeys.length)
    return fail('invalid-input', 'An issue is named twice in the work to make room with.', { counterChange: 'duplicate' });
  for (const key of counter.issueKeys) {
    if (named.has(key))
      return fail('invalid-input', `${key} is part of the change itself; make room with other issues.`, {
        counterChange: 'part-of-change',
      });
    const issue = context.snapshot.issues.find((candidate) => candidate.key === key);
    if (!issue) return fail('stale', `${key} is not in ${sprintName} (any more).`);
    if (issue.goalCritical)
      return fail(
        'invalid-input',
        `${key} is goal-critical: deferring goal work changes the goal, which is the Product Owner's to renegotiate.`,
        { counterChange: 'goal-critical' },
      );
    if (issue.statusCategory !== 'todo')
      return fail('invalid-input', `${key} is already started or done; only work not yet started can make room.`, {
        counterChange: 'started',
      });
  }
  if (counter.kind === 'defer' && context.nextSprintId === null)
    return fail('invalid-input', 'The board has no future sprint to defer to. Create one in Jira first.');
  return ok(true);
}

/** The change kinds that make sense for an issue, given where it is planned. */
export function availableChangeKinds(inActiveSprint: boolean, hasNextSprint: boolean): ChangeKind[] {
  const subject = inActiveSprint ? 'in-active-sprint' : 'outside-active-sprint';
  return CHANGE_KINDS.filter(
    (kind) => CHANGE_KIND_RULES[kind].subject === subject && (hasNextSprint || !CHANGE_KIND_RULES[kind].needsFutureSprint),
  );
}
