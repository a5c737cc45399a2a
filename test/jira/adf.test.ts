import type { DecisionComment } from '../../src/app/ports';
import { decisionCommentDocument } from '../../src/jira/adf';

const approval: DecisionComment = {
  proposalId: 'prop-7f3a',
  verdict: 'approved',
  deciderAccountId: '557058:po-priya',
  deciderName: 'Priya Raman',
  proposerAccountId: '557058:dev-dana',
  rationale: 'Security asked for it today.\n\nIt fits the goal.',
  changeSummary: 'Add ONB-68 to the active sprint',
  language: 'en',
};

/** Every text node of the document, joined: what a reader sees, bar the mention. */
function visibleText(document: ReturnType<typeof decisionCommentDocument>): string {
  return (
    JSON.stringify(document)
      .match(/"text":"[^"]*"/g)
      ?.join(' ') ?? ''
  );
}

describe('the decision comment in Atlassian Document Format', () => {
  it('mentions the proposer, names the decider as text and quotes the rationale one paragraph per line', () => {
    const document = decisionCommentDocument(approval);
    expect(document.content.slice(0, 3)).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Goalkeeper: ' },
          { type: 'mention', attrs: { id: '557058:dev-dana' } },
          { type: 'text', text: ' – your proposal was approved by Priya Raman: Add ONB-68 to the active sprint' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: "Priya Raman's rationale:" }] },
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Security asked for it today.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'It fits the goal.' }] },
        ],
      },
    ]);
    // The decider is never mentioned: Jira would notify them of their own decision.
    expect(JSON.stringify(document)).not.toContain('"id":"557058:po-priya"');
  });

  it('is written in German when the Product Owner decided in German', () => {
    const document = decisionCommentDocument({
      ...approval,
      verdict: 'rejected',
      language: 'de',
      changeSummary: 'ONB-68 in den aktiven Sprint aufnehmen',
    });
    expect(document.content[0]).toMatchObject({
      content: [{}, {}, { text: ' – Ihr Vorschlag wurde von Priya Raman abgelehnt: ONB-68 in den aktiven Sprint aufnehmen' }],
    });
    expect(document.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Begründung von Priya Raman:' }] });
  });

  it('says "the Product Owner" when the name is not to be had', () => {
    const document = decisionCommentDocument({ ...approval, deciderName: null });
    expect(document.content[0]).toMatchObject({
      content: [{}, {}, { text: ' – your proposal was approved by the Product Owner: Add ONB-68 to the active sprint' }],
    });
  });

  it('keeps markup, mentions and links a person typed as plain words', () => {
    const typed = '*bold* [link](https://evil.example) @Ada <script>alert(1)</script>';
    const document = decisionCommentDocument({ ...approval, verdict: 'rejected', rationale: typed });
    expect(document.content[2]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: typed }] }] });
    expect(JSON.stringify(document)).not.toMatch(/"marks"|"link"|"inlineCard"/);
    expect(document.content[0]).toMatchObject({
      content: [{}, {}, { text: ' – your proposal was rejected by Priya Raman: Add ONB-68 to the active sprint' }],
    });
  });

  it('says the approval policy decided when no person did, and quotes no rationale then', () => {
    const document = decisionCommentDocument({ ...approval, deciderAccountId: null, deciderName: null });
    expect(document.content[0]).toMatchObject({
      content: [
        {},
        { type: 'mention', attrs: { id: '557058:dev-dana' } },
        { text: " – your proposal was approved automatically by the project's approval policy: Add ONB-68 to the active sprint" },
      ],
    });
    expect(document.content.some((node) => node.type === 'blockquote')).toBe(false);
  });

  it('carries no internal id: people read a verdict, a name and a rationale', () => {
    const document = decisionCommentDocument(approval);
    expect(visibleText(document)).not.toContain('prop-7f3a');
    expect(document.content).toHaveLength(3);
  });

  it('never produces an empty text node, which Jira would reject', () => {
    const document = decisionCommentDocument({ ...approval, rationale: '\n  \r\n\t\n' });
    expect(document.content.some((node) => node.type === 'blockquote')).toBe(false);
    expect(JSON.stringify(document)).not.toContain('"text":""');
    expect(visibleText(document)).toContain('approved by Priya Raman');
  });
});
