/** Hands an approved proposal to the apply worker; the attempt number makes each job distinct. */
import type { Proposal } from '../../domain/proposal';
import type { Ports } from '../ports';

export async function enqueueApply(ports: Ports, proposal: Proposal): Promise<void> {
  await ports.applyQueue.enqueue({ proposalId: proposal.id, attempt: (proposal.apply?.attempts ?? 0) + 1 });
}
