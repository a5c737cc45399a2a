import { createTranslator, normaliseLocale, type Catalogues } from './translator';

const catalogues: Catalogues<'days' | 'greeting' | 'only.en'> = {
  en: { days: { one: '{count} day left', other: '{count} days left' }, greeting: 'Hello {name}', 'only.en': 'English' },
  de: { days: { one: 'Noch {count} Tag', other: 'Noch {count} Tage' }, greeting: 'Hallo {name}', 'only.en': 'Englisch' },
};

describe('the translator', () => {
  it('picks the plural form by count and formats numbers in the locale', () => {
    expect(createTranslator('en-US', catalogues).t('days', { count: 1 })).toBe('1 day left');
    expect(createTranslator('de-DE', catalogues).t('days', { count: 1500 })).toBe('Noch 1.500 Tage');
  });

  it('formats probabilities and dates the way the locale writes them', () => {
    const german = createTranslator('de_DE', catalogues);
    expect(german.formatPercent(0.78)).toBe('78\u00a0%');
    expect(german.formatDate('2026-11-30T17:00:00Z')).toBe('30.11.2026');
  });

  it('falls back to English for a language Goalkeeper does not ship, keeping the locale for formats', () => {
    const french = createTranslator('fr-FR', catalogues);
    expect(french.t('greeting', { name: 'Priya' })).toBe('Hello Priya');
    expect(french.formatNumber(1234.5)).toBe('1\u202f234,5');
  });

  it('keeps an unfilled placeholder visible rather than inventing a value', () => {
    expect(createTranslator('en-US', catalogues).t('greeting')).toBe('Hello {name}');
  });

  it('treats an invalid locale from the host as English', () => {
    expect(normaliseLocale('not a locale!')).toEqual({ locale: 'en-US', language: 'en' });
  });
});
