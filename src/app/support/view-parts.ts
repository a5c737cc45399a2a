/** Parts the issue panel, the sprint view and the CSV export all show: the sprint's header and the people named. */
import type { Proposal } from '../../domain/proposal';
import type { SprintSnapshot } from '../../domain/sprint';
import { sprintWorkingDays } from '../../domain/working-days';
import type { Ports } from '../ports';
import type { MissingParts } from './missing-parts';

export interface SprintView {
  readonly id: number;
  readonly name: string;
  readonly goal: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly workingDaysLeft: number;
}

/** Display names are labels only: without them the UI shows account ids' placeholders, and says so. */
export function displayNamesOf(ports: Ports, accountIds: readonly string[], missing: MissingParts): Promise<Map<string, string>> {
  return missing.read('display-names', () => ports.jira.displayNames([...new Set(accountIds)]), new Map<string, string>());
}

export function sprintView(
  sprint: { id: number; name: string; goal: string; startDate: string | null; endDate: string | null },
  now: Date,
  workingDays: readonly number[],
  timeZone: string,
): SprintView {
  return {
    id: sprint.id,
    name: sprint.name,
    goal: sprint.goal,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    workingDaysLeft: sprintWorkingDays(sprint.startDate, sprint.endDate, now.toISOString(), workingDays, timeZone).left,
  };
}

export function peopleOf(proposal: Proposal): string[] {
  return [proposal.proposerAccountId, ...(proposal.decision?.deciderAccountId ? [proposal.decision.deciderAccountId] : [])];
}

/**
 * What the assessment covers when the sprint holds more items than Goalkeeper reads (a documented
 * cap, SPRINT_ITEMS_CAP in src/jira/sprints.ts): its top `assessedIssues` issues by rank, with
 * `itemsBeyondCap` items (sub-tasks counted, as Jira's list counts them) left out. Null when the
 * assessment covers the whole sprint: the views say so only when it does not.
 */
export interface SprintCoverage {
  readonly assessedIssues: number;
  readonly itemsBeyondCap: number;
}

export function sprintCoverageOf(snapshot: Pick<SprintSnapshot, 'issues' | 'itemsBeyondCap'> | null): SprintCoverage | null {
  const beyond = snapshot?.itemsBeyondCap ?? 0;
  return snapshot && beyond > 0 ? { assessedIssues: snapshot.issues.length, itemsBeyondCap: beyond } : null;
}
