/** Assess a change before anyone commits to it: nothing is saved. */
import type { Assessment } from '../domain/assessment';
import type { Change } from '../domain/change';
import { COMMENT_PERMISSIONS, permissionsForChange } from '../domain/change-permissions';
import { checkChangeFits } from '../domain/change-fit';
import { GoalkeeperError } from '../domain/errors';
import type { HeldPermissions } from '../domain/held-permissions';
import { requireCallerPermissions } from './access';
import type { Caller } from './caller';
import { prioritiesToCheck } from './get-allowed-priorities';
import { assessInSituation, loadIssueSituation, type IssueSituation } from './issue-situation';
import type { Ports } from './ports';
import { unwrap } from './unwrap';

export interface PreviewRequest {
  readonly issueKey: string;
  readonly change: Change;
}

/**
 * The caller must be allowed to make this change in Jira themselves, on every issue it names
 * (asked of Jira as them; src/domain/change-permissions.ts). Returns what they hold there, Add
 * comments included, for a decision to record: the apply worker posts the decision comment only
 * for someone who may comment.
 */
export async function requireChangePermissions(ports: Ports, issueKey: string, change: Change): Promise<HeldPermissions> {
  const { issueKeys, needed } = permissionsForChange(issueKey, change);
  return requireCallerPermissions(ports.jira, issueKeys, needed, COMMENT_PERMISSIONS);
}

/** Checks the caller may propose this change and that it fits the sprint; returns the situation. */
export async function authorizeChange(ports: Ports, caller: Caller, issueKey: string, change: Change): Promise<IssueSituation> {
  await requireChangePermissions(ports, issueKey, change);
  return situationFor(ports, issueKey, change);
}

/**
 * Loads the issue's situation and requires the change to fit the sprint as it is now. With
 * `proposedInSprintId` (deciding, applying), a sprint that is no longer the active one makes the
 * proposal stale, whether the board moved on to another sprint or has none running.
 */
export async function situationFor(ports: Ports, issueKey: string, change: Change, proposedInSprintId?: number): Promise<IssueSituation> {
  const situation = await loadIssueSituation(ports, issueKey);
  if (proposedInSprintId !== undefined && situation.activeSprint?.id !== proposedInSprintId) {
    throw new GoalkeeperError('stale', 'The sprint this proposal was made for is no longer active.');
  }
  if (!situation.snapshot) {
    throw new GoalkeeperError('invalid-input', 'There is no active sprint on this board: mid-sprint changes need a running sprint.');
  }
  const priorityNames = change.kind === 'priority' ? await prioritiesToCheck(ports, issueKey) : [];
  unwrap(checkChangeFits(change, issueKey, { snapshot: situation.snapshot, nextSprintId: situation.nextSprint?.id ?? null, priorityNames }));
  return situation;
}

export async function previewProposal(ports: Ports, caller: Caller, request: PreviewRequest): Promise<Assessment | null> {
  const situation = await authorizeChange(ports, caller, request.issueKey, request.change);
  return assessInSituation(ports, situation, request.change);
}
