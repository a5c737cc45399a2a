/** The proposer takes their proposal back before anyone decided it. */
import { GoalkeeperError } from '../../domain/errors';
import { withdraw, type Proposal } from '../../domain/proposal';
import type { Caller } from '../support/caller';
import { persistTransition } from '../support/persist';
import type { Ports } from '../ports';
import { loadVisibleProposal } from '../support/proposal-access';
import { unwrap } from '../support/unwrap';
import { proposalShownTo } from '../support/visible-to-caller';

export async function withdrawProposal(
  ports: Ports,
  caller: Caller,
  request: { proposalId: string; expectedVersion: number },
): Promise<Proposal> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  const withdrawn = unwrap(withdraw(proposal, caller.accountId));
  if (proposal.version !== request.expectedVersion) {
    throw new GoalkeeperError('conflict', 'This proposal changed since you opened it. Reload to see its current state.');
  }
  return proposalShownTo(
    ports,
    await persistTransition(ports, proposal, withdrawn, 'withdrawn', caller.accountId, 'Withdrawn by the proposer.'),
  );
}
