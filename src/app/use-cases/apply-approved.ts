/**
 * The apply worker: carries an approved proposal into Jira exactly once. It works as a journal:
 * each step is claimed (written 'started') before its Jira call and recorded after it, so a
 * replayed or concurrent job skips what is done, and a step left "in doubt" (a crash, a timeout,
 * a lost answer) is settled by the next attempt looking at Jira rather than by doing it again.
 * Forge may run two apply jobs at once: an apply first claims the issues its change names, so of two
 * approved proposals moving the same issue one runs, and the other fails its attempt untouched and
 * is judged against the sprint as it then is when retried.
 */
import { GoalkeeperError } from '../../domain/errors';
import {
  counterChangeIn,
  currentApplyAttempt,
  finishApplyAttempt,
  isApplicable,
  issuesTouchedBy,
  recordApplyProgress,
  type ApplyJournal,
  type ApplyStep,
  type Proposal,
} from '../../domain/proposal';
import { gapInRights, isProductOwner, refusalByRights } from '../support/access';
import { markOf, planApply, type ApplyStepPlan } from '../support/apply-plan';
import { recordStale } from '../support/stale-proposal';
import { settingsForBoard } from '../../domain/settings';
import { loadSettings } from '../support/issue-situation';
import { persistTransition } from '../support/persist';
import type { JiraStepResult, Ports } from '../ports';
import { COMMENT_PERMISSIONS, permissionsForChange, permissionsForCounterChange } from '../../domain/change-permissions';
import { situationFor } from '../support/change-situation';
import { unwrap } from '../support/unwrap';

export interface ApplyJob {
  readonly proposalId: string;
  readonly attempt: number;
}

export async function applyApproved(ports: Ports, job: ApplyJob): Promise<Proposal | undefined> {
  const loaded = await ports.proposals.get(job.proposalId);
  if (!loaded || !isApplicable(loaded)) return loaded; // replayed job, already applied, or withdrawn meanwhile
  if (job.attempt !== currentApplyAttempt(loaded)) return ignoreStaleJob(loaded, job);
  const issueKeys = issuesTouchedBy(loaded);
  if ((await ports.issueClaims.claim(issueKeys, loaded.id)) === 'taken') {
    const message = `Another approved change to ${issueKeys.join(' or ')} was being applied at the same moment, so nothing was changed. Retry checks this one against the sprint again.`;
    return finish(ports, loaded, newAttempt(loaded), false, message);
  }
  try {
    return await applyClaimed(ports, job);
  } finally {
    await ports.issueClaims.release(issueKeys, loaded.id);
  }
}

async function applyClaimed(ports: Ports, job: ApplyJob): Promise<Proposal | undefined> {
  // Read again under the claim: an apply that held it a moment ago may have moved this proposal on.
  const loaded = await ports.proposals.get(job.proposalId);
  if (!loaded || !isApplicable(loaded)) return loaded;
  if (job.attempt !== currentApplyAttempt(loaded)) return ignoreStaleJob(loaded, job);
  let proposal = loaded;
  const refusal = await refusalToApply(ports, proposal);
  if (refusal) return finish(ports, proposal, newAttempt(proposal), false, refusal);

  let journal = newAttempt(proposal);
  let steps: ApplyStepPlan[];
  try {
    const settings = await loadSettings(ports, proposal.projectKey);
    const estimation = await ports.jira.estimationOf(proposal.boardId);
    const comment = settings.commentOnDecision
      ? { post: true as const, skipBecause: await commentGap(ports, proposal) }
      : { post: false as const };
    steps = await planApply({
      ports,
      proposal,
      estimation,
      comment,
      goalCritical: settingsForBoard(settings, proposal.boardId).goalCritical,
    });
  } catch (error) {
    return finish(ports, proposal, journal, false, describeError(error));
  }

  // Each step's start and end are stored (and audited) before the next call to Jira.
  const persistProgress = (detail: string) =>
    persistTransition(ports, proposal, unwrap(recordApplyProgress(proposal, journal)), 'apply-step', null, detail);
  for (const step of steps) {
    const previous = journal.steps.find((s) => s.name === step.name);
    if (previous?.status === 'done') continue;
    // Started and never recorded, or failed without Jira's answer (a timeout, a dropped connection): Jira may have done it.
    const settled = previous && step.alreadyDone ? await step.alreadyDone(previous).catch(uncheckable) : null;
    // A fresh marker per start, recorded before the call: only what carries it is this step's doing.
    let marker = settled ? previous?.marker : undefined;
    if (!settled) {
      marker = step.marks ? ports.ids.next() : undefined;
      journal = withStep(journal, {
        name: step.name,
        status: 'started',
        at: now(ports),
        detail: step.describe,
        facts: step.facts,
        ...(marker ? { marker } : {}),
      });
      proposal = await persistProgress(`Started: ${step.describe}`);
    }
    const mark = marker ? markOf(proposal, step.name, marker) : undefined;
    const result =
      settled ??
      (await step.run(mark).catch((error: unknown): JiraStepResult => ({ ok: false, status: 0, message: describeError(error) })));
    const record: ApplyStep = {
      name: step.name,
      status: result.ok ? 'done' : 'failed',
      at: now(ports),
      detail: `${step.describe}: ${result.message}`,
      facts: step.facts,
      ...(result.createdKeys ? { createdKeys: result.createdKeys } : {}),
      ...(marker ? { marker } : {}),
    };
    journal = withStep(journal, record);
    if (!result.ok) return finish(ports, proposal, journal, false, failureMessage(steps, journal, step, result.message));
    proposal = await persistProgress(`Done: ${record.detail}`);
  }
  return finish(ports, proposal, journal, true, null);
}

