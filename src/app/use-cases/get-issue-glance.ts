/**
 * What the issue context panel (jira:issueContext, next to the issue's fields) shows at a glance:
 * how many changes to this issue wait for the Product Owner. Only for someone who may browse the
 * issue, asked of Jira as them; to anyone else the issue does not exist.
 */
import { requireCallerPermissions } from '../support/access';
import type { Caller } from '../support/caller';
import type { Ports } from '../ports';

export interface IssueGlance {
  readonly issueKey: string;
  /** Proposals about this issue that wait for the Product Owner's decision. */
  readonly waitingForProductOwner: number;
}

export async function getIssueGlance(ports: Ports, _caller: Caller, request: { issueKey: string }): Promise<IssueGlance> {
  await requireCallerPermissions(ports.jira, [request.issueKey], ['BROWSE_PROJECTS']);
  const proposals = await ports.proposals.listByIssue(request.issueKey);
  return {
    issueKey: request.issueKey,
    waitingForProductOwner: proposals.filter((proposal) => proposal.status === 'proposed' && proposal.needsProductOwner).length,
  };
}
