/**
 * Only what the caller may see. Goalkeeper reads Jira as the app, which sees every project; each
 * view therefore asks Jira once, as the caller (one bulk permission check for every issue key and
 * board it is about to show), and passes its answer through this one filter at its edge:
 *
 * - an issue the caller cannot browse is never shown with its key, summary, people or estimate:
 *   it is left out and counted ("2 issues you cannot see");
 * - a board (and its sprint, goal and risk) is shown only when the caller may browse the board's
 *   project — Jira's own test for seeing a board (boardsVisibleToCaller);
 * - stored assessments keep what their author saw; shown to someone else, they are filtered again.
 *
 * Counts and aggregate figures (P(goal), points left, churn totals) stay: they are the sprint's,
 * and name no issue.
 */
import type { Assessment, AssessmentReason, Suggestion } from '../../domain/assessment';
import { GoalkeeperError } from '../../domain/errors';
import type { JiraPermission } from '../../domain/held-permissions';
import type { ApplyStepFacts } from '../../domain/apply-step-facts';
import { issuesTouchedBy, type ApplyStep, type Proposal } from '../../domain/proposal';
import type { ScopeStep } from '../../domain/churn';
import type { ScopeChange } from '../../domain/scope-change';
import type { BoardSummary, CallerGrants, IssueRef, Ports } from '../ports';

/** What a view withheld from the caller, for the UI to say so. */
export interface HiddenFromCaller {
  /** Distinct issues left out because the caller cannot browse them. */
  readonly issues: number;
  /** The board (its sprint, goal and risk) was left out because the caller cannot see it. */
  readonly board: boolean;
}

export const NOTHING_HIDDEN: HiddenFromCaller = { issues: 0, board: false };

/** The words of every answer about a board the caller cannot see: it names nothing of it. */
export function hiddenBoardError(): GoalkeeperError {
  return new GoalkeeperError(
    'forbidden',
    'This issue is planned in a sprint on a board you cannot see in Jira, so Goalkeeper cannot show or assess that sprint for you.',
  );
}

export interface SightRequest {
  readonly issues: readonly IssueRef[];
  /**
   * The sprint's issues (its snapshot), asked about with the rest; when they are more than one
   * permission check holds, Jira answers for them with one search as the caller (src/jira/permissions.ts).
   */
  readonly sprint?: { readonly id: number; readonly issues: readonly IssueRef[] };
  /**
   * Issues the caller was already found to browse, asked of Jira as them (read as them, or
   * requireChangePermissions): not asked again. A board of their project is seen too: Jira reports
   * a project permission "for a project, where the project permission is determined using issue
   * data, if the user meets the permission's criteria for any issue in the project"
   * (GET /rest/api/3/mypermissions), and browsing the board's project is Jira's test for a board.
   */
  readonly seenIssues?: readonly { readonly key: string; readonly projectId: string }[];
  /** Boards whose sprint details the view would show; seen when their project is browsable. */
  readonly boards?: readonly BoardSummary[];
  /** Boards the caller was already checked for (e.g. requireVisibleBoard): not asked again. */
  readonly seenBoardIds?: readonly number[];
  /** Further permissions to learn on some issues in the same call (e.g. the panel's Edit issues on its issue). */
  readonly permissions?: { readonly asked: readonly JiraPermission[]; readonly on: readonly string[] };
}

/**
 * Asks Jira once, as the caller, about everything a view may show. Without issues or boards to
 * ask about, no call is made.
 */
