/**
 * The sprint's proposals, decisions and scope changes as CSV (RFC 4180), for a spreadsheet; a
 * change made directly in Jira carries the Product Owner's review of it (verdict, reviewer, note,
 * time, and the proposal that reverts it).
 * Formula starts, at a cell start and after any separator a spreadsheet may split on, are
 * prefixed with an apostrophe (OWASP's advice against CSV injection): user text is data, never code.
 */
import { summarizeChange } from './change-summary';
import type { Proposal } from './proposal';
import type { BypassedChange } from './sprint-record';

export const CSV_COLUMNS = [
  'Record',
  'Proposal ID',
  'Created',
  'Issue',
  'Change',
  'Reason category',
  'Reason',
  'Proposed by',
  'Status',
  'Needs Product Owner',
  'Decided by',
  'Decided at',
  'Rationale',
  'Risk when proposed',
  'P(goal) before',
  'P(goal) after',
  'Apply result',
  'Points before',
  'Points after',
  'Review',
  'Reviewed by',
  'Review note',
  'Reviewed at',
  'Reverted by proposal',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Tab and carriage return open a cell that some spreadsheets read as a formula (OWASP, CSV injection). */
const CONTROL_START = /^[\t\r]/;
/**
 * A formula character at a cell start, or at what a spreadsheet may take for one: Excel splits on
 * the list separator of the reader's locale (`;` in German, French and most EU locales, which
 * Goalkeeper ships), tab-separated imports split on tabs, and line breaks start rows. Spaces and
 * a quote in between do not stop LibreOffice from reading a formula, so they are looked through.
 */
const FORMULA_AFTER_SEPARATOR = /(^|[,;\t\r\n])([ "]*)([=+\-@])/g;

/** Every formula start is prefixed with an apostrophe, so the spreadsheet shows text. */
export function defuseFormulas(value: string): string {
  const defused = value.replace(FORMULA_AFTER_SEPARATOR, "$1$2'$3");
  return CONTROL_START.test(defused) ? `'${defused}` : defused;
}

export function csvCell(value: string): string {
  const safe = defuseFormulas(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const percent = (p: number | undefined) => (p === undefined ? '' : `${Math.round(p * 100)}%`);
const points = (p: number | null) => (p === null ? '' : String(p));

function proposalRow(proposal: Proposal, nameOf: (accountId: string | null) => string): Row {
  const decision = proposal.decision;
  return {
    Record: 'proposal',
    'Proposal ID': proposal.id,
    Created: proposal.createdAt,
    Issue: proposal.issueKey,
    Change: summarizeChange(proposal.issueKey, proposal.change),
    'Reason category': proposal.reason.category,
    Reason: proposal.reason.text,
    'Proposed by': nameOf(proposal.proposerAccountId),
    Status: proposal.status,
    'Needs Product Owner': proposal.needsProductOwner ? 'yes' : 'no',
    'Decided by': decision ? (decision.deciderAccountId ? nameOf(decision.deciderAccountId) : 'policy (auto-approved)') : '',
    'Decided at': decision?.decidedAt ?? '',
    Rationale: decision?.rationale ?? '',
    'Risk when proposed': proposal.assessment?.level ?? '',
    'P(goal) before': percent(proposal.assessment?.before.pGoal),
    'P(goal) after': percent(proposal.assessment?.after.pGoal),
    'Apply result': proposal.apply ? (proposal.apply.lastError ?? (proposal.status === 'applied' ? 'applied' : '')) : '',
    'Points before': points(proposal.pointsAtProposal[proposal.issueKey] ?? null),
    'Points after': proposal.change.kind === 'estimate' ? String(proposal.change.points) : '',
    ...NO_REVIEW,
  };
}

const NO_REVIEW = { Review: '', 'Reviewed by': '', 'Review note': '', 'Reviewed at': '', 'Reverted by proposal': '' } as const;

function bypassRow(change: BypassedChange, nameOf: (accountId: string | null) => string): Row {
  const review = change.review;
  return {
    Record: 'bypassed change',
    'Proposal ID': '',
    Created: change.at,
    Issue: change.issueKey,
    Change: `${change.kind} directly in Jira`,
    'Reason category': '',
    Reason: '',
    'Proposed by': nameOf(change.actorAccountId),
    Status: 'bypassed',
    'Needs Product Owner': '',
    'Decided by': '',
    'Decided at': '',
    Rationale: change.rationale ?? '',
    'Risk when proposed': '',
    'P(goal) before': '',
    'P(goal) after': '',
    'Apply result': '',
    'Points before': points(change.pointsBefore),
    'Points after': points(change.pointsAfter),
    ...(review
      ? {
          Review: review.verdict,
          'Reviewed by': nameOf(review.reviewerAccountId),
          'Review note': review.note,
          'Reviewed at': review.at,
          'Reverted by proposal': review.proposalId ?? '',
        }
      : NO_REVIEW),
  };
}

export function sprintCsv(
  proposals: readonly Proposal[],
  bypassed: readonly BypassedChange[],
  names: Readonly<Record<string, string>>,
): string {
  const nameOf = (accountId: string | null) => (accountId ? (names[accountId] ?? accountId) : '');
  const rows = [...proposals.map((p) => proposalRow(p, nameOf)), ...bypassed.map((c) => bypassRow(c, nameOf))].sort((a, b) =>
    a.Created.localeCompare(b.Created),
  );
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
