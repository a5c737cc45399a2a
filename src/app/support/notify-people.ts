/**
 * Tells people about a proposal through Jira's own issue notifications: the Product Owners who
 * may decide when a proposal waits for them, the proposer when it is decided. Jira mails them and
 * applies each recipient's notification settings, as for its own notifications; each gets the
 * words in their Jira profile language where Jira tells the app, else in English.
 *
 * A notification is a courtesy: whatever Jira answers, the proposal or decision stands. A
 * notification Jira did not send is written to the audit trail ('notify-failed') instead.
 */
import {
  decidedNotice,
  noticeLanguageOf,
  waitingForDecisionNotice,
  type NoticeLanguage,
  type NoticeText,
} from '../../domain/notice-wording';
import { noteOnly, type Proposal } from '../../domain/proposal';
import type { ProjectSettings } from '../../domain/settings';
import { productOwnerAccountIds } from './access';
import { nameOf } from './decision-comment';
import { persistTransition } from './persist';
import type { JiraStepResult, Ports } from '../ports';

/** To every Product Owner but the proposer (who needs no notice, and whom Jira would refuse as the sender). */
export async function notifyProductOwners(ports: Ports, proposal: Proposal, settings: ProjectSettings): Promise<Proposal> {
  const recipients = await productOwnerAccountIds(ports.jira, settings, proposal.projectKey)
    .then((ids) => ids.filter((id) => id !== proposal.proposerAccountId))
    .catch(() => null);
  if (recipients === null)
    return recordNotSent(
      ports,
      proposal,
      'Goalkeeper could not tell who the Product Owners are, so nobody was notified that this proposal waits for a decision.',
    );
  if (recipients.length === 0) return proposal;
  const proposerName = await nameOf(ports, proposal.proposerAccountId);
  const wordsIn = (language: NoticeLanguage) =>
    waitingForDecisionNotice(language, {
      issueKey: proposal.issueKey,
      change: proposal.change,
      proposerName,
      reason: proposal.reason.text,
    });
  return sendToEach(ports, proposal, recipients, wordsIn, 'the Product Owners that the proposal waits for them');
}

/** To the proposer, unless they decided it themselves. */
export async function notifyProposerOfDecision(ports: Ports, proposal: Proposal): Promise<Proposal> {
  const decision = proposal.decision;
  if (!decision?.deciderAccountId || decision.deciderAccountId === proposal.proposerAccountId) return proposal;
  const deciderName = await nameOf(ports, decision.deciderAccountId);
  const wordsIn = (language: NoticeLanguage) =>
    decidedNotice(language, {
      issueKey: proposal.issueKey,
      change: proposal.change,
      verdict: decision.verdict,
      deciderName,
      rationale: decision.rationale,
    });
  return sendToEach(ports, proposal, [proposal.proposerAccountId], wordsIn, 'the proposer of the decision');
}

/** One notification per language among the recipients; any failure is recorded, never thrown. */
async function sendToEach(
  ports: Ports,
  proposal: Proposal,
  recipients: readonly string[],
  wordsIn: (language: NoticeLanguage) => NoticeText,
  what: string,
): Promise<Proposal> {
  const locales = await ports.jira.localesOf(recipients).catch(() => new Map<string, string>());
  const byLanguage = new Map<NoticeLanguage, string[]>();
  for (const accountId of recipients) {
    const language = noticeLanguageOf(locales.get(accountId));
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), accountId]);
  }
  const problems: string[] = [];
  for (const [language, accountIds] of byLanguage) {
    const result: JiraStepResult = await ports.jira
      .notifyAboutIssue(proposal.issueKey, { recipientAccountIds: accountIds, ...wordsIn(language) })
      .catch((error: unknown) => ({ ok: false, status: 0, message: error instanceof Error ? error.message : String(error) }));
    if (!result.ok) problems.push(result.message);
  }
  return problems.length === 0 ? proposal : recordNotSent(ports, proposal, `Jira did not notify ${what}: ${problems.join(' ')}`);
}

async function recordNotSent(ports: Ports, proposal: Proposal, detail: string): Promise<Proposal> {
  try {
    return await persistTransition(ports, proposal, noteOnly(proposal), 'notify-failed', null, detail);
  } catch (error) {
    // Someone moved the proposal on meanwhile: the note is lost, the proposal is not.
    console.warn(`Goalkeeper could not record a failed notification on proposal ${proposal.id}: ${String(error)}`);
    return proposal;
  }
}
