/** Builds the audit event that accompanies a proposal's new version. */
import type { AuditAction, AuditEvent } from '../../domain/audit';
import type { ApplyStep, Proposal } from '../../domain/proposal';

const DECISIONS: ReadonlySet<AuditAction> = new Set<AuditAction>(['approved', 'approved-on-condition', 'rejected']);

export function auditEventFor(
  proposal: Proposal,
  action: AuditAction,
  actorAccountId: string | null,
  at: string,
  detail: string,
): AuditEvent {
  const selfDecided = DECISIONS.has(action) && proposal.decision?.selfDecided !== undefined;
  // The apply worker appends the step it just recorded to the journal (or replaces it at the end).
  const recorded = action === 'apply-step' ? proposal.apply?.steps.at(-1) : undefined;
  // The step's marker stays in the journal only: the trail is read by the team.
  const step = recorded ? withoutMarker(recorded) : undefined;
  const attempt = (action === 'applied' || action === 'apply-failed') && proposal.apply ? proposal.apply.attempts : undefined;
  return {
    proposalId: proposal.id,
    sequence: proposal.version,
    action,
    actorAccountId,
    at,
    status: proposal.status,
    detail,
    ...(selfDecided ? { selfDecided: true as const } : {}),
    ...(step ? { step } : {}),
    ...(attempt !== undefined ? { attempt } : {}),
  };
}

function withoutMarker({ marker: _marker, ...step }: ApplyStep): ApplyStep {
  return step;
}
