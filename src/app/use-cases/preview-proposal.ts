/** Assess a change before anyone commits to it: nothing is saved. */
import { approvalRoute, type ApprovalRoute } from '../../domain/approval-policy';
import type { Assessment } from '../../domain/assessment';
import type { Change, CounterChange } from '../../domain/change';
import type { Caller } from '../support/caller';
import { requireChangePermissions, situationSeenByCaller } from '../support/change-situation';
import { assessInSituation, subjectIsGoalCritical } from '../support/issue-situation';
import type { Ports } from '../ports';

export interface PreviewRequest {
  readonly issueKey: string;
  readonly change: Change;
  /** Work picked from a suggestion to make room: assessed together with the change, as one. */
  readonly counterChange?: CounterChange;
}

/** The assessment, and who would decide the change as things stand (and why): the proposer is told before submitting. */
export type PreviewedChange = Assessment & { readonly approval: ApprovalRoute };

/** What the caller may see of the change's assessment: nothing is saved. */
export async function previewProposal(ports: Ports, caller: Caller, request: PreviewRequest): Promise<PreviewedChange | null> {
  const held = await requireChangePermissions(ports, request.issueKey, request.change, request.counterChange);
  const { situation, sight } = await situationSeenByCaller(
    ports,
    request.issueKey,
    request.change,
    undefined,
    request.counterChange,
    'view',
    held,
  );
  const assessment = assessInSituation(ports, situation, request.change, request.counterChange);
  if (!assessment) return null;
  return {
    ...sight.assessment(assessment),
    approval: approvalRoute(situation.settings.policy, request.change, subjectIsGoalCritical(situation), assessment),
  };
}
