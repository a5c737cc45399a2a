/**
 * Who decides the change being written, and why, to tell the proposer before they submit. The
 * backend's answer, never a copy of the policy: the live assessment's (which adds the rule that a
 * threat waits for the Product Owner, src/domain/approval-policy.ts) once it is in, else the
 * panel's answer for the kind of change on this issue.
 */
import type { ApprovalRoute, ChangeKind, IssuePanelState } from '@goalkeeper/contract';
import type { LiveAssessment } from './use-live-assessment';

export function approvalRouteFor(kind: ChangeKind, live: LiveAssessment, byKind: IssuePanelState['approvalByKind']): ApprovalRoute | null {
  if (live.phase === 'ready' && live.assessment?.approval) return live.assessment.approval;
  return byKind[kind] ?? null;
}
