/** After a failed apply, the Product Owner or the proposer queues another attempt. */
import { GoalkeeperError } from '../../domain/errors';
import { requestRetry, type Proposal } from '../../domain/proposal';
import { isProductOwner } from '../support/access';
import { enqueueApply } from '../support/apply-queueing';
import type { Caller } from '../support/caller';
import { loadSettings } from '../support/issue-situation';
import { persistTransition } from '../support/persist';
import type { Ports } from '../ports';
import { requireChangePermissions } from '../support/change-situation';
import { loadVisibleProposal } from '../support/proposal-access';
import { unwrap } from '../support/unwrap';
import { proposalShownTo } from '../support/visible-to-caller';

export async function retryApply(ports: Ports, caller: Caller, request: { proposalId: string }): Promise<Proposal> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  const settings = await loadSettings(ports, proposal.projectKey);
  const mayRetry =
    proposal.proposerAccountId === caller.accountId || (await isProductOwner(ports.jira, settings, proposal.projectKey, caller.accountId));
  if (!mayRetry) throw new GoalkeeperError('forbidden', 'Only the proposer or a Product Owner can retry applying this change.');
  await requireChangePermissions(ports, proposal.issueKey, proposal.change);
  const retried = await persistTransition(
    ports,
    proposal,
    unwrap(requestRetry(proposal)),
    'retry-requested',
    caller.accountId,
    'Apply retry requested.',
  );
  await enqueueApply(ports, retried);
  return proposalShownTo(ports, retried);
}
