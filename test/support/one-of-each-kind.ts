/**
 * One realistic change of every kind on the sandbox seed (sandbox/jira/seed.ts: ONB Sprint 7 is
 * active, ONB-68 waits in the backlog, ONB-55 and ONB-62 are in the sprint and not goal-critical).
 * Keyed by `ChangeKind`, so a new kind does not compile until it has an example here, and every test
 * that walks the kinds (test/app/change-kinds.test.ts) walks the new one too.
 */
import type { Change, ChangeKind } from '../../src/domain/change';

export interface KindExample<K extends ChangeKind> {
  /** The proposal's issue: where the kind is offered (src/domain/change-kinds.ts `subject`). */
  readonly issueKey: string;
  readonly change: Extract<Change, { readonly kind: K }>;
}

export const ONE_OF_EACH_KIND: { readonly [K in ChangeKind]: KindExample<K> } = {
  add: { issueKey: 'ONB-68', change: { kind: 'add' } },
  remove: { issueKey: 'ONB-55', change: { kind: 'remove' } },
  defer: { issueKey: 'ONB-55', change: { kind: 'defer' } },
  rerank: { issueKey: 'ONB-55', change: { kind: 'rerank', target: { position: 'before', issueKey: 'ONB-39' } } },
  priority: { issueKey: 'ONB-55', change: { kind: 'priority', priorityName: 'High' } },
  estimate: { issueKey: 'ONB-39', change: { kind: 'estimate', points: 13 } },
  split: {
    issueKey: 'ONB-42',
    change: {
      kind: 'split',
      parts: [
        { summary: 'Entra ID sign-up', points: 2 },
        { summary: 'Entra ID group claims', points: 1 },
      ],
    },
  },
  swap: { issueKey: 'ONB-68', change: { kind: 'swap', outIssueKey: 'ONB-62' } },
  tweak: { issueKey: 'ONB-55', change: { kind: 'tweak', note: 'Acceptance criteria: SSO enforcement applies to invited members too.' } },
};
