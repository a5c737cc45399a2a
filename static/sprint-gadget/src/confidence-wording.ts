/** The forecast confidences in words: the short name ("P85 capacity") and what it means. */
import type { ForecastConfidence } from './gadget-config';
import type { GadgetKey } from './messages/en';

export const CONFIDENCE_LABELS: Readonly<Record<ForecastConfidence, GadgetKey>> = {
  p50: 'capacity.p50',
  p85: 'capacity.p85',
};

export const CONFIDENCE_MEANINGS: Readonly<Record<ForecastConfidence, GadgetKey>> = {
  p50: 'config.confidence.p50',
  p85: 'config.confidence.p85',
};
