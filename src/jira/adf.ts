/**
 * The decision comment in Atlassian Document Format. The decider is a mention node (Jira renders
 * their current name from the accountId); the rationale is quoted as plain text nodes, one
 * paragraph per line, with no marks, links or mentions parsed out of it: whatever a person
 * typed stays words on the page.
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
import type { DecisionComment } from '../app/ports';

export type AdfInline = { readonly type: 'text'; readonly text: string } | { readonly type: 'mention'; readonly attrs: { readonly id: string } };
export interface AdfParagraph {
  readonly type: 'paragraph';
  readonly content: readonly AdfInline[];
}
export interface AdfBlockquote {
  readonly type: 'blockquote';
  readonly content: readonly AdfParagraph[];
}
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly (AdfParagraph | AdfBlockquote)[];
}

const text = (value: string): AdfInline => ({ type: 'text', text: value });

/** ADF forbids empty text nodes, so blank lines separate paragraphs instead of becoming one. */
function quotedParagraphs(value: string): AdfParagraph[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', content: [text(line)] }));
}

function verdictLine(comment: DecisionComment): AdfParagraph {
  const verb = comment.verdict === 'approved' ? 'approved' : 'rejected';
  if (comment.deciderAccountId === null) {
    return { type: 'paragraph', content: [text(`Goalkeeper: ${verb} automatically by the project's approval policy: ${comment.changeSummary}`)] };
  }
  return { type: 'paragraph', content: [text('Goalkeeper: '), { type: 'mention', attrs: { id: comment.deciderAccountId } }, text(` ${verb} this change: ${comment.changeSummary}`)] };
}

export function decisionCommentDocument(comment: DecisionComment): AdfDocument {
  const rationale = quotedParagraphs(comment.rationale);
  return {
    type: 'doc',
    version: 1,
    content: [
      verdictLine(comment),
      ...(rationale.length > 0 ? [{ type: 'blockquote' as const, content: rationale }] : []),
      { type: 'paragraph', content: [text(`Proposal ${comment.proposalId}`)] },
    ],
  };
}
