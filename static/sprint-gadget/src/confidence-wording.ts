/**
 * The one confidence convention of the whole sprint view, named once on its first screen. Every
 * capacity figure Goalkeeper computes is the median forecast (P50): the capacity line through the
 * ranked items (src/domain/goal-risk-scenario.ts `capacityLineOf`), the capacity in every
 * assessment's reasons, and the capacity the gadget shows — so the gadget shows no P85 figure
 * beside them (issue 15: P85 and P50 figures were mixed on one screen).
 */
import type { GadgetKey } from './messages/en';

export const CONFIDENCE_CONVENTION: GadgetKey = 'confidence.convention';