export async function askSight(ports: Ports, request: SightRequest): Promise<CallerSight> {
  const seen = new Set(request.seenBoardIds ?? []);
  const seenProjectIds = new Set((request.seenIssues ?? []).map((issue) => issue.projectId));
  for (const board of request.boards ?? []) if (board.projectId && seenProjectIds.has(board.projectId)) seen.add(board.id);
  const boards = (request.boards ?? []).filter((board) => !seen.has(board.id));
  const projectIds = [...new Set(boards.flatMap((board) => (board.projectId ? [board.projectId] : [])))];
  const permissionsOn = new Set(request.permissions?.on ?? []);
  const browsed = new Set((request.seenIssues ?? []).map((issue) => issue.key).filter((key) => !permissionsOn.has(key)));
  const all = uniqueRefs([...request.issues, ...(request.sprint?.issues ?? [])]);
  const issues = all.filter((issue) => !browsed.has(issue.key));
  const sprint = request.sprint
    ? {
        sprintId: request.sprint.id,
        keys: new Set(request.sprint.issues.map((issue) => issue.key).filter((key) => !permissionsOn.has(key))),
      }
    : undefined;
  const asked: CallerGrants =
    issues.length === 0 && projectIds.length === 0
      ? { issues: new Map(), browsableProjectIds: new Set() }
      : await ports.jira.sightOfCaller(issues, projectIds, request.permissions?.asked ?? [], sprint);
  const held = new Map(asked.issues);
  for (const key of browsed) held.set(key, new Set<JiraPermission>(['BROWSE_PROJECTS']));
  for (const board of boards) if (board.projectId && asked.browsableProjectIds.has(board.projectId)) seen.add(board.id);
  return new CallerSight({ issues: held, browsableProjectIds: asked.browsableProjectIds }, seen, new Set(all.map((issue) => issue.key)));
}

/** One caller's sight for one view: filters everything the view shows, and counts what it left out. */
export class CallerSight {
  private readonly hiddenKeys = new Set<string>();
  private boardHidden = false;

  constructor(
    private readonly grants: CallerGrants,
    private readonly seenBoardIds: ReadonlySet<number>,
    /** Keys the check covered: in free text, only these can be told apart from words that look like keys. */
    private readonly askedKeys: ReadonlySet<string>,
  ) {}

  seesIssue(key: string): boolean {
    return this.grants.issues.get(key)?.has('BROWSE_PROJECTS') === true;
  }

  holds(key: string, permission: JiraPermission): boolean {
    return this.seesIssue(key) && this.grants.issues.get(key)?.has(permission) === true;
  }

  seesBoard(boardId: number): boolean {
    return this.seenBoardIds.has(boardId);
  }

  /** Records that the view left its board out (the caller cannot see it). */
  hideBoard(): void {
    this.boardHidden = true;
  }

  hidden(): HiddenFromCaller {
    return { issues: this.hiddenKeys.size, board: this.boardHidden };
  }

  /** The items the caller may browse; the rest counted. */
  issues<T extends { readonly key: string }>(items: readonly T[]): T[] {
    return items.filter((item) => this.keep(item.key));
  }

  /**
   * A proposal is shown only when the caller may browse every issue it names (a swap's out-issue,
   * a re-rank's anchor); its assessments only when they are about a board the caller sees, and
   * then without the issues the caller cannot browse.
   */
  proposal(proposal: Proposal): Proposal | null {
    const named = issuesTouchedBy(proposal);
    const visible = named.map((key) => this.keep(key)).every(Boolean);
    if (!visible) return null;
    const onSeenBoard = this.seesBoard(proposal.boardId);
    const assessmentOf = (assessment: Assessment | null) => (assessment && onSeenBoard ? this.assessment(assessment) : null);
    return {
      ...proposal,
      pointsAtProposal: Object.fromEntries(Object.entries(proposal.pointsAtProposal).filter(([key]) => this.keep(key))),
      assessment: assessmentOf(proposal.assessment),
      decision: proposal.decision ? { ...proposal.decision, assessment: assessmentOf(proposal.decision.assessment) } : null,
      apply: proposal.apply
        ? {
            ...proposal.apply,
            lastError: proposal.apply.lastError === null ? null : this.text(proposal.apply.lastError),
            steps: proposal.apply.steps.map((step) => this.step(step)),
          }
        : null,
      staleReason: proposal.staleReason === null ? null : this.text(proposal.staleReason),
    };
  }

  proposals(proposals: readonly Proposal[]): Proposal[] {
    return proposals.flatMap((proposal) => {
      const shown = this.proposal(proposal);
      return shown ? [shown] : [];
    });
  }

