/**
 * Turns an approved change into the ordered Jira steps that carry it out. Each step has a stable
 * name (the journal key) and, where re-running it could duplicate work, a way to find out
 * whether an interrupted earlier run already did it.
 */
import type { Change, CounterChange } from '../../domain/change';
import { GoalkeeperError } from '../../domain/errors';
import type { ApplyStepFacts } from '../../domain/apply-step-facts';
import { counterChangeIn, type ApplyStep, type Proposal } from '../../domain/proposal';
import { matchesGoalRule } from '../../domain/goal-critical';
import { goalInsertionIndex, goalPlacement, lastOpenGoalIndex } from '../../domain/goal-placement';
import type { SprintIssue } from '../../domain/sprint';
import { decisionCommentFor } from './decision-comment';
import type { ApplyMark, BoardEstimation, GoalCriticalRule, JiraStepResult, Ports } from '../ports';

export interface ApplyStepPlan {
  readonly name: string;
  readonly describe: string;
  /** What the step does, recorded with it so each app words it in the reader's language. */
  readonly facts: ApplyStepFacts;
  /**
   * Steps that create something in Jira are not idempotent: the worker makes a fresh marker when
   * the step starts, records it in the journal, and the step writes it on what it creates.
   */
  readonly marks?: boolean;
  run(mark?: ApplyMark): Promise<JiraStepResult>;
  /** For steps that are not idempotent: did the interrupted run recorded as `started` already do it? */
  alreadyDone?(started: ApplyStep): Promise<JiraStepResult | null>;
}

/** Whether the decision comment is posted: not at all (setting), or skipped because the decider may not comment. */
export type CommentPlan = { readonly post: false } | { readonly post: true; readonly skipBecause: string | null };

interface PlanContext {
  readonly ports: Ports;
  readonly proposal: Proposal;
  readonly estimation: BoardEstimation;
  readonly comment: CommentPlan;
  /** The board's goal-critical rule: where "the goal's last item" is, for placing work around it. */
  readonly goalCritical: GoalCriticalRule;
}

/**
 * A change with a counter-change is applied as one: deferrals first (room is made before work
 * arrives), then the change, then items ranked below the goal (after whatever the change placed).
 * Any step failing leaves the proposal apply-failed, and Retry completes the rest.
 */
export async function planApply(context: PlanContext): Promise<ApplyStepPlan[]> {
  const counter = counterChangeIn(context.proposal);
  const before = counter?.kind === 'defer' ? await deferralSteps(context, counter) : [];
  const after = counter?.kind === 'rank-below-goal' ? [rankBelowGoalStep(context, counter)] : [];
  const steps = [...before, ...(await changeSteps(context, context.proposal.change)), ...after];
  if (!context.comment.post) return steps;
  return [...steps, context.comment.skipBecause ? skippedCommentStep(context.proposal, context.comment.skipBecause) : commentStep(context)];
}

/** The mark of step `name` of this proposal with `marker`. */
export function markOf(proposal: Proposal, name: string, marker: string): ApplyMark {
  return { proposalId: proposal.id, step: name, marker };
}

/** A step started before Goalkeeper marked what it creates cannot be told apart from a look-alike: it is not run blind. */
function unmarked(what: string): JiraStepResult {
  return {
    ok: false,
    status: 0,
    message: `an earlier attempt started this step without the marker Goalkeeper now writes, so it cannot tell whether ${what} exists; check in Jira, then propose the change again`,
  };
}

async function deferralSteps(context: PlanContext, counter: CounterChange): Promise<ApplyStepPlan[]> {
  const next = (await context.ports.jira.futureSprints(context.proposal.boardId))[0];
  if (!next) throw new GoalkeeperError('stale', 'The board has no future sprint to defer to any more. Create one in Jira, then retry.');
  return counter.issueKeys.map((key) => moveIntoSprint(context.ports, `make-room-defer-${key}`, key, next.id, next.name));
}

/** The active sprint's issues as they are now, goal-critical marked: read when a step runs, after the steps before it. */
async function sprintIssuesNow(context: PlanContext): Promise<readonly SprintIssue[]> {
  const sprint = await context.ports.jira.getSprint(context.proposal.sprintId);
  return sprint ? (await context.ports.jira.sprintSnapshot(sprint, context.goalCritical)).issues : [];
}

