import { mayDecide, needsProductOwner } from '../../src/domain/approval-policy';
import { proposalFor } from '../support/proposals';
import { DEFAULT_POLICY } from '../../src/domain/settings';

const DEV = '557058:dev-dana';
const PO = '557058:po-priya';
const proposal = proposalFor({ proposerAccountId: PO, change: { kind: 'remove' }, reason: { category: 'dependency', text: 'Blocked by the IdP contract.' } });

describe('approval policy', () => {
  it.each([
    ['add', true], ['remove', true], ['defer', true], ['swap', true], ['split', true],
    ['estimate', false], ['priority', false], ['tweak', false], ['rerank', false],
  ] as const)('by default, %s needs the Product Owner: %s', (kind, expected) => {
    const change = { add: { kind: 'add' }, remove: { kind: 'remove' }, defer: { kind: 'defer' }, swap: { kind: 'swap', outIssueKey: 'ONB-2' },
      split: { kind: 'split', parts: [] }, estimate: { kind: 'estimate', points: 3 }, priority: { kind: 'priority', priorityName: 'High' },
      tweak: { kind: 'tweak', note: 'AC clarified' }, rerank: { kind: 'rerank', target: { position: 'top' } } }[kind];
    expect(needsProductOwner(DEFAULT_POLICY, change as never, false)).toBe(expected);
  });

  it('needs the Product Owner to re-rank a goal-critical item', () => {
    expect(needsProductOwner(DEFAULT_POLICY, { kind: 'rerank', target: { position: 'bottom' } }, true)).toBe(true);
  });

  it('follows a configured policy: the Developers may own additions', () => {
    const policy = { ...DEFAULT_POLICY, byKind: { ...DEFAULT_POLICY.byKind, add: 'auto' as const } };
    expect(needsProductOwner(policy, { kind: 'add' }, false)).toBe(false);
  });

  it('refuses a decider who is not a Product Owner', () => {
    expect(mayDecide(DEFAULT_POLICY, proposal, DEV, false)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses self-approval unless the setting allows it', () => {
    expect(mayDecide(DEFAULT_POLICY, proposal, PO, true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(mayDecide({ ...DEFAULT_POLICY, allowSelfApproval: true }, proposal, PO, true)).toEqual({ ok: true, value: true });
  });
});
