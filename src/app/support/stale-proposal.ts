/** A proposal whose sprint or issues moved on is marked stale, with the reason, in its audit trail. */
import type { DomainError } from '../../domain/errors';
import { markStale, type Proposal } from '../../domain/proposal';
import type { Ports } from '../ports';
import { persistTransition } from './persist';

export async function recordStale(ports: Ports, proposal: Proposal, error: DomainError, actorAccountId: string | null): Promise<void> {
  const stale = markStale(proposal, error.message);
  if (stale.ok) await persistTransition(ports, proposal, stale.value, 'stale', actorAccountId, error.message);
}
