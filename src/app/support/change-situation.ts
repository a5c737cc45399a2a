/**
 * The situation a change is judged in, shared by preview, propose, decide, apply and retry: the
 * caller's own rights for the change, the board they may see, and the change fitting the sprint now.
 */
import type { Change, CounterChange } from '../../domain/change';
import { COMMENT_PERMISSIONS, permissionsForChange, permissionsForCounterChange } from '../../domain/change-permissions';
import { checkChangeFits, checkCounterChangeFits } from '../../domain/change-fit';
import { GoalkeeperError } from '../../domain/errors';
import type { HeldPermissions } from '../../domain/held-permissions';
import type { Ports } from '../ports';
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
export async function requireChangePermissions(ports: Ports, issueKey: string, change: Change, counterChange?: CounterChange | null): Promise<HeldPermissions> {
  const needs = [permissionsForChange(issueKey, change), ...(counterChange ? [permissionsForCounterChange(counterChange)] : [])];
  return requireCallerPermissionsFor(ports.jira, needs, COMMENT_PERMISSIONS);
}

/**
 * Loads the issue's situation and requires the change to fit the sprint as it is now. With
 * `proposedInSprintId` (deciding, applying), a sprint that is no longer the active one makes the
 * proposal stale, whether the board moved on to another sprint or has none running.
 */
export async function situationFor(ports: Ports, issueKey: string, change: Change, proposedInSprintId?: number, counterChange?: CounterChange | null): Promise<IssueSituation> {
  return requireFit(ports, await loadIssueSituation(ports, issueKey), change, proposedInSprintId, counterChange);
}

/**
 * The same for a person (proposing, previewing, deciding): the sprint's board must be one they
 * may see, checked before anything about the sprint is judged, so no answer or error names it;
 * the sight filters what the assessment names (src/app/support/visible-to-caller.ts).
 */
export async function situationSeenByCaller(
  ports: Ports,
  issueKey: string,
  change: Change,
  proposedInSprintId?: number,
  counterChange?: CounterChange | null,
  sprintRead: SprintRead = 'fresh',
): Promise<{ situation: IssueSituation; sight: CallerSight }> {
  const situation = await loadIssueSituation(ports, issueKey, sprintRead);
  const sight = await askSight(ports, { issues: [situation.issue, ...(situation.snapshot?.issues ?? [])], boards: situation.board ? [situation.board] : [] });
  if (situation.board && !sight.seesBoard(situation.board.id)) throw hiddenBoardError();
  return { situation: await requireFit(ports, situation, change, proposedInSprintId, counterChange), sight };
}

async function requireFit(ports: Ports, situation: IssueSituation, change: Change, proposedInSprintId?: number, counterChange?: CounterChange | null): Promise<IssueSituation> {
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
