/**
 * Bounds on free text. They keep every proposal record far below Forge's 240 KiB value limit
 * (https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#storage) and keep
 * decisions readable. The rationale bounds are a product rule from issue 2.
 */
export const RATIONALE_MIN_CHARS = 10;
export const RATIONALE_MAX_CHARS = 2_000;
export const REASON_MAX_CHARS = 2_000;
export const TWEAK_NOTE_MAX_CHARS = 2_000;
export const SPLIT_SUMMARY_MAX_CHARS = 255; // Jira's summary field limit
export const SPLIT_MAX_PARTS = 10;
export const MAX_POINTS = 1_000;