const isOpenIssue = (issue: SprintIssue): boolean => issue.statusCategory !== 'done';

/** The lowest-ranked goal-critical item still open, leaving out `except`: work ranked after it is done after the goal. */
function lastOpenGoalItem(issues: readonly SprintIssue[], except: ReadonlySet<string>): SprintIssue | undefined {
  const others = issues.filter((issue) => !except.has(issue.key));
  return others[lastOpenGoalIndex(others, isOpenIssue)];
}

function rankBelowGoalStep(context: PlanContext, counter: CounterChange): ApplyStepPlan {
  const keys = counter.issueKeys;
  return {
    name: 'make-room-rank-below-goal',
    describe: `Rank ${keys.join(', ')} below the goal's last item`,
    facts: { kind: 'rank-below-goal', issueKeys: keys },
    run: async () => {
      const anchor = lastOpenGoalItem(await sprintIssuesNow(context), new Set(keys));
      if (!anchor) return { ok: true, status: 204, message: 'No goal-critical item is open: nothing to rank below.' };
      const result = await context.ports.jira.rank(keys, 'after', anchor.key);
      return result.ok ? { ...result, message: `Ranked after ${anchor.key}.` } : result;
    },
  };
}

/**
 * Jira puts an issue moved into a sprint at the bottom of its rank order; goal-critical work
 * would then wait behind stretch work, which is not what the assessment assumed (issue 13: it is
 * placed right after the goal's last open item, or before all open work when the goal's other
 * items are done; goal-placement.ts). Other work stays where Jira put it.
 */
function placeWithGoalStep(context: PlanContext, issueKey: string): ApplyStepPlan {
  return {
    name: 'place-with-goal',
    describe: `Rank ${issueKey} with the goal's items, if it is goal-critical`,
    facts: { kind: 'place-with-goal', issueKey },
    run: async () => {
      const notGoalWork: JiraStepResult = {
        ok: true,
        status: 204,
        message: `${issueKey} is not goal-critical: it stays where Jira put it.`,
      };
      // A rule without JQL judges the issue by its own fields (labels, epic, flag): the sprint's
      // order, a read of every page of it, is needed only for goal work (issue 12).
      if (!context.goalCritical.jql) {
        const facts = await context.ports.jira.getIssue(issueKey);
        if (facts && !matchesGoalRule(context.goalCritical, facts)) return notGoalWork;
      }
      const issues = await sprintIssuesNow(context);
      const subject = issues.find((issue) => issue.key === issueKey);
      if (!subject?.goalCritical) return notGoalWork;
      const others = issues.filter((issue) => issue !== subject);
      const placement = goalPlacement(others, isOpenIssue);
      // Taken out and put back at its place, it would stand where it stands: nothing to rank.
      if (!placement || goalInsertionIndex(others, isOpenIssue) === issues.indexOf(subject))
        return { ok: true, status: 204, message: `${issueKey} is already with the goal's items.` };
      const anchor = others[placement.index]!;
      const result = await context.ports.jira.rank([issueKey], placement.position, anchor.key);
      return result.ok ? { ...result, message: `Ranked ${placement.position} ${anchor.key}.` } : result;
    },
  };
}

