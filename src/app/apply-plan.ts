/**
 * Turns an approved change into the ordered Jira steps that carry it out. Each step has a stable
 * name (the journal key) and, where re-running it could duplicate work, a way to find out
 * whether an interrupted earlier run already did it.
 */
import type { Change } from '../domain/change';
import { GoalkeeperError } from '../domain/errors';
import type { Proposal } from '../domain/proposal';
import { decisionCommentFor } from './decision-comment';
import type { BoardEstimation, JiraStepResult, Ports } from './ports';

export interface ApplyStepPlan {
  readonly name: string;
  readonly describe: string;
  run(): Promise<JiraStepResult>;
  /** For steps that are not idempotent: did an interrupted run already do it? */
  alreadyDone?(): Promise<JiraStepResult | null>;
}

interface PlanContext {
  readonly ports: Ports;
  readonly proposal: Proposal;
  readonly estimation: BoardEstimation;
  readonly commentOnDecision: boolean;
}

export async function planApply(context: PlanContext): Promise<ApplyStepPlan[]> {
  const steps = await changeSteps(context, context.proposal.change);
  return context.commentOnDecision ? [...steps, commentStep(context)] : steps;
}

async function changeSteps(context: PlanContext, change: Change): Promise<ApplyStepPlan[]> {
  const { ports, proposal } = context;
  const jira = ports.jira;
  const key = proposal.issueKey;
  switch (change.kind) {
    case 'add':
      return [moveIntoSprint(ports, 'move-into-sprint', key, proposal.sprintId)];
    case 'remove':
      return [moveToBacklog(ports, 'move-to-backlog', key, proposal.sprintId)];
    case 'defer': {
      const next = (await jira.futureSprints(proposal.boardId))[0];
      if (!next) throw new GoalkeeperError('stale', 'The board has no future sprint to defer to any more. Create one in Jira, then retry.');
      return [moveIntoSprint(ports, 'move-to-next-sprint', key, next.id)];
    }
    case 'rerank':
      return [await rankStep(context, change.target)];
    case 'priority':
      return [{ name: 'set-priority', describe: `Set priority of ${key} to ${change.priorityName}`, run: () => jira.setPriority(key, change.priorityName) }];
    case 'estimate':
      return [{ name: 'set-estimate', describe: `Set estimate of ${key} to ${change.points}`, run: () => jira.setEstimate(key, context.estimation, change.points) }];
    case 'split':
      return splitSteps(context, change.parts);
    case 'swap':
      return [moveIntoSprint(ports, 'swap-in', key, proposal.sprintId), moveToBacklog(ports, 'swap-out', change.outIssueKey, proposal.sprintId)];
    case 'tweak':
      return [];
  }
}

/** A move is idempotent in Jira, so re-running it is safe; the read-back proves it landed. */
function moveIntoSprint(ports: Ports, name: string, issueKey: string, sprintId: number): ApplyStepPlan {
  return {
    name,
    describe: `Move ${issueKey} into sprint ${sprintId}`,
    run: async () => readBack(await ports.jira.moveToSprint(sprintId, [issueKey]), ports, issueKey, (ids) => ids.includes(sprintId), `${issueKey} is in sprint ${sprintId}`),
  };
}

function moveToBacklog(ports: Ports, name: string, issueKey: string, sprintId: number): ApplyStepPlan {
  return {
    name,
    describe: `Move ${issueKey} to the backlog`,
    run: async () => readBack(await ports.jira.moveToBacklog([issueKey]), ports, issueKey, (ids) => !ids.includes(sprintId), `${issueKey} left sprint ${sprintId}`),
  };
}

/** Jira answered 2xx; read the issue back and trust only what it now says. */
async function readBack(result: JiraStepResult, ports: Ports, issueKey: string, holds: (openSprintIds: readonly number[]) => boolean, expectation: string): Promise<JiraStepResult> {
  if (!result.ok) return result;
  const issue = await ports.jira.getIssue(issueKey);
  if (issue && holds(issue.openSprintIds)) return { ...result, message: `Verified: ${expectation}.` };
  return { ok: false, status: result.status, message: `Jira accepted the change but reading ${issueKey} back does not show it (${expectation}).` };
}

async function rankStep(context: PlanContext, target: Extract<Change, { kind: 'rerank' }>['target']): Promise<ApplyStepPlan> {
  const { ports, proposal } = context;
  const key = proposal.issueKey;
  if (target.position === 'before' || target.position === 'after') {
    return { name: 'rank', describe: `Rank ${key} ${target.position} ${target.issueKey}`, run: () => ports.jira.rank([key], target.position, target.issueKey) };
  }
  const sprint = await ports.jira.getSprint(proposal.sprintId);
  const others = sprint ? (await ports.jira.sprintSnapshot(sprint, { labels: [], epicKeys: [], flaggedIssueKeys: [], jql: null })).issues.filter((i) => i.key !== key) : [];
  const anchor = target.position === 'top' ? others[0] : others[others.length - 1];
  if (!anchor) return { name: 'rank', describe: `${key} is the only issue in the sprint`, run: async () => ({ ok: true, status: 204, message: 'Nothing to rank against.' }) };
  const position = target.position === 'top' ? 'before' : 'after';
  return { name: 'rank', describe: `Rank ${key} ${position} ${anchor.key}`, run: () => ports.jira.rank([key], position, anchor.key) };
}

async function splitSteps(context: PlanContext, parts: Extract<Change, { kind: 'split' }>['parts']): Promise<ApplyStepPlan[]> {
  const { ports, proposal, estimation } = context;
  const parentKey = proposal.issueKey;
  const createParts = parts.map<ApplyStepPlan>((part, index) => ({
    name: `create-part-${index + 1}`,
    describe: `Create sub-issue "${part.summary}" (${part.points} pts) under ${parentKey}`,
    run: () => ports.jira.createSubIssue(parentKey, part.summary, part.points, estimation),
    alreadyDone: async () => {
      const existing = (await ports.jira.subIssues(parentKey)).find((sub) => sub.summary === part.summary);
      return existing ? { ok: true, status: 200, message: `Found ${existing.key}, created by an interrupted attempt.`, createdKeys: [existing.key] } : null;
    },
  }));
  const parentPoints = proposal.pointsAtProposal[parentKey] ?? null;
  if (parentPoints === null) return createParts;
  const remaining = Math.max(0, parentPoints - parts.reduce((sum, part) => sum + part.points, 0));
  return [
    ...createParts,
    { name: 'reduce-parent-estimate', describe: `Set estimate of ${parentKey} to ${remaining}`, run: () => ports.jira.setEstimate(parentKey, estimation, remaining) },
  ];
}

function commentStep(context: PlanContext): ApplyStepPlan {
  const { ports, proposal } = context;
  return {
    name: 'comment',
    describe: `Comment the decision on ${proposal.issueKey}`,
    alreadyDone: async () =>
      (await ports.jira.hasDecisionComment(proposal.issueKey, proposal.id)) ? { ok: true, status: 200, message: 'Found the decision comment an interrupted attempt posted.' } : null,
    run: async () => ports.jira.addDecisionComment(proposal.issueKey, await decisionCommentFor(ports, proposal)),
  };
}
