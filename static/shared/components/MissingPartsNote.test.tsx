import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { renderInLocale } from '../testing/render-in-locale';
import { MissingPartsNote } from './MissingPartsNote';

const NO_MORE: Record<string, never> = {};

describe('the note on what a view goes without', () => {
  it('names each missing part and why', () => {
    renderInLocale(
      <MissingPartsNote
        parts={[
          { part: 'history', reason: 'refused' },
          { part: 'story-point-field', reason: 'not-found' },
          { part: 'display-names', reason: 'failed' },
        ]}
      />,
      { en: NO_MORE, de: NO_MORE },
    );
    const note = screen.getByRole('complementary', { name: "Shown without some of Jira's data" });
    expect(note).toHaveTextContent(
      "The team's past sprints: the forecast uses this sprint's pace only. Jira did not allow Goalkeeper to read it.",
    );
    expect(note).toHaveTextContent("The project's story-point field: issues are counted instead of points. Jira did not find it.");
    expect(note).toHaveTextContent("People's names: Goalkeeper shows who it was without them. Jira did not answer in time or failed.");
  });

  it('says it in German for a German Jira', () => {
    renderInLocale(<MissingPartsNote parts={[{ part: 'story-point-field', reason: 'refused' }]} />, { en: NO_MORE, de: NO_MORE }, 'de-DE');
    const note = screen.getByRole('complementary', { name: 'Ohne einige Daten aus Jira angezeigt' });
    expect(note).toHaveTextContent('Statt Punkten werden Vorgänge gezählt. Jira hat Goalkeeper das Lesen nicht erlaubt.');
  });

  it('shows nothing when nothing is missing', () => {
    const { container } = renderInLocale(<MissingPartsNote parts={[]} />, { en: NO_MORE, de: NO_MORE });
    expect(container).toBeEmptyDOMElement();
  });
});
