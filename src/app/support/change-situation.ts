/**
 * The situation a change is judged in, shared by preview, propose, decide, apply and retry: the
 * caller's own rights for the change, the board they may see, and the change fitting the sprint now.
 */
import { issuesNamedBy, type Change, type CounterChange } from '../../domain/change';
import { COMMENT_PERMISSIONS, permissionsForChange, permissionsForCounterChange } from '../../domain/change-permissions';
import { checkChangeFits, checkCounterChangeFits } from '../../domain/change-fit';
import { GoalkeeperError } from '../../domain/errors';
import type { HeldPermissions } from '../../domain/held-permissions';
import type { IssueFacts, Ports } from '../ports';
import { requireCallerPermissionsFor } from './access';
import { prioritiesToCheck } from './allowed-priorities';
import { loadIssueSituation, type IssueSituation, type SprintRead } from './issue-situation';
import { unwrap } from './unwrap';
import { askSight, hiddenBoardError, type CallerSight } from './visible-to-caller';

/**
 * The caller must be allowed to make this change in Jira themselves, on every issue it names
 * (asked of Jira as them; src/domain/change-permissions.ts). Returns what they hold there, Add
 * comments included, for a decision to record: the apply worker posts the decision comment only
 * for someone who may comment.
 */
export async function requireChangePermissions(
  ports: Ports,
  issueKey: string,
  change: Change,
  counterChange?: CounterChange | null,
): Promise<HeldPermissions> {
  const needs = [permissionsForChange(issueKey, change), ...(counterChange ? [permissionsForCounterChange(counterChange)] : [])];
  return requireCallerPermissionsFor(ports.jira, needs, COMMENT_PERMISSIONS);
}

/**
 * Loads the issue's situation as the apply worker judges it before changing Jira, and requires the
 * change to fit the sprint as it is now. With `proposedInSprintId`, a sprint that is no longer the
 * active one makes the proposal stale, whether the board moved on to another sprint or has none.
 *
 * Read from Jira now, once, and only what the judgement needs (issue 12: a whole read of a
 * 5,000-item sprint is 100 pages). The board's open sprints and the subject are read afresh; the
 * sprint's issues are the stored snapshot while Jira's change mark vouches for it, else read whole
 * and stored. Every edit of an issue in the sprint — joining it, a new estimate, status or rank —
 * moves the mark, so what the snapshot says of the issues still in the sprint is what Jira holds.
 * An issue *leaving* the sprint moves no mark, and that is all the fit could miss: so every issue
 * the change names (the subject, a swap's out-issue, a re-rank's anchor, the work making room) is
 * read from Jira now, and the snapshot judged with their membership as Jira gives it this moment.
 */
export async function situationFor(
  ports: Ports,
  issueKey: string,
  change: Change,
  proposedInSprintId?: number,
  counterChange?: CounterChange | null,
): Promise<IssueSituation> {
  const situation = await loadIssueSituation(ports, issueKey, 'snapshot');
  return requireFit(ports, await withNamedIssuesNow(ports, situation, change, counterChange), change, proposedInSprintId, counterChange);
}

/** The situation with the sprint membership of the issues the change names as Jira has it now. */
async function withNamedIssuesNow(
  ports: Ports,
  situation: IssueSituation,
  change: Change,
  counterChange?: CounterChange | null,
): Promise<IssueSituation> {
  const { snapshot, activeSprint, issue } = situation;
  if (!snapshot || !activeSprint) return situation;
  const otherKeys = [...new Set([...issuesNamedBy(change), ...(counterChange?.issueKeys ?? [])])].filter((key) => key !== issue.key);
  const others = await Promise.all(otherKeys.map((key) => ports.jira.getIssue(key)));
  const named = new Map<string, IssueFacts | null>([
    [issue.key, issue],
    ...otherKeys.map((key, index) => [key, others[index] ?? null] as const),
  ]);
  const inSprintNow = (facts: IssueFacts | null) => facts !== null && facts.openSprintIds.includes(activeSprint.id);
  const stayed = snapshot.issues.filter((sprintIssue) => !named.has(sprintIssue.key) || inSprintNow(named.get(sprintIssue.key)!));
  // One that joined while the search index lagged behind the mark: in the sprint, as Jira says.
  const joined = [...named.values()].filter(
    (facts): facts is IssueFacts =>
      facts !== null && inSprintNow(facts) && !snapshot.issues.some((sprintIssue) => sprintIssue.key === facts.key),
  );
  if (stayed.length === snapshot.issues.length && joined.length === 0) return situation;
  return { ...situation, snapshot: { ...snapshot, issues: [...stayed, ...joined] } };
}

/**
 * The same for a person (proposing, previewing, deciding): the sprint's board must be one they
 * may see, checked before anything about the sprint is judged, so no answer or error names it;
 * the sight filters what the assessment names (src/app/support/visible-to-caller.ts).
 * `heldByCaller` is what requireChangePermissions found they hold: an issue they browse is not
 * asked about again, and neither is a board of its project.
 */
export async function situationSeenByCaller(
  ports: Ports,
  issueKey: string,
  change: Change,
  proposedInSprintId?: number,
  counterChange?: CounterChange | null,
  sprintRead: SprintRead = 'fresh',
  heldByCaller: HeldPermissions = {},
): Promise<{ situation: IssueSituation; sight: CallerSight }> {
  const situation = await loadIssueSituation(ports, issueKey, sprintRead);
  const { issue, snapshot } = situation;
  const sight = await askSight(ports, {
    issues: [issue],
    ...(snapshot ? { sprint: { id: snapshot.sprint.id, issues: snapshot.issues } } : {}),
    seenIssues: heldByCaller[issue.key]?.includes('BROWSE_PROJECTS') ? [issue] : [],
    boards: situation.board ? [situation.board] : [],
  });
  if (situation.board && !sight.seesBoard(situation.board.id)) throw hiddenBoardError();
  return { situation: await requireFit(ports, situation, change, proposedInSprintId, counterChange), sight };
}

async function requireFit(
  ports: Ports,
  situation: IssueSituation,
  change: Change,
  proposedInSprintId?: number,
  counterChange?: CounterChange | null,
): Promise<IssueSituation> {
  const issueKey = situation.issue.key;
  if (proposedInSprintId !== undefined && situation.activeSprint?.id !== proposedInSprintId) {
    throw new GoalkeeperError('stale', 'The sprint this proposal was made for is no longer active.');
  }
  if (!situation.snapshot) {
    throw new GoalkeeperError('invalid-input', 'There is no active sprint on this board: mid-sprint changes need a running sprint.');
  }
  const priorityNames = change.kind === 'priority' ? await prioritiesToCheck(ports, issueKey) : [];
  const fit = { snapshot: situation.snapshot, nextSprintId: situation.nextSprint?.id ?? null, priorityNames };
  unwrap(checkChangeFits(change, issueKey, fit));
  if (counterChange) unwrap(checkCounterChangeFits(counterChange, issueKey, change, fit));
  return situation;
}
