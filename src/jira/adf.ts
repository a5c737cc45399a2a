/**
 * The decision comment in Atlassian Document Format. The proposer is a mention node (Jira renders
 * their current name from the accountId and tells them); the decider is named as text, in the
 * decider's language (src/domain/notice-wording.ts); the rationale is quoted as plain text nodes, one
 * paragraph per line, with no marks, links or mentions parsed out of it: whatever a person
 * typed stays words on the page. No internal id is shown (issue 15): the apply journal recognises
 * its comment by the marker property the app writes on it, and people trace it from the audit trail.
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
import type { DecisionComment } from '../app/ports';
import { decisionLine, rationaleLead } from '../domain/notice-wording';

export type AdfInline =
  { readonly type: 'text'; readonly text: string } | { readonly type: 'mention'; readonly attrs: { readonly id: string } };
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

/** "Goalkeeper: @proposer – your proposal was approved by Priya Raman: …", in the decider's language. */
function verdictLine(comment: DecisionComment): AdfParagraph {
  const decider = { automatic: comment.deciderAccountId === null, name: comment.deciderName };
  return {
    type: 'paragraph',
    content: [
      text('Goalkeeper: '),
      { type: 'mention', attrs: { id: comment.proposerAccountId } },
      text(decisionLine(comment.language, comment.verdict, decider, comment.changeSummary)),
    ],
  };
}

export function decisionCommentDocument(comment: DecisionComment): AdfDocument {
  const rationale = quotedParagraphs(comment.rationale);
  return {
    type: 'doc',
    version: 1,
    content: [
      verdictLine(comment),
      ...(rationale.length > 0 && comment.deciderAccountId !== null
        ? [
            { type: 'paragraph' as const, content: [text(rationaleLead(comment.language, comment.deciderName))] },
            { type: 'blockquote' as const, content: rationale },
          ]
        : []),
    ],
  };
}