  /** An assessment without the issues the caller cannot browse: suggestions naming one are dropped. */
  assessment(assessment: Assessment): Assessment {
    const line = (figures: Assessment['before']) => ({
      ...figures,
      capacityLine: {
        ...figures.capacityLine,
        aboveKeys: figures.capacityLine.aboveKeys.filter((key) => this.keep(key)),
        belowKeys: figures.capacityLine.belowKeys.filter((key) => this.keep(key)),
      },
    });
    return {
      ...assessment,
      before: line(assessment.before),
      after: line(assessment.after),
      reasons: assessment.reasons.flatMap((reason) => this.reason(reason)),
      suggestions: assessment.suggestions.filter((suggestion) =>
        keysOfSuggestion(suggestion)
          .map((key) => this.keep(key))
          .every(Boolean),
      ),
    };
  }

  /** Bypassed changes (and other scope changes) on issues the caller may browse. */
  scopeChanges<T extends ScopeChange>(changes: readonly T[]): T[] {
    return changes.filter((change) => this.keep(change.issueKey));
  }

  /** The burn-up's steps keep their totals; a step caused by a hidden issue does not say which. */
  scopeSteps(steps: readonly ScopeStep[]): ScopeStep[] {
    return steps.map((step) => (step.change && !this.keep(step.change.issueKey) ? { ...step, change: null } : step));
  }

  /** A journal step as the caller may see it, in a proposal or in the audit trail. */
  step({ marker: _marker, ...step }: ApplyStep): ApplyStep {
    // A step's marker is the apply's proof of its own doing: no one outside the app learns it.
    return {
      ...step,
      detail: this.text(step.detail),
      ...(step.createdKeys ? { createdKeys: step.createdKeys.filter((key) => this.keep(key)) } : {}),
      ...(step.facts ? { facts: this.facts(step.facts) } : {}),
    };
  }

  /** A step's facts with the keys of issues the caller cannot see replaced, as in text. */
  private facts(facts: ApplyStepFacts): ApplyStepFacts {
    switch (facts.kind) {
      case 'rank':
        return { ...facts, issueKeys: facts.issueKeys.map((key) => this.text(key)), anchorKey: this.text(facts.anchorKey) };
      case 'rank-below-goal':
        return { ...facts, issueKeys: facts.issueKeys.map((key) => this.text(key)) };
      case 'create-split-part':
        return { ...facts, sourceKey: this.text(facts.sourceKey) };
      case 'move-into-sprint':
      case 'move-to-backlog':
      case 'place-with-goal':
      case 'nothing-to-rank':
      case 'set-priority':
      case 'set-estimate':
      case 'comment':
      case 'comment-skipped':
        return { ...facts, issueKey: this.text(facts.issueKey) };
    }
  }

  /** Text Goalkeeper wrote (journal lines, reasons) without the keys of issues the caller cannot see. */
  text(value: string): string {
    return value.replace(ISSUE_KEY, (key) => (this.seesIssue(key) || !this.askedKeys.has(key) ? key : this.hide(key)));
  }

  private reason(reason: AssessmentReason): AssessmentReason[] {
    const keyFigures = Object.entries(reason.figures).filter(([name]) => name === 'issueKey' || name === 'issueKeys');
    if (keyFigures.length === 0) return [{ ...reason, message: this.text(reason.message) }];
    const figures: Record<string, number | string> = { ...reason.figures };
    for (const [name, value] of keyFigures) {
      const shown = String(value)
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '' && this.keep(key));
      if (shown.length === 0) return [];
      figures[name] = shown.join(', ');
    }
    return [{ ...reason, figures, message: this.text(reason.message) }];
  }

  private keep(key: string): boolean {
    if (this.seesIssue(key)) return true;
    this.hiddenKeys.add(key);
    return false;
  }

  private hide(key: string): string {
    this.hiddenKeys.add(key);
    return HIDDEN_KEY;
  }
}

