/**
 * The decision comment Goalkeeper posts on the issue — after a rejection at once, after an
 * approval as the apply's last step — built from what the proposal recorded: the proposer is
 * mentioned, the decider named, the words in the decider's language. Names are looked up when
 * posting and never stored; without one the comment says "the Product Owner".
 */
import { describeChange } from '../../domain/notice-wording';
import type { Proposal } from '../../domain/proposal';
import type { DecisionComment, Ports } from '../ports';

export async function decisionCommentFor(ports: Ports, proposal: Proposal): Promise<DecisionComment> {
  const decision = proposal.decision;
  const deciderAccountId = decision?.deciderAccountId ?? null;
  const language = decision?.language ?? 'en';
  return {
    proposalId: proposal.id,
    verdict: decision?.verdict ?? 'approved',
    deciderAccountId,
    deciderName: deciderAccountId ? await nameOf(ports, deciderAccountId) : null,
    proposerAccountId: proposal.proposerAccountId,
    rationale: decision?.rationale ?? '',
    changeSummary: describeChange(language, proposal.issueKey, proposal.change),
    language,
  };
}

/** A display name, or null when Jira will not give one: a label is never worth a failed comment. */
export async function nameOf(ports: Ports, accountId: string): Promise<string | null> {
  try {
    return (await ports.jira.displayNames([accountId])).get(accountId) ?? null;
  } catch {
    return null;
  }
}
