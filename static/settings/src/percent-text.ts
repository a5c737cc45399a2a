/**
 * Risk thresholds are probabilities from 0 to 1 (`RiskThresholds` in src/domain/assessment.ts);
 * people set them as percentages. These two functions are the only place that converts.
 */

/** Hundredths of a percent are the finest step offered: finer would be false precision for a forecast. */
const PERCENT_DECIMALS = 2;

/** A probability as the percentage a person would type, in their locale (0.125 → "12.5" or "12,5"). */
export function percentText(probability: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: PERCENT_DECIMALS }).format(probability * 100);
}

/** A typed percentage from 0 to 100 (decimal point or comma, optional "%") as a probability; null when it is not one. */
export function probabilityFromPercent(text: string): number | null {
  const typed = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(typed)) return null;
  const percent = Number(typed);
  if (percent > 100) return null;
  const scale = 10 ** PERCENT_DECIMALS;
  return Math.round(percent * scale) / (100 * scale);
}