/** What replaces a hidden issue's key in text Goalkeeper wrote. */
export const HIDDEN_KEY = '(an issue you cannot see)';

/** Jira issue keys: a project key (a letter, then letters, digits or underscores) and a number. */
const ISSUE_KEY = /\b[A-Z][A-Z0-9_]+-\d+\b/g;

/** Every issue a proposal names or its assessments and journal mention, for one check. */
export function issueRefsOf(proposal: Proposal): IssueRef[] {
  const keys = [
    ...issuesTouchedBy(proposal),
    ...Object.keys(proposal.pointsAtProposal),
    ...(proposal.assessment ? keysOfAssessment(proposal.assessment) : []),
    ...(proposal.decision?.assessment ? keysOfAssessment(proposal.decision.assessment) : []),
    ...(proposal.apply?.steps ?? []).flatMap((step) => [...(step.createdKeys ?? []), ...(step.detail.match(ISSUE_KEY) ?? [])]),
    ...(proposal.apply?.lastError?.match(ISSUE_KEY) ?? []),
    ...(proposal.staleReason?.match(ISSUE_KEY) ?? []),
  ];
  return [{ key: proposal.issueKey, id: proposal.issueId }, ...keys.map((key) => ({ key }))];
}

export function keysOfAssessment(assessment: Assessment): string[] {
  return [
    ...assessment.before.capacityLine.aboveKeys,
    ...assessment.before.capacityLine.belowKeys,
    ...assessment.after.capacityLine.aboveKeys,
    ...assessment.after.capacityLine.belowKeys,
    ...assessment.suggestions.flatMap(keysOfSuggestion),
    ...assessment.reasons.flatMap((reason) => reason.message.match(ISSUE_KEY) ?? []),
  ];
}

function keysOfSuggestion(suggestion: Suggestion): readonly string[] {
  return suggestion.kind === 'split' ? [suggestion.issueKey] : suggestion.issueKeys;
}

/** Refs by key, keeping an id where any ref has one. */
function uniqueRefs(refs: readonly IssueRef[]): IssueRef[] {
  const byKey = new Map<string, IssueRef>();
  for (const ref of refs) if (!byKey.get(ref.key)?.id) byKey.set(ref.key, ref);
  return [...byKey.values()];
}

/**
 * One check for the given proposals (their issues, assessments and boards), then the filter: for
 * answers that return proposals. `knownIssues` are issues the use case has already read with their
 * ids (the sprint's snapshot): a key an assessment names is checked by that id, so no lookup of
 * keys precedes the check (one lookup per 100 keys otherwise, issue 12).
 */
export async function proposalsShownTo(
  ports: Ports,
  proposals: readonly Proposal[],
  seenBoardIds: readonly number[] = [],
  knownIssues: readonly IssueRef[] = [],
): Promise<{ proposals: Proposal[]; sight: CallerSight }> {
  const unseen = [...new Set(proposals.map((proposal) => proposal.boardId))].filter((id) => !seenBoardIds.includes(id));
  const boards = (await Promise.all(unseen.map((id) => ports.jira.getBoard(id)))).filter((board): board is BoardSummary => board !== null);
  const idOf = new Map(knownIssues.flatMap((issue) => (issue.id ? [[issue.key, issue.id] as const] : [])));
  const issues = proposals
    .flatMap(issueRefsOf)
    .map((ref) => (ref.id || !idOf.has(ref.key) ? ref : { key: ref.key, id: idOf.get(ref.key) }));
  const sight = await askSight(ports, { issues, boards, seenBoardIds });
  return { proposals: sight.proposals(proposals), sight };
}

/** A single proposal as the caller may see it (they may browse its issue: checked before). */
export async function proposalShownTo(ports: Ports, proposal: Proposal, knownIssues: readonly IssueRef[] = []): Promise<Proposal> {
  const [shown] = (await proposalsShownTo(ports, [proposal], [], knownIssues)).proposals;
  if (!shown) throw new GoalkeeperError('not-found', 'This proposal does not exist or you do not have permission to see it.');
  return shown;
}
