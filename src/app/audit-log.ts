/** Builds the audit event that accompanies a proposal's new version. */
import type { AuditAction, AuditEvent } from '../domain/audit';
import type { Proposal } from '../domain/proposal';

export function auditEventFor(proposal: Proposal, action: AuditAction, actorAccountId: string | null, at: string, detail: string): AuditEvent {
  return { proposalId: proposal.id, sequence: proposal.version, action, actorAccountId, at, status: proposal.status, detail };
}
