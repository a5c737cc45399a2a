import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { renderInLocale } from '../testing/render-in-locale';
import { SprintCoverageNote } from './SprintCoverageNote';

const NO_MORE: Record<string, never> = {};

describe('the note on a sprint larger than Goalkeeper reads', () => {
  it('says the assessment covers the top issues by rank and how many items are left out', () => {
    renderInLocale(<SprintCoverageNote coverage={{ assessedIssues: 9200, itemsBeyondCap: 1500 }} />, { en: NO_MORE, de: NO_MORE });
    const note = screen.getByRole('complementary', { name: 'Part of a very large sprint' });
    expect(note).toHaveTextContent(
      /The assessment covers the top 9,?200 issues by rank; 1,?500 more items of this sprint \(sub-tasks included\)/,
    );
  });

  it('says it in German for a German Jira', () => {
    renderInLocale(<SprintCoverageNote coverage={{ assessedIssues: 9200, itemsBeyondCap: 1500 }} />, { en: NO_MORE, de: NO_MORE }, 'de-DE');
    const note = screen.getByRole('complementary', { name: 'Teil eines sehr großen Sprints' });
    expect(note).toHaveTextContent(/Die Bewertung umfasst die obersten 9\.?200 Vorgänge nach Rang; 1\.?500 weitere Einträge/);
  });

  it('shows nothing when the assessment covers the whole sprint', () => {
    const { container } = renderInLocale(<SprintCoverageNote coverage={null} />, { en: NO_MORE, de: NO_MORE });
    expect(container).toBeEmptyDOMElement();
  });
});
