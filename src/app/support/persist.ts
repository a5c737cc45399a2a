/**
 * Writes a proposal's next version with its audit event, conditional on the version the caller
 * read. Losing the race is a typed conflict, never a silent overwrite.
 */
import type { AuditAction } from '../../domain/audit';
import { GoalkeeperError } from '../../domain/errors';
import type { Proposal } from '../../domain/proposal';
import { auditEventFor } from './audit-log';
import type { Ports } from '../ports';

export async function persistTransition(
  ports: Ports,
  previous: Proposal,
  nextVersion: Proposal,
  action: AuditAction,
  actorAccountId: string | null,
  detail: string,
): Promise<Proposal> {
  const event = auditEventFor(nextVersion, action, actorAccountId, ports.clock.now().toISOString(), detail);
  const outcome = await ports.proposals.update(nextVersion, previous.version, event);
  if (outcome === 'conflict') {
    throw new GoalkeeperError('conflict', 'Someone else changed this proposal a moment ago. Reload to see its current state.');
  }
  return nextVersion;
}
