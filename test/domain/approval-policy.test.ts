import { approvalRoute, mayDecide, needsProductOwner, ownProposalRule } from '../../src/domain/approval-policy';
import type { Assessment } from '../../src/domain/assessment';
import { proposalFor } from '../support/proposals';
import { DEFAULT_POLICY } from '../../src/domain/settings';

const DEV = '557058:dev-dana';
const PO = '557058:po-priya';
const OTHER_PO = '557058:po-omar';
const proposal = proposalFor({
  proposerAccountId: PO,
  change: { kind: 'remove' },
  reason: { category: 'dependency', text: 'Blocked by the IdP contract.' },
});

describe('approval policy', () => {
  it.each([
    ['add', true],
    ['remove', true],
    ['defer', true],
    ['swap', true],
    ['split', true],
    ['estimate', false],
    ['priority', false],
    ['tweak', false],
    ['rerank', false],
  ] as const)('by default, %s needs the Product Owner: %s', (kind, expected) => {
    const change = {
      add: { kind: 'add' },
      remove: { kind: 'remove' },
      defer: { kind: 'defer' },
      swap: { kind: 'swap', outIssueKey: 'ONB-2' },
      split: { kind: 'split', parts: [] },
      estimate: { kind: 'estimate', points: 3 },
      priority: { kind: 'priority', priorityName: 'High' },
      tweak: { kind: 'tweak', note: 'AC clarified' },
      rerank: { kind: 'rerank', target: { position: 'top' } },
    }[kind];
    expect(needsProductOwner(DEFAULT_POLICY, change as never, false)).toBe(expected);
  });

  it('needs the Product Owner to re-rank a goal-critical item', () => {
    expect(needsProductOwner(DEFAULT_POLICY, { kind: 'rerank', target: { position: 'bottom' } }, true)).toBe(true);
  });

  it('follows a configured policy: the Developers may own additions', () => {
    const policy = { ...DEFAULT_POLICY, byKind: { ...DEFAULT_POLICY.byKind, add: 'auto' as const } };
    expect(needsProductOwner(policy, { kind: 'add' }, false)).toBe(false);
  });

  it('sends a re-rank the assessment calls a threat to the Product Owner, and says why (issue 13)', () => {
    const threat = { level: 'threat' } as Assessment;
    const rerank = { kind: 'rerank', target: { position: 'top' } } as const;
    expect(needsProductOwner(DEFAULT_POLICY, rerank, false, { level: 'safe' } as Assessment)).toBe(false);
    expect(approvalRoute(DEFAULT_POLICY, rerank, false, threat)).toEqual({
      needsProductOwner: true,
      because: 'threatens-goal',
      message:
        'Goalkeeper rates this change a threat to the Sprint Goal, so the Product Owner decides it, whatever the policy for its kind.',
    });
  });

  it('escalates threats by default even in settings saved before the setting existed, and not once it is turned off', () => {
    const threat = { level: 'threat' } as Assessment;
    const { threatNeedsProductOwner: _absent, ...older } = DEFAULT_POLICY;
    expect(needsProductOwner(older, { kind: 'estimate', points: 8 }, false, threat)).toBe(true);
    expect(needsProductOwner({ ...DEFAULT_POLICY, threatNeedsProductOwner: false }, { kind: 'estimate', points: 8 }, false, threat)).toBe(
      false,
    );
  });

  it('names the policy as the reason when the kind itself needs the Product Owner', () => {
    expect(approvalRoute(DEFAULT_POLICY, { kind: 'add' }, false, { level: 'threat' } as Assessment).because).toBe('change-kind');
    expect(approvalRoute(DEFAULT_POLICY, { kind: 'tweak', note: '' }, false, null)).toMatchObject({
      needsProductOwner: false,
      because: null,
    });
  });

  it('refuses a decider who is not a Product Owner', () => {
    expect(mayDecide(DEFAULT_POLICY, proposal, DEV, [PO])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a Product Owner decide a proposal someone else made', () => {
    expect(mayDecide(DEFAULT_POLICY, proposalFor({ proposerAccountId: DEV }), PO, [PO])).toEqual({ ok: true, value: 'decider' });
  });

  it('sends a Product Owner’s own proposal to another Product Owner when one is named, unless self-approval is on', () => {
    expect(mayDecide(DEFAULT_POLICY, proposal, PO, [PO, OTHER_PO])).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('another Product Owner') },
    });
    expect(mayDecide({ ...DEFAULT_POLICY, allowSelfApproval: true }, proposal, PO, [PO, OTHER_PO])).toEqual({
      ok: true,
      value: 'self-approval',
    });
  });

  it('lets the only Product Owner decide their own proposal under the default rule, and not under "another-po"', () => {
    expect(mayDecide(DEFAULT_POLICY, proposal, PO, [PO])).toEqual({ ok: true, value: 'sole-product-owner' });
    expect(mayDecide({ ...DEFAULT_POLICY, soleProductOwner: 'another-po' }, proposal, PO, [PO])).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Name a second Product Owner') },
    });
  });

  it('applies the default rule to settings saved before the rule existed', () => {
    const { soleProductOwner: _absent, ...older } = DEFAULT_POLICY;
    expect(ownProposalRule(older, PO, [PO])).toBe('sole-product-owner');
    expect(ownProposalRule(older, PO, [PO, OTHER_PO])).toBe('another-po');
  });
});
