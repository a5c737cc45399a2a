import fc from 'fast-check';
import { percentText, probabilityFromPercent } from './percent-text';

describe('risk thresholds as percentages', () => {
  it('writes a probability as the percentage people type, in their locale', () => {
    expect(percentText(0.5, 'en-US')).toBe('50');
    expect(percentText(0.05, 'en-US')).toBe('5');
    expect(percentText(0.125, 'en-US')).toBe('12.5');
    expect(percentText(0.125, 'de-DE')).toBe('12,5');
    expect(percentText(1, 'de-DE')).toBe('100');
  });

  it('reads a typed percentage as a probability, with a decimal point or comma and an optional percent sign', () => {
    expect(probabilityFromPercent('35')).toBe(0.35);
    expect(probabilityFromPercent(' 12,5 ')).toBe(0.125);
    expect(probabilityFromPercent('7.25 %')).toBe(0.0725);
    expect(probabilityFromPercent('0')).toBe(0);
    expect(probabilityFromPercent('100%')).toBe(1);
  });

  it('refuses what is not a percentage from 0 to 100', () => {
    for (const typed of ['', 'fifty', '-5', '100.5', '1e2', '50 percent']) expect(probabilityFromPercent(typed)).toBeNull();
  });

  it('reads back every probability it writes, in English and German', () => {
    const probabilities = fc.integer({ min: 0, max: 10_000 }).map((hundredthsOfPercent) => hundredthsOfPercent / 10_000);
    fc.assert(
      fc.property(probabilities, fc.constantFrom('en-US', 'de-DE'), (probability, locale) => {
        expect(probabilityFromPercent(percentText(probability, locale))).toBe(probability);
      }),
    );
  });
});
