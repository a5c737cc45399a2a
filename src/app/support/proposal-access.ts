/** Loads a proposal only for someone who may browse its issue; otherwise it does not exist for them. */
import { GoalkeeperError } from '../../domain/errors';
import type { Proposal } from '../../domain/proposal';
import { requireCallerPermissions } from './access';
import type { Caller } from './caller';
import type { Ports } from '../ports';

export async function loadVisibleProposal(ports: Ports, caller: Caller, proposalId: string): Promise<Proposal> {
  const proposal = await ports.proposals.get(proposalId);
  const missing = new GoalkeeperError('not-found', 'This proposal does not exist or you do not have permission to see it.');
  if (!proposal) throw missing;
  try {
    await requireCallerPermissions(ports.jira, [proposal.issueKey], ['BROWSE_PROJECTS']);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'not-found') throw missing;
    throw error;
  }
  return proposal;
}
