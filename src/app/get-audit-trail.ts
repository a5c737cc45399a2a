/** A proposal's audit trail, a page at a time, for anyone who may see its issue. */
import type { AuditEvent } from '../domain/audit';
import type { Caller } from './caller';
import type { Ports } from './ports';
import { loadVisibleProposal } from './proposal-access';

export async function getAuditTrail(ports: Ports, caller: Caller, request: { proposalId: string; cursor?: string }): Promise<{ events: AuditEvent[]; nextCursor?: string }> {
  await loadVisibleProposal(ports, caller, request.proposalId);
  return ports.proposals.audit(request.proposalId, request.cursor);
}
