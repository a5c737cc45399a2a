/** The Product Owner reviews a change made around Goalkeeper: accepts it with a rationale, or notes it. */
import { validateRationale } from '../../domain/proposal';
import type { BypassedChange } from '../../domain/sprint-record';
import { loadForProductOwner, recordReview } from '../support/bypass-review';
import type { Caller } from '../support/caller';
import type { Ports } from '../ports';
import { unwrap } from '../support/unwrap';

export interface ReviewRequest {
  readonly changeId: string;
  readonly verdict: 'accepted' | 'noted';
  readonly note: string;
}

export async function reviewBypassedChange(ports: Ports, caller: Caller, request: ReviewRequest): Promise<BypassedChange> {
  const { change, settings } = await loadForProductOwner(ports, caller, request.changeId);
  const note = unwrap(validateRationale(request.note, settings.policy.minRationaleChars));
  return recordReview(ports, change, {
    reviewerAccountId: caller.accountId,
    verdict: request.verdict,
    note,
    at: ports.clock.now().toISOString(),
  });
}
