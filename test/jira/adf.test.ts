import type { DecisionComment } from '../../src/app/ports';
import { decisionCommentDocument } from '../../src/jira/adf';

const approval: DecisionComment = {
  proposalId: 'prop-7f3a',
  verdict: 'approved',
  deciderAccountId: '557058:po-priya',
  rationale: 'Security asked for it today.\n\nIt fits the goal.',
  changeSummary: 'Add ONB-68 to the active sprint',
};

describe('the decision comment in Atlassian Document Format', () => {
  it('names the decider with a mention and quotes the rationale one paragraph per line', () => {
    expect(decisionCommentDocument(approval)).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Goalkeeper: ' },
            { type: 'mention', attrs: { id: '557058:po-priya' } },
            { type: 'text', text: ' approved this change: Add ONB-68 to the active sprint' },
          ],
        },
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Security asked for it today.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'It fits the goal.' }] },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Proposal prop-7f3a' }] },
      ],
    });
  });

  it('keeps markup, mentions and links a person typed as plain words', () => {
    const typed = '*bold* [link](https://evil.example) @Ada <script>alert(1)</script>';
    const document = decisionCommentDocument({ ...approval, verdict: 'rejected', rationale: typed });
    expect(document.content[1]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: typed }] }] });
    expect(JSON.stringify(document)).not.toMatch(/"marks"|"link"|"inlineCard"/);
    expect(document.content[0]).toMatchObject({ content: [{}, {}, { text: ' rejected this change: Add ONB-68 to the active sprint' }] });
  });

  it('says the approval policy decided when no person did', () => {
    const document = decisionCommentDocument({ ...approval, deciderAccountId: null });
    expect(document.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: "Goalkeeper: approved automatically by the project's approval policy: Add ONB-68 to the active sprint" }],
    });
  });

  it('never produces an empty text node, which Jira would reject', () => {
    const document = decisionCommentDocument({ ...approval, rationale: '\n  \r\n\t\n' });
    expect(document.content.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(document)).not.toContain('"text":""');
  });
});
