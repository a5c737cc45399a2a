/** A proposal's audit trail, a page at a time, for anyone who may see its issue and every issue it names. */
import type { AuditEvent } from '../../domain/audit';
import { GoalkeeperError } from '../../domain/errors';
import type { Caller } from '../support/caller';
import type { Ports } from '../ports';
import { loadVisibleProposal } from '../support/proposal-access';
import { proposalsShownTo } from '../support/visible-to-caller';

export async function getAuditTrail(
  ports: Ports,
  caller: Caller,
  request: { proposalId: string; cursor?: string },
): Promise<{ events: AuditEvent[]; nextCursor?: string }> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  // A proposal that names an issue the caller cannot browse (a swap's out-issue) is not shown to them anywhere.
  const { proposals, sight } = await proposalsShownTo(ports, [proposal]);
  if (proposals.length === 0)
    throw new GoalkeeperError('not-found', 'This proposal does not exist or you do not have permission to see it.');
  const page = await ports.proposals.audit(request.proposalId, request.cursor);
  return {
    ...page,
    events: page.events.map((event) => ({
      ...event,
      detail: sight.text(event.detail),
      ...(event.step ? { step: sight.step(event.step) } : {}),
    })),
  };
}
