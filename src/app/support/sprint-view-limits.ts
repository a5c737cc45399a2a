/**
 * How much of a sprint's proposals one sprint view answer carries. The answer grows with every
 * proposal (each carries its assessments), and Forge refuses a resolver answer past its response
 * limit, which would take the gadget down for everyone (issue 14: ~6 KB per queued proposal
 * passed 5 MB at ~850). The queue and the decision log are therefore pages with their totals:
 * the oldest waiting proposals first (the order a Product Owner works through them) and the
 * newest decisions first; the CSV export carries everything.
 */

/** Forge's limit on a function's response payload, 5 MB ("Invocation limits", https://developer.atlassian.com/platform/forge/limits-invocation/). */
export const FORGE_RESPONSE_MAX_BYTES = 5 * 1024 * 1024;

/** Waiting proposals shown, each re-assessed now: also bounds the view's Monte Carlo runs within Forge's 25 s. */
export const QUEUE_PAGE_SIZE = 20;

/** Decisions shown in the log, newest first. */
export const DECISION_LOG_PAGE_SIZE = 50;

/** The first `size` items, and how many there were in all. */
export function firstPage<T>(items: readonly T[], size: number): { readonly items: T[]; readonly total: number } {
  return { items: items.slice(0, size), total: items.length };
}