/**
 * The worker has no user, so it cannot ask Jira about the decider: it acts only within the rights
 * the decider (or, for an auto-approved change, the proposer) held when deciding — asked of Jira
 * as them then and recorded on the decision — and within the app's own rights now. A PO must
 * still be a PO. A proposal the sprint has moved past is marked stale before any step runs.
 */
async function refusalToApply(ports: Ports, proposal: Proposal): Promise<string | null> {
  const counterChange = counterChangeIn(proposal);
  const needs = [
    permissionsForChange(proposal.issueKey, proposal.change),
    ...(counterChange ? [permissionsForCounterChange(counterChange)] : []),
  ];
  try {
    for (const { issueKeys, needed } of needs) {
      const byRights = await refusalByRights(ports.jira, proposal.decision?.heldPermissions, issueKeys, needed);
      if (byRights) return byRights;
    }
    const decider = proposal.decision?.deciderAccountId;
    if (decider) {
      const settings = await loadSettings(ports, proposal.projectKey);
      if (!(await isProductOwner(ports.jira, settings, proposal.projectKey, decider))) {
        return 'Apply refused: the person who approved this change is no longer a Product Owner of the project.';
      }
    }
  } catch (error) {
    return `Apply refused: Goalkeeper could not confirm the rights to make this change in Jira (${describeError(error)}).`;
  }
  const started = (proposal.apply?.steps ?? []).some((s) => s.status !== 'failed');
  if (started) return null; // a half-applied change is completed, not re-judged
  try {
    await situationFor(ports, proposal.issueKey, proposal.change, proposal.sprintId, counterChange);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'stale') {
      await recordStale(ports, proposal, error.toDomainError(), null);
      throw error;
    }
    return `Could not read the sprint from Jira: ${describeError(error)}`;
  }
  return null;
}

/**
 * Why the decision comment is not posted, or null: the app posts it on behalf of the decider (an
 * automatic approval: the proposer), so they must have held Add comments when deciding (recorded
 * then, as them), and the app must hold it now.
 */
async function commentGap(ports: Ports, proposal: Proposal): Promise<string | null> {
  const gap = await gapInRights(ports.jira, proposal.decision?.heldPermissions, [proposal.issueKey], COMMENT_PERMISSIONS);
  return gap ? gap.why.replace('approved this change', 'decided') : null;
}

/**
 * A job of an earlier attempt (a redelivery or a replay) leaves the proposal as it is: only
 * Retry, which queues the next attempt, may try a failed apply again. Logged for the app's
 * developers; the proposal's trail stays the person's story of what was decided and done.
 */
function ignoreStaleJob(proposal: Proposal, job: ApplyJob): Proposal {
  console.warn(`Ignored apply job for proposal ${proposal.id}: attempt ${job.attempt}, current attempt ${currentApplyAttempt(proposal)}`);
  return proposal;
}

/** When Jira cannot say whether an earlier attempt did a step, the step is not run blind: this attempt fails, a retry asks again. */
function uncheckable(error: unknown): JiraStepResult {
  return { ok: false, status: 0, message: `could not check whether an earlier attempt did it: ${describeError(error)}` };
}

function newAttempt(proposal: Proposal): ApplyJournal {
  const journal = proposal.apply ?? { attempts: 0, steps: [], lastError: null, finishedAt: null };
  return { ...journal, attempts: journal.attempts + 1, lastError: null, finishedAt: null };
}

function withStep(journal: ApplyJournal, step: ApplyStep): ApplyJournal {
  return { ...journal, steps: [...journal.steps.filter((s) => s.name !== step.name), step] };
}

/** Says how far a multi-step change got, so a half-applied swap is never a mystery. */
function failureMessage(steps: readonly ApplyStepPlan[], journal: ApplyJournal, failed: ApplyStepPlan, message: string): string {
  const done = steps.filter((s) => journal.steps.some((j) => j.name === s.name && j.status === 'done'));
  const progress =
    done.length > 0
      ? ` Already done: ${done.map((s) => s.describe).join('; ')}. Retry completes the rest.`
      : ' Nothing was changed in Jira; Retry tries again.';
  return `${failed.describe} failed: ${message}.${progress}`;
}

async function finish(
  ports: Ports,
  proposal: Proposal,
  journal: ApplyJournal,
  succeeded: boolean,
  error: string | null,
): Promise<Proposal> {
  const finished: ApplyJournal = { ...journal, lastError: error, finishedAt: now(ports) };
  const next = unwrap(finishApplyAttempt(proposal, finished, succeeded));
  const saved = await persistTransition(
    ports,
    proposal,
    next,
    succeeded ? 'applied' : 'apply-failed',
    null,
    succeeded ? `Applied in attempt ${finished.attempts}.` : (error ?? 'Apply failed.'),
  );
  // The apply moved the sprint's change mark: reconciliation stores its snapshot afresh off any
  // request path, so the next view reads it instead of paging the sprint (issue 12). A failed
  // enqueue costs that view a read, never this apply.
  if (succeeded)
    await ports.reconcileQueue
      .enqueue({ boardId: proposal.boardId })
      .catch((failure: unknown) => console.warn('Queueing reconciliation after an apply failed', failure));
  return saved;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function now(ports: Ports): string {
  return ports.clock.now().toISOString();
}
