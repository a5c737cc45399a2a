/** Everything the issue panel shows, in one call: the sprint, its risk now, and this issue's proposals. */
import type { Assessment } from '../domain/assessment';
import type { ChangeKind } from '../domain/change';
import { availableChangeKinds } from '../domain/change-fit';
import type { Proposal } from '../domain/proposal';
import type { ApprovalPolicy } from '../domain/settings';
import type { StatusCategory } from '../domain/sprint';
import { sprintWorkingDays } from '../domain/working-days';
import { isProductOwner, notFound, productOwnerAccountIds } from './access';
import type { Caller } from './caller';
import { assessInSituation, loadIssueSituation, subjectIsGoalCritical } from './issue-situation';
import { MissingParts, type MissingPart } from './missing-parts';
import type { Ports } from './ports';

export interface IssueSummaryView {
  readonly key: string;
  readonly summary: string;
  readonly points: number | null;
  readonly statusCategory: StatusCategory;
  readonly goalCritical: boolean;
}

export interface SprintView {
  readonly id: number;
  readonly name: string;
  readonly goal: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly workingDaysLeft: number;
}

export interface IssuePanelState {
  readonly issue: IssueSummaryView & { readonly inActiveSprint: boolean; readonly priorityName: string | null };
  readonly board: { readonly id: number; readonly name: string } | null;
  readonly sprint: SprintView | null;
  readonly nextSprint: { readonly id: number; readonly name: string } | null;
  /** The sprint's risk as it stands, before any change. */
  readonly risk: Assessment | null;
  readonly sprintIssues: readonly IssueSummaryView[];
  readonly proposals: readonly Proposal[];
  readonly availableKinds: readonly ChangeKind[];
  readonly policy: ApprovalPolicy;
  readonly viewer: {
    readonly accountId: string;
    readonly isProductOwner: boolean;
    readonly canPropose: boolean;
    /** Why not, in words, when canPropose is false. */
    readonly cannotProposeReason: string | null;
  };
  readonly productOwnerIds: readonly string[];
  /** accountId → display name for everyone named on the page; resolved per call, never stored. */
  readonly people: Readonly<Record<string, string>>;
  /** Parts Jira refused or failed to give; the rest of the panel stands without them. */
  readonly unavailable: readonly MissingPart[];
}

const NO_CHANGE = { kind: 'tweak', note: '' } as const;

export async function getIssuePanelState(ports: Ports, caller: Caller, request: { issueKey: string }): Promise<IssuePanelState> {
  const granted = (await ports.jira.permissionsOfCaller([request.issueKey], ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'])).get(request.issueKey);
  if (!granted?.has('BROWSE_PROJECTS')) throw notFound(request.issueKey);
  const situation = await loadIssueSituation(ports, request.issueKey);
  const { issue, snapshot, activeSprint, settings } = situation;
  const [proposals, viewerIsPo, productOwnerIds] = await Promise.all([
    ports.proposals.listByIssue(issue.key),
    isProductOwner(ports.jira, settings, issue.projectKey, caller.accountId),
    productOwnerAccountIds(ports.jira, settings, issue.projectKey),
  ]);
  const inActiveSprint = snapshot?.issues.some((i) => i.key === issue.key) ?? false;
  const canEdit = granted.has('EDIT_ISSUES') && granted.has('SCHEDULE_ISSUES');
  const cannotProposeReason = !canEdit
    ? 'You can see this issue but not edit or schedule it in Jira, so you cannot propose changes to it. Ask a team member or the Product Owner.'
    : !activeSprint
      ? 'This board has no active sprint. Goalkeeper handles changes while a sprint is running.'
      : null;
  const missing = new MissingParts(situation.unavailable);
  const people = await displayNamesOf(ports, [caller.accountId, ...productOwnerIds, ...proposals.flatMap(peopleOf)], missing);
  return {
    issue: {
      key: issue.key,
      summary: issue.summary,
      points: issue.points,
      statusCategory: issue.statusCategory,
      goalCritical: subjectIsGoalCritical(situation),
      inActiveSprint,
      priorityName: issue.priorityName,
    },
    board: situation.board ? { id: situation.board.id, name: situation.board.name } : null,
    sprint: activeSprint ? sprintView(activeSprint, ports.clock.now(), settings.workingDays) : null,
    nextSprint: situation.nextSprint ? { id: situation.nextSprint.id, name: situation.nextSprint.name } : null,
    risk: assessInSituation(ports, situation, NO_CHANGE),
    sprintIssues: (snapshot?.issues ?? []).map(({ key, summary, points, statusCategory, goalCritical }) => ({ key, summary, points, statusCategory, goalCritical })),
    proposals: [...proposals].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    availableKinds: activeSprint ? availableChangeKinds(inActiveSprint, situation.nextSprint !== null) : [],
    policy: settings.policy,
    viewer: { accountId: caller.accountId, isProductOwner: viewerIsPo, canPropose: cannotProposeReason === null, cannotProposeReason },
    productOwnerIds,
    people: Object.fromEntries(people),
    unavailable: missing.list(),
  };
}

/** Display names are labels only: without them the UI shows account ids' placeholders, and says so. */
export function displayNamesOf(ports: Ports, accountIds: readonly string[], missing: MissingParts): Promise<Map<string, string>> {
  return missing.read('display-names', () => ports.jira.displayNames([...new Set(accountIds)]), new Map<string, string>());
}

export function sprintView(sprint: { id: number; name: string; goal: string; startDate: string | null; endDate: string | null }, now: Date, workingDays: readonly number[]): SprintView {
  return {
    id: sprint.id,
    name: sprint.name,
    goal: sprint.goal,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    workingDaysLeft: sprintWorkingDays(sprint.startDate, sprint.endDate, now.toISOString(), workingDays).left,
  };
}

export function peopleOf(proposal: Proposal): string[] {
  return [proposal.proposerAccountId, ...(proposal.decision?.deciderAccountId ? [proposal.decision.deciderAccountId] : [])];
}
