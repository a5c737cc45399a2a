/**
 * What Goalkeeper says in Jira about a proposal — the decision comment and the notifications Jira
 * mails — in English or German. The comment is written in the language the decider used
 * Goalkeeper in (their Forge context's locale, recorded with the decision); a notification in
 * the recipient's own Jira language where Jira tells the app (their profile locale), else English.
 * Text people typed (reasons, rationales) is quoted as it is, never translated.
 */
import type { Change } from './change';
import { summarizeChange } from './change-summary';

export const NOTICE_LANGUAGES = ['en', 'de'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** Forge locales read "de-DE", Jira profile locales "de_DE": anything German is German, everything else English. */
export function noticeLanguageOf(locale: string | null | undefined): NoticeLanguage {
  return /^de(?:[-_]|$)/i.test(locale ?? '') ? 'de' : 'en';
}

/** One line naming the change, as `summarizeChange` does in English. */
export function describeChange(language: NoticeLanguage, issueKey: string, change: Change): string {
  if (language === 'en') return summarizeChange(issueKey, change);
  switch (change.kind) {
    case 'add':
      return `${issueKey} in den aktiven Sprint aufnehmen`;
    case 'remove':
      return `${issueKey} aus dem Sprint ins Backlog nehmen`;
    case 'defer':
      return `${issueKey} in den nächsten Sprint verschieben`;
    case 'rerank':
      switch (change.target.position) {
        case 'top':
          return `${issueKey} ganz oben im Sprint einordnen`;
        case 'bottom':
          return `${issueKey} ganz unten im Sprint einordnen`;
        case 'before':
          return `${issueKey} vor ${change.target.issueKey} einordnen`;
        case 'after':
          return `${issueKey} nach ${change.target.issueKey} einordnen`;
      }
    case 'priority':
      return `Priorität von ${issueKey} auf ${change.priorityName} setzen`;
    case 'estimate':
      return `${issueKey} neu auf ${change.points} Punkte schätzen`;
    case 'split':
      return `${issueKey} aufteilen in ${change.parts.map((p) => `„${p.summary}“ (${p.points} Pkt.)`).join(', ')}`;
    case 'swap':
      return `${issueKey} in den Sprint nehmen, dafür ${change.outIssueKey} heraus`;
    case 'tweak':
      return `${issueKey} präzisieren (geringfügig): ${change.note}`;
  }
}

export type Verdict = 'approved' | 'rejected';

/**
 * The decision comment's first line after the proposer's mention: who decided what. The decider
 * is named as text, not mentioned — Jira notifies everyone a comment mentions, and the decider
 * needs no notice of their own decision. `deciderName` null: the policy decided, or the name is
 * not to be had.
 */
export function decisionLine(
  language: NoticeLanguage,
  verdict: Verdict,
  decider: { automatic: boolean; name: string | null },
  changeSummary: string,
): string {
  if (language === 'de') {
    if (decider.automatic) return ` – Ihr Vorschlag wurde nach der Freigaberegel des Projekts automatisch genehmigt: ${changeSummary}`;
    const by = decider.name ? `von ${decider.name}` : 'vom Product Owner';
    return ` – Ihr Vorschlag wurde ${by} ${verdict === 'approved' ? 'genehmigt' : 'abgelehnt'}: ${changeSummary}`;
  }
  if (decider.automatic) return ` – your proposal was approved automatically by the project's approval policy: ${changeSummary}`;
  return ` – your proposal was ${verdict} by ${decider.name ?? 'the Product Owner'}: ${changeSummary}`;
}

/** The line introducing the quoted rationale. */
export function rationaleLead(language: NoticeLanguage, deciderName: string | null): string {
  if (language === 'de') return deciderName ? `Begründung von ${deciderName}:` : 'Begründung:';
  return deciderName ? `${deciderName}'s rationale:` : 'Rationale:';
}

/** A notification's words: the adapter adds the link to the issue and renders Jira's text and HTML bodies. */
export interface NoticeText {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly linkLabel: string;
}

/** To the Product Owners who may decide: a proposal waits for them. */
export function waitingForDecisionNotice(
  language: NoticeLanguage,
  facts: { issueKey: string; change: Change; proposerName: string | null; reason: string },
): NoticeText {
  const change = describeChange(language, facts.issueKey, facts.change);
  if (language === 'de') {
    return {
      subject: `Goalkeeper: Eine Änderung an ${facts.issueKey} wartet auf Ihre Entscheidung`,
      paragraphs: [
        `${facts.proposerName ?? 'Ein Teammitglied'} schlägt vor: ${change}.`,
        `Grund: ${facts.reason}`,
        'Sie entscheiden im Goalkeeper-Panel des Vorgangs.',
      ],
      linkLabel: `${facts.issueKey} öffnen`,
    };
  }
  return {
    subject: `Goalkeeper: a change to ${facts.issueKey} waits for your decision`,
    paragraphs: [
      `${facts.proposerName ?? 'A team member'} proposes: ${change}.`,
      `Reason: ${facts.reason}`,
      'Decide it in the Goalkeeper panel of the issue.',
    ],
    linkLabel: `Open ${facts.issueKey}`,
  };
}

/** To the proposer: their proposal was decided. */
export function decidedNotice(
  language: NoticeLanguage,
  facts: { issueKey: string; change: Change; verdict: Verdict; deciderName: string | null; rationale: string },
): NoticeText {
  const change = describeChange(language, facts.issueKey, facts.change);
  if (language === 'de') {
    const decided = facts.verdict === 'approved' ? 'genehmigt' : 'abgelehnt';
    return {
      subject: `Goalkeeper: Ihr Vorschlag zu ${facts.issueKey} wurde ${decided}`,
      paragraphs: [
        `${facts.deciderName ?? 'Der Product Owner'} hat Ihren Vorschlag ${decided}: ${change}.`,
        `Begründung: ${facts.rationale}`,
      ],
      linkLabel: `${facts.issueKey} öffnen`,
    };
  }
  return {
    subject: `Goalkeeper: your proposal for ${facts.issueKey} was ${facts.verdict}`,
    paragraphs: [`${facts.deciderName ?? 'The Product Owner'} ${facts.verdict} your proposal: ${change}.`, `Rationale: ${facts.rationale}`],
    linkLabel: `Open ${facts.issueKey}`,
  };
}
