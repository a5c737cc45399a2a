/**
 * A Product Owner's approval through the real handler, and the sandbox's apply queue and Jira
 * triggers settled after it: what a test of an applied change starts from.
 */
import type { ForgeApp } from './forge-app';

export async function approveAndSettle(
  app: ForgeApp,
  proposal: { readonly id: string; readonly version: number },
  rationale: string,
  productOwner: string,
): Promise<void> {
  await app.invokeOk(
    'decideProposal',
    { proposalId: proposal.id, verdict: 'approve', rationale, expectedVersion: proposal.version },
    productOwner,
  );
  await app.sandbox.idle();
}
