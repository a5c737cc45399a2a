import {
  autoApprove,
  decide,
  finishApplyAttempt,
  markStale,
  requestRetry,
  validateRationale,
  withdraw,
  type Proposal,
  type ProposalStatus,
} from '../../src/domain/proposal';
import { proposalFor } from '../support/proposals';

const PO = '557058:po-priya';
const DEV = '557058:dev-dana';
const AT = '2026-11-25T10:00:00.000Z';

function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return { ...proposalFor(), ...overrides };
}

const journal = { attempts: 1, steps: [], lastError: null, finishedAt: AT };

describe('proposal state machine', () => {
  it('opens as proposed at version 1', () => {
    expect(proposal()).toMatchObject({ status: 'proposed', version: 1, decision: null, apply: null });
  });

  it('approves a proposed change, recording decider, rationale and time, and bumps the version', () => {
    const result = decide(proposal(), 'approved', PO, 'Acme is our largest customer.', AT, null);
    expect(result.ok && result.value).toMatchObject({
      status: 'approved',
      version: 2,
      decision: { verdict: 'approved', deciderAccountId: PO, rationale: 'Acme is our largest customer.', decidedAt: AT },
    });
  });

  it('rejects a proposed change', () => {
    const result = decide(proposal(), 'rejected', PO, 'The goal comes first this sprint.', AT, null);
    expect(result.ok && result.value.status).toBe('rejected');
  });

  it('auto-approves with no human decider', () => {
    const result = autoApprove(proposal(), AT);
    expect(result.ok && result.value.decision).toMatchObject({ verdict: 'approved', deciderAccountId: null });
    expect(result.ok && result.value.status).toBe('auto-approved');
  });

  it('lets only the proposer withdraw', () => {
    expect(withdraw(proposal(), DEV)).toMatchObject({ ok: true, value: { status: 'withdrawn' } });
    expect(withdraw(proposal(), PO)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('applies an approved change, and lets a failed apply be retried to success', () => {
    const approved = decide(proposal(), 'approved', PO, 'Acme is our largest customer.', AT, null);
    if (!approved.ok) throw new Error('setup');
    const failed = finishApplyAttempt(approved.value, { ...journal, lastError: '503' }, false);
    expect(failed.ok && failed.value.status).toBe('apply-failed');
    if (!failed.ok) throw new Error('setup');
    const retried = requestRetry(failed.value);
    expect(retried.ok && retried.value.version).toBe(failed.value.version + 1);
    const applied = finishApplyAttempt(failed.value, journal, true);
    expect(applied.ok && applied.value.status).toBe('applied');
  });

  const terminal: ProposalStatus[] = ['rejected', 'withdrawn', 'applied', 'stale'];
  it.each(terminal)('refuses every transition out of %s with a typed illegal-transition error', (status) => {
    const closed = proposal({ status });
    for (const attempt of [
      decide(closed, 'approved', PO, 'Acme is our largest customer.', AT, null),
      decide(closed, 'rejected', PO, 'Acme is our largest customer.', AT, null),
      autoApprove(closed, AT),
      withdraw(closed, DEV),
      finishApplyAttempt(closed, journal, true),
      requestRetry(closed),
      markStale(closed, 'sprint closed'),
    ]) {
      expect(attempt).toMatchObject({ ok: false, error: { code: 'illegal-transition' } });
    }
  });

  it('cannot decide twice, withdraw after a decision, or apply before one', () => {
    const approved = decide(proposal(), 'approved', PO, 'Acme is our largest customer.', AT, null);
    if (!approved.ok) throw new Error('setup');
    expect(decide(approved.value, 'rejected', PO, 'Changed my mind entirely.', AT, null)).toMatchObject({
      ok: false,
      error: { code: 'illegal-transition' },
    });
    expect(withdraw(approved.value, DEV)).toMatchObject({ ok: false, error: { code: 'illegal-transition' } });
    expect(finishApplyAttempt(proposal(), journal, true)).toMatchObject({ ok: false, error: { code: 'illegal-transition' } });
    expect(requestRetry(approved.value)).toMatchObject({ ok: false, error: { code: 'illegal-transition' } });
  });

  it('marks open proposals stale with the reason', () => {
    expect(markStale(proposal(), 'ONB-31 left the sprint')).toMatchObject({
      ok: true,
      value: { status: 'stale', staleReason: 'ONB-31 left the sprint' },
    });
  });
});

describe('rationale', () => {
  it('is trimmed', () => {
    expect(validateRationale('   Acme is our largest customer.  ', 10)).toEqual({ ok: true, value: 'Acme is our largest customer.' });
  });

  it('is refused when missing or shorter than the minimum after trimming', () => {
    expect(validateRationale('', 10)).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { rationale: 'too-short' } } });
    expect(validateRationale('   ok because   ', 10)).toMatchObject({ ok: true });
    expect(validateRationale('  too short ', 12)).toMatchObject({ ok: false, error: { fields: { rationale: 'too-short' } } });
  });

  it('is refused beyond 2,000 characters', () => {
    expect(validateRationale('xy'.repeat(1_000), 10).ok).toBe(true);
    expect(validateRationale('xy'.repeat(1_000) + 'z', 10)).toMatchObject({ ok: false, error: { fields: { rationale: 'too-long' } } });
  });
});
