import { CSV_COLUMNS, csvCell, sprintCsv } from '../../src/domain/csv-export';
import type { BypassedChange } from '../../src/domain/sprint-record';
import { proposalFor } from '../support/proposals';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a header and one row per proposal with names, decision and figures', () => {
    const proposal = {
      ...proposalFor({
        proposerAccountId: 'acc-dana',
        reason: { category: 'stakeholder-request', text: 'Acme needs SSO, by Friday' },
        createdAt: '2026-11-18T09:00:00Z',
        pointsAtProposal: { 'ONB-31': 5 },
      }),
      status: 'rejected' as const,
      decision: {
        verdict: 'rejected' as const,
        deciderAccountId: 'acc-priya',
        rationale: 'Goal first; next sprint.',
        decidedAt: '2026-11-18T10:00:00Z',
        assessment: null,
      },
    };
    const csv = sprintCsv([proposal], [], { 'acc-dana': 'Dana Developer', 'acc-priya': 'Priya Owner' });
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(row).toBe(
      'proposal,p-1,2026-11-18T09:00:00Z,ONB-31,Add ONB-31 to the active sprint,stakeholder-request,"Acme needs SSO, by Friday",Dana Developer,rejected,yes,Priya Owner,2026-11-18T10:00:00Z,Goal first; next sprint.,,,,,5,,,,,,',
    );
    expect(end).toBe('');
  });
});

describe('CSV export of changes made directly in Jira', () => {
  const bypassed = (review: BypassedChange['review']): BypassedChange => ({
    id: 'event:10069:4711:7:ONB-69:added',
    sprintId: 7,
    issueKey: 'ONB-69',
    kind: 'added',
    at: '2026-11-19T08:00:00.000Z',
    pointsBefore: null,
    pointsAfter: 2,
    source: 'bypassed',
    reasonCategory: null,
    proposalId: null,
    rationale: null,
    actorAccountId: 'acc-kofi',
    detectedBy: 'event',
    review,
  });
  const names = { 'acc-kofi': 'Kofi Mensah', 'acc-priya': 'Priya Raman' };
  const cellsOf = (csv: string, column: (typeof CSV_COLUMNS)[number]) => {
    const row = csv.split('\r\n')[1]!;
    return row.split(',')[CSV_COLUMNS.indexOf(column)];
  };

  it('carries the Product Owner’s review: verdict, reviewer, note and time', () => {
    const csv = sprintCsv(
      [],
      [bypassed({ reviewerAccountId: 'acc-priya', verdict: 'accepted', note: 'Small and urgent', at: '2026-11-19T10:00:00.000Z' })],
      names,
    );
    expect(cellsOf(csv, 'Review')).toBe('accepted');
    expect(cellsOf(csv, 'Reviewed by')).toBe('Priya Raman');
    expect(cellsOf(csv, 'Review note')).toBe('Small and urgent');
    expect(cellsOf(csv, 'Reviewed at')).toBe('2026-11-19T10:00:00.000Z');
    expect(cellsOf(csv, 'Reverted by proposal')).toBe('');
  });

  it('names the proposal that reverts a reverted change, and leaves the review empty while there is none', () => {
    const reverted = sprintCsv(
      [],
      [
        bypassed({
          reviewerAccountId: 'acc-priya',
          verdict: 'reverted',
          note: 'Not now',
          at: '2026-11-19T10:00:00.000Z',
          proposalId: 'p-revert-1',
        }),
      ],
      names,
    );
    expect(cellsOf(reverted, 'Review')).toBe('reverted');
    expect(cellsOf(reverted, 'Reverted by proposal')).toBe('p-revert-1');
    const unreviewed = sprintCsv([], [bypassed(null)], names);
    expect(CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('Review')).map((column) => cellsOf(unreviewed, column))).toEqual(['', '', '', '', '']);
  });

  it('defuses a formula in the review note', () => {
    const csv = sprintCsv(
      [],
      [bypassed({ reviewerAccountId: 'acc-priya', verdict: 'noted', note: '=HYPERLINK("http://x")', at: '2026-11-19T10:00:00.000Z' })],
      names,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('CSV export in a locale whose spreadsheets split on semicolons or tabs', () => {
  it.each([
    ['Fine;=1+1;', "Fine;'=1+1;"],
    ['a,=HYPERLINK("x")', `"a,'=HYPERLINK(""x"")"`],
    ['ok\t+SUM(A1)', "ok\t'+SUM(A1)"],
    ['two\n@cmd', `"two\n'@cmd"`],
    ['semi; =1+1', "semi; '=1+1"],
    ['quoted;"=1+1', `"quoted;""'=1+1"`],
    ['\t=1', "'\t'=1"],
  ])('defuses the formula start in %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves hyphens, plus signs and at signs inside words alone', () => {
    expect(csvCell('ONB-31 needs +2 days; ask dana@example.com')).toBe('ONB-31 needs +2 days; ask dana@example.com');
  });
});
