import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { renderInLocale } from '../testing/render-in-locale';
import { HiddenFromCallerNote } from './HiddenFromCallerNote';

const NO_MORE: Record<string, never> = {};

describe('the note on what a view leaves out because the person may not see it', () => {
  it('counts hidden issues and says the board was left out, naming neither', () => {
    renderInLocale(<HiddenFromCallerNote hidden={{ issues: 2, board: true }} />, { en: NO_MORE, de: NO_MORE });
    const note = screen.getByRole('complementary', { name: 'Only what you can see in Jira' });
    expect(note).toHaveTextContent('2 issues you cannot see are left out.');
    expect(note).toHaveTextContent('This issue is in a sprint on a board you cannot see: its sprint, goal and risk are not shown.');
  });

  it('says it in German for a German Jira, in the singular for one issue', () => {
    renderInLocale(<HiddenFromCallerNote hidden={{ issues: 1, board: false }} />, { en: NO_MORE, de: NO_MORE }, 'de-DE');
    const note = screen.getByRole('complementary', { name: 'Nur, was Sie in Jira sehen können' });
    expect(note).toHaveTextContent('1 Vorgang, den Sie nicht sehen können, ist ausgelassen.');
    expect(note).not.toHaveTextContent('Board');
  });

  it('shows nothing when nothing was left out', () => {
    const { container } = renderInLocale(<HiddenFromCallerNote hidden={{ issues: 0, board: false }} />, { en: NO_MORE, de: NO_MORE });
    expect(container).toBeEmptyDOMElement();
  });
});
