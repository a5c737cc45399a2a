/** Everything the issue panel shows, in one call: the sprint, its risk now, and this issue's proposals. */
import { approvalRoute, ownProposalRule, type ApprovalRoute, type OwnProposalRule } from '../../domain/approval-policy';
import type { Assessment } from '../../domain/assessment';
import type { ChangeKind } from '../../domain/change';
import { availableChangeKinds } from '../../domain/change-fit';
import { CHANGE_KIND_RULES } from '../../domain/change-kinds';
import type { Proposal } from '../../domain/proposal';
import type { ApprovalPolicy } from '../../domain/settings';
import type { StatusCategory } from '../../domain/sprint';
import { isProductOwner, notFound, productOwnerAccountIds } from '../support/access';
import type { Caller } from '../support/caller';
import { issueFromKeptPlan, issueInSnapshot } from '../support/issue-from-kept-plan';
import { assessInSituation, loadIssueSituation, subjectIsGoalCritical, type IssueSituation } from '../support/issue-situation';
import { MissingParts, type MissingPart } from '../support/missing-parts';
import { displayNamesOf, peopleOf, sprintCoverageOf, sprintView, type SprintCoverage, type SprintView } from '../support/view-parts';
import type { JiraPermission, Ports } from '../ports';
import { askSight, hiddenBoardError, issueRefsOf, type HiddenFromCaller } from '../support/visible-to-caller';

export interface IssueSummaryView {
  readonly key: string;
  readonly summary: string;
  readonly points: number | null;
  readonly statusCategory: StatusCategory;
  readonly goalCritical: boolean;
}

export interface IssuePanelState {
  readonly issue: IssueSummaryView & { readonly inActiveSprint: boolean; readonly priorityName: string | null };
  readonly board: { readonly id: number; readonly name: string } | null;
  readonly sprint: SprintView | null;
  readonly nextSprint: { readonly id: number; readonly name: string } | null;
  /** The sprint's risk as it stands, before any change. */
  readonly risk: Assessment | null;
  /** Set when the sprint is larger than Goalkeeper reads: the risk covers its top issues by rank only. */
  readonly sprintCoverage: SprintCoverage | null;
  readonly sprintIssues: readonly IssueSummaryView[];
  readonly proposals: readonly Proposal[];
  readonly availableKinds: readonly ChangeKind[];
  /**
   * Who decides each available kind of change on this issue by the policy alone, and why: the
   * form's hint until the live assessment (whose answer adds the threat rule) arrives.
   */
  readonly approvalByKind: Partial<Record<ChangeKind, ApprovalRoute>>;
  readonly policy: ApprovalPolicy;
  readonly viewer: {
    readonly accountId: string;
    readonly isProductOwner: boolean;
    readonly canPropose: boolean;
    /** Why not, in words, when canPropose is false. */
    readonly cannotProposeReason: string | null;
    /** How a Product Owner's own proposals are decided (src/domain/approval-policy.ts); null for everyone else. */
    readonly ownProposals: OwnProposalRule | null;
  };
  readonly productOwnerIds: readonly string[];
  /**
   * Set when the project names no Product Owner, so nobody could decide what waits for one: what
   * to set up and where, instead of "Waiting for the Product Owner" for ever (issue 15).
   */
  readonly productOwnerSetup: ProductOwnerSetup | null;
  /**
   * False when Forge reports Goalkeeper's licence on this site inactive: the panel says so before
   * anyone types and shows proposals read-only (changes are refused at the resolver boundary).
   */
  readonly licenseActive: boolean;
  /** accountId → display name for everyone named on the page; resolved per call, never stored. */
  readonly people: Readonly<Record<string, string>>;
  /** Parts Jira refused or failed to give; the rest of the panel stands without them. */
  readonly unavailable: readonly MissingPart[];
  /** What the caller may not see and the panel therefore leaves out (src/app/support/visible-to-caller.ts). */
  readonly hidden: HiddenFromCaller;
}

export interface ProductOwnerSetup {
  readonly projectKey: string;
  /** The configured Product Owner role (whose members, if Jira shows them, count), or null. */
  readonly roleName: string | null;
  /** Whether the viewer may name the Product Owners (Administer Projects on this issue's project). */
  readonly viewerMayConfigure: boolean;
}

const UNLICENSED_REASON =
  'Goalkeeper is not licensed on this site, so proposals can be read but not made or decided. Ask a Jira admin to renew the licence.';

const NO_CHANGE = CHANGE_KIND_RULES.tweak.bare;

/** What the panel asks of Jira about the caller on its issue, besides Browse: whether they may propose (edit and schedule) and set up the Product Owners. */
const PANEL_PERMISSIONS: readonly JiraPermission[] = ['EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'];

/**
 * The situation of the panel's issue, and whether the caller was found to browse it on the way.
 * A later open finds the issue in its project's active sprint as stored (issue-from-kept-plan.ts):
 * no read of the issue, and Browse is asked with the panel's one permission check. Otherwise the
 * issue is read as the caller — Jira answers 404 for an issue they may not browse, so that one
 * call is the Browse check and the read — and the project is pointed at the sprint it is in.
 */
