import { createProposalSchema, decideSchema, issueKeySchema } from '../../src/contract/payload-schemas';

describe('payload schemas', () => {
  it('accept Jira issue keys and refuse anything that could steer a path', () => {
    for (const key of ['ONB-1', 'BIL-12345', 'A_B2-7']) expect(issueKeySchema.safeParse(key).success).toBe(true);
    for (const key of ['ONB-1/../../x', 'onb-1', 'ONB-0', 'ONB-1?x=1', 'ONB 1', '', '../ONB-1'])
      expect(issueKeySchema.safeParse(key).success).toBe(false);
  });

  it('strip fields the caller may not set, such as status or accountId', () => {
    const parsed = createProposalSchema.parse({
      issueKey: 'ONB-31',
      change: { kind: 'add' },
      reason: { category: 'defect', text: 'Login fails for SSO users.' },
      status: 'approved',
      accountId: '557058:po-priya',
      decidedBy: 'x',
    });
    expect(parsed).toEqual({
      issueKey: 'ONB-31',
      change: { kind: 'add' },
      reason: { category: 'defect', text: 'Login fails for SSO users.' },
      acknowledgeThreat: false,
    });
  });

  it('refuse unknown change kinds, negative or non-finite points and one-part splits', () => {
    const base = { issueKey: 'ONB-31', reason: { category: 'other', text: 'because' } };
    for (const change of [
      { kind: 'teleport' },
      { kind: 'estimate', points: -1 },
      { kind: 'estimate', points: Number.NaN },
      { kind: 'estimate', points: Infinity },
      { kind: 'split', parts: [{ summary: 'only one', points: 1 }] },
    ]) {
      expect(createProposalSchema.safeParse({ ...base, change }).success).toBe(false);
    }
  });

  it('refuse a reason without text, and bound it', () => {
    expect(
      createProposalSchema.safeParse({ issueKey: 'ONB-31', change: { kind: 'add' }, reason: { category: 'other', text: '   ' } }).success,
    ).toBe(false);
    expect(
      createProposalSchema.safeParse({
        issueKey: 'ONB-31',
        change: { kind: 'add' },
        reason: { category: 'other', text: 'x'.repeat(2_001) },
      }).success,
    ).toBe(false);
  });

  it('require the version the decider looked at', () => {
    expect(decideSchema.safeParse({ proposalId: 'p-1', verdict: 'approve', rationale: 'Acme is our largest customer.' }).success).toBe(
      false,
    );
  });
});