async function changeSteps(context: PlanContext, change: Change): Promise<ApplyStepPlan[]> {
  const { ports, proposal } = context;
  const jira = ports.jira;
  const key = proposal.issueKey;
  switch (change.kind) {
    case 'add':
      return [moveIntoSprint(ports, 'move-into-sprint', key, proposal.sprintId), placeWithGoalStep(context, key)];
    case 'remove':
      return [moveToBacklog(ports, 'move-to-backlog', key, proposal.sprintId)];
    case 'defer': {
      const next = (await jira.futureSprints(proposal.boardId))[0];
      if (!next) throw new GoalkeeperError('stale', 'The board has no future sprint to defer to any more. Create one in Jira, then retry.');
      return [moveIntoSprint(ports, 'move-to-next-sprint', key, next.id, next.name)];
    }
    case 'rerank':
      return [await rankStep(context, change.target)];
    case 'priority':
      return [
        {
          name: 'set-priority',
          describe: `Set priority of ${key} to ${change.priorityName}`,
          facts: { kind: 'set-priority', issueKey: key, priorityName: change.priorityName },
          run: () => jira.setPriority(key, change.priorityName),
        },
      ];
    case 'estimate':
      return [
        {
          name: 'set-estimate',
          describe: `Set estimate of ${key} to ${change.points}`,
          facts: { kind: 'set-estimate', issueKey: key, points: change.points },
          run: () => jira.setEstimate(key, context.estimation, change.points),
        },
      ];
    case 'split':
      return splitSteps(context, change.parts);
    case 'swap':
      return [
        moveIntoSprint(ports, 'swap-in', key, proposal.sprintId),
        moveToBacklog(ports, 'swap-out', change.outIssueKey, proposal.sprintId),
      ];
    case 'tweak':
      return [];
  }
}

/** A move is idempotent in Jira, so re-running it is safe; the read-back proves it landed. */
function moveIntoSprint(ports: Ports, name: string, issueKey: string, sprintId: number, sprintName?: string): ApplyStepPlan {
  return {
    name,
    describe: `Move ${issueKey} into sprint ${sprintId}`,
    facts: { kind: 'move-into-sprint', issueKey, sprintId, ...(sprintName ? { sprintName } : {}) },
    run: async () =>
      readBack(
        await ports.jira.moveToSprint(sprintId, [issueKey]),
        ports,
        issueKey,
        (ids) => ids.includes(sprintId),
        `${issueKey} is in sprint ${sprintId}`,
      ),
  };
}

function moveToBacklog(ports: Ports, name: string, issueKey: string, sprintId: number): ApplyStepPlan {
  return {
    name,
    describe: `Move ${issueKey} to the backlog`,
    facts: { kind: 'move-to-backlog', issueKey },
    run: async () =>
      readBack(
        await ports.jira.moveToBacklog([issueKey]),
        ports,
        issueKey,
        (ids) => !ids.includes(sprintId),
        `${issueKey} left sprint ${sprintId}`,
      ),
  };
}

/** Jira answered 2xx; read the issue back and trust only what it now says. */
async function readBack(
  result: JiraStepResult,
  ports: Ports,
  issueKey: string,
  holds: (openSprintIds: readonly number[]) => boolean,
  expectation: string,
): Promise<JiraStepResult> {
  if (!result.ok) return result;
  const issue = await ports.jira.getIssue(issueKey);
  if (issue && holds(issue.openSprintIds)) return { ...result, message: `Verified: ${expectation}.` };
  return {
    ok: false,
    status: result.status,
    message: `Jira accepted the change but reading ${issueKey} back does not show it (${expectation}).`,
  };
}

async function rankStep(context: PlanContext, target: Extract<Change, { kind: 'rerank' }>['target']): Promise<ApplyStepPlan> {
  const { ports, proposal } = context;
  const key = proposal.issueKey;
  if (target.position === 'before' || target.position === 'after') {
    return {
      name: 'rank',
      describe: `Rank ${key} ${target.position} ${target.issueKey}`,
      facts: { kind: 'rank', issueKeys: [key], position: target.position, anchorKey: target.issueKey },
      run: () => ports.jira.rank([key], target.position, target.issueKey),
    };
  }
  const sprint = await ports.jira.getSprint(proposal.sprintId);
  const others = sprint
    ? (await ports.jira.sprintSnapshot(sprint, { labels: [], epicKeys: [], flaggedIssueKeys: [], jql: null })).issues.filter(
        (i) => i.key !== key,
      )
    : [];
  const anchor = target.position === 'top' ? others[0] : others[others.length - 1];
  if (!anchor) {
    return {
      name: 'rank',
      describe: `${key} is the only issue in the sprint`,
      facts: { kind: 'nothing-to-rank', issueKey: key },
      run: async () => ({ ok: true, status: 204, message: 'Nothing to rank against.' }),
    };
  }
  const position = target.position === 'top' ? 'before' : 'after';
  return {
    name: 'rank',
    describe: `Rank ${key} ${position} ${anchor.key}`,
    facts: { kind: 'rank', issueKeys: [key], position, anchorKey: anchor.key },
    run: () => ports.jira.rank([key], position, anchor.key),
  };
}