async function panelSituation(ports: Ports, issueKey: string): Promise<{ situation: IssueSituation; browsed: boolean }> {
  const planned = await issueFromKeptPlan(ports, issueKey);
  if (planned) {
    const situation = await loadIssueSituation(ports, issueKey, 'view', planned);
    const issue = issueInSnapshot(planned, situation.snapshot);
    if (issue) return { situation: { ...situation, issue }, browsed: false };
  }
  const seen = await ports.jira.issueSeenByCaller(issueKey);
  if (!seen) throw notFound(issueKey);
  const situation = await loadIssueSituation(ports, issueKey, 'view', seen);
  const { activeSprint, snapshot } = situation;
  if (activeSprint && snapshot?.issues.some((issue) => issue.key === seen.key)) {
    await ports.jira.keepPlanOfProject(seen.projectKey, seen.projectId, { sprintId: activeSprint.id, boardId: activeSprint.boardId });
  }
  return { situation, browsed: true };
}

export async function getIssuePanelState(ports: Ports, caller: Caller, request: { issueKey: string }): Promise<IssuePanelState> {
  const { situation, browsed } = await panelSituation(ports, request.issueKey);
  const { issue, snapshot, activeSprint, settings } = situation;
  const [proposals, viewerIsPo, productOwnerIds] = await Promise.all([
    ports.proposals.listByIssue(issue.key),
    isProductOwner(ports.jira, settings, issue.projectKey, caller.accountId),
    productOwnerAccountIds(ports.jira, settings, issue.projectKey),
  ]);
  // One check as the caller for everything the panel would show: the sprint's issues, the issues
  // the proposals name, and the board (its sprint, goal and risk only if its project is browsable).
  const sight = await askSight(ports, {
    issues: [issue, ...proposals.flatMap(issueRefsOf)],
    ...(snapshot ? { sprint: { id: snapshot.sprint.id, issues: snapshot.issues } } : {}),
    seenIssues: browsed ? [issue] : [],
    boards: situation.board ? [situation.board] : [],
    permissions: { asked: PANEL_PERMISSIONS, on: [issue.key] },
  });
  if (!sight.seesIssue(issue.key)) throw notFound(request.issueKey);
  const granted = { has: (permission: JiraPermission) => sight.holds(issue.key, permission) };
  const boardSeen = situation.board === null || sight.seesBoard(situation.board.id);
  if (!boardSeen) sight.hideBoard();
  const inActiveSprint = snapshot?.issues.some((i) => i.key === issue.key) ?? false;
  const canEdit = granted.has('EDIT_ISSUES') && granted.has('SCHEDULE_ISSUES');
  const cannotProposeReason =
    caller.licenseActive === false
      ? UNLICENSED_REASON
      : !canEdit
        ? 'You can see this issue but not edit or schedule it in Jira, so you cannot propose changes to it. Ask a team member or the Product Owner.'
        : !boardSeen
          ? hiddenBoardError().message
          : !activeSprint
            ? 'This board has no active sprint. Goalkeeper handles changes while a sprint is running.'
            : null;
  const availableKinds = activeSprint && boardSeen ? availableChangeKinds(inActiveSprint, situation.nextSprint !== null) : [];
  const shownProposals = sight.proposals(proposals);
  const risk = boardSeen ? assessInSituation(ports, situation, NO_CHANGE) : null;
  const missing = new MissingParts(situation.unavailable);
  const people = await displayNamesOf(ports, [caller.accountId, ...productOwnerIds, ...shownProposals.flatMap(peopleOf)], missing);
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
    board: situation.board && boardSeen ? { id: situation.board.id, name: situation.board.name } : null,
    sprint: activeSprint && boardSeen ? sprintView(activeSprint, ports.clock.now(), settings.workingDays, situation.timeZone) : null,
    nextSprint: situation.nextSprint && boardSeen ? { id: situation.nextSprint.id, name: situation.nextSprint.name } : null,
    risk: risk ? sight.assessment(risk) : null,
    sprintCoverage: boardSeen ? sprintCoverageOf(snapshot) : null,
    sprintIssues: boardSeen
      ? sight
          .issues(snapshot?.issues ?? [])
          .map(({ key, summary, points, statusCategory, goalCritical }) => ({ key, summary, points, statusCategory, goalCritical }))
      : [],
    proposals: [...shownProposals].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    availableKinds,
    approvalByKind: Object.fromEntries(
      availableKinds.map((kind) => [kind, approvalRoute(settings.policy, CHANGE_KIND_RULES[kind].bare, subjectIsGoalCritical(situation))]),
    ),
    policy: settings.policy,
    viewer: {
      accountId: caller.accountId,
      isProductOwner: viewerIsPo,
      canPropose: cannotProposeReason === null,
      cannotProposeReason,
      ownProposals: viewerIsPo ? ownProposalRule(settings.policy, caller.accountId, productOwnerIds) : null,
    },
    productOwnerIds,
    productOwnerSetup:
      productOwnerIds.length === 0
        ? {
            projectKey: issue.projectKey,
            roleName: settings.productOwners.roleName,
            viewerMayConfigure: granted.has('ADMINISTER_PROJECTS'),
          }
        : null,
    licenseActive: caller.licenseActive !== false,
    people: Object.fromEntries(people),
    unavailable: missing.list(),
    hidden: sight.hidden(),
  };
}
