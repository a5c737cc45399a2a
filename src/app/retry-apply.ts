/** After a failed apply, the Product Owner or the proposer queues another attempt. */
import { GoalkeeperError } from '../domain/errors';
import { requestRetry, type Proposal } from '../domain/proposal';
import { isProductOwner } from './access';
import { enqueueApply } from './apply-queueing';
import type { Caller } from './caller';
import { loadSettings } from './issue-situation';
import { persistTransition } from './persist';
import type { Ports } from './ports';
import { requireChangePermissions } from './preview-proposal';
import { loadVisibleProposal } from './proposal-access';
import { unwrap } from './unwrap';
import { proposalShownTo } from './visible-to-caller';

export async function retryApply(ports: Ports, caller: Caller, request: { proposalId: string }): Promise<Proposal> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  const settings = await loadSettings(ports, proposal.projectKey);
  const mayRetry = proposal.proposerAccountId === caller.accountId || (await isProductOwner(ports.jira, settings, proposal.projectKey, caller.accountId));
  if (!mayRetry) throw new GoalkeeperError('forbidden', 'Only the proposer or a Product Owner can retry applying this change.');
  await requireChangePermissions(ports, proposal.issueKey, proposal.change);
  const retried = await persistTransition(ports, proposal, unwrap(requestRetry(proposal)), 'retry-requested', caller.accountId, 'Apply retry requested.');
  await enqueueApply(ports, retried);
  return proposalShownTo(ports, retried);
}