/**
 * A split as Jira's own split makes it: each part a sibling of the issue (same type, same parent
 * or epic) in the proposal's sprint, with the points the proposer gave it; the issue keeps what
 * was not split off (from its estimate when proposed, so a retry never reduces it twice).
 */
async function splitSteps(context: PlanContext, parts: Extract<Change, { kind: 'split' }>['parts']): Promise<ApplyStepPlan[]> {
  const { ports, proposal, estimation } = context;
  const sourceKey = proposal.issueKey;
  const createParts = parts.map<ApplyStepPlan>((part, index) => {
    const name = `create-part-${index + 1}`;
    return {
      name,
      describe: `Create "${part.summary}" (${part.points} pts) beside ${sourceKey}, in sprint ${proposal.sprintId}`,
      facts: { kind: 'create-split-part', sourceKey, summary: part.summary, points: part.points, sprintId: proposal.sprintId },
      marks: true,
      run: (mark) => ports.jira.createSplitPart(sourceKey, part, estimation, proposal.sprintId, mark),
      // Only the issue this step created carries its marker: never one with the same summary.
      // Moving it into the sprint again is harmless, and completes a part whose move was lost.
      alreadyDone: async (started) => {
        if (!started.marker) return unmarked(`the split part "${part.summary}"`);
        const existing = await ports.jira.markedSplitPart(sourceKey, markOf(proposal, name, started.marker), started.at);
        if (!existing) return null;
        const moved = await ports.jira.moveToSprint(proposal.sprintId, [existing]);
        return moved.ok
          ? { ok: true, status: 200, message: `Found ${existing}, created by an interrupted attempt.`, createdKeys: [existing] }
          : { ...moved, createdKeys: [existing] };
      },
    };
  });
  const sourcePoints = proposal.pointsAtProposal[sourceKey] ?? null;
  if (sourcePoints === null) return createParts;
  const remaining = Math.max(0, sourcePoints - parts.reduce((sum, part) => sum + part.points, 0));
  return [
    ...createParts,
    {
      name: 'reduce-parent-estimate',
      describe: `Set estimate of ${sourceKey} to ${remaining}`,
      facts: { kind: 'set-estimate', issueKey: sourceKey, points: remaining },
      run: () => ports.jira.setEstimate(sourceKey, estimation, remaining),
    },
  ];
}

function commentStep(context: PlanContext): ApplyStepPlan {
  const { ports, proposal } = context;
  return {
    name: 'comment',
    describe: `Comment the decision on ${proposal.issueKey}`,
    facts: { kind: 'comment', issueKey: proposal.issueKey },
    marks: true,
    // Only the comment this step posted carries its marker: never one whose text merely matches.
    alreadyDone: async (started) => {
      if (!started.marker) return unmarked('the decision comment');
      const found = await ports.jira.hasMarkedComment(proposal.issueKey, markOf(proposal, 'comment', started.marker), started.at);
      return found ? { ok: true, status: 200, message: 'Found the decision comment an interrupted attempt posted.' } : null;
    },
    run: async (mark) => ports.jira.addDecisionComment(proposal.issueKey, await decisionCommentFor(ports, proposal), mark),
  };
}

/**
 * The app posts the decision comment on behalf of the person who decided (auto-approved: the
 * proposer); for one who may not comment in Jira nothing is posted — no rationale, no tweak
 * note — and the journal says so (src/domain/change-permissions.ts).
 */
function skippedCommentStep(proposal: Proposal, why: string): ApplyStepPlan {
  return {
    name: 'comment',
    describe: `Decision comment on ${proposal.issueKey} not posted: ${why}`,
    facts: { kind: 'comment-skipped', issueKey: proposal.issueKey },
    run: async () => ({ ok: true, status: 0, message: 'nothing was posted' }),
  };
}
