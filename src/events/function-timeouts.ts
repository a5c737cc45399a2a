/**
 * How long each backend function may run, as manifest.yml declares it (`modules.function[]
 * .timeoutSeconds`; @forge/manifest's schema: "The maximum amount of time the function is allowed
 * to run, in seconds. Must be between 1 and 900"). Without it a consumer or trigger gets Forge's
 * short default, not the minutes the work below needs. test/manifest.test.ts checks the manifest
 * against this table. The resolver is not here: a Custom UI call answers within Forge's 25 s.
 * Nor is the product-event trigger (`jira-events`): Forge lets only consumer and scheduledTrigger
 * functions raise their timeout (@forge/lint's function-timeout linter: "Only consumer and
 * scheduledTrigger functions support custom timeouts"), so one event's handful of reads and
 * writes must fit the platform's 25 s; anything longer belongs on the queue.
 */
import { DEFAULT_MAX_ATTEMPTS, MAX_BACKOFF_MS, REQUEST_TIMEOUT_MS } from '../jira/jira-client';

/** @forge/manifest's schema maximum for `timeoutSeconds`. */
export const FORGE_MAX_TIMEOUT_SECONDS = 900;

/** The most Jira steps one apply runs (a swap: move out, move in, rank, comment, plus the read-back of an in-doubt step). */
export const MAX_APPLY_STEPS = 5;

/** One Jira call at its slowest: every attempt timing out, with the longest back-off between attempts. */
export const SLOWEST_JIRA_CALL_SECONDS = (DEFAULT_MAX_ATTEMPTS * REQUEST_TIMEOUT_MS + (DEFAULT_MAX_ATTEMPTS - 1) * MAX_BACKOFF_MS) / 1000;

export const FUNCTION_TIMEOUT_SECONDS = {
  /** Every step of the slowest apply at its slowest, and the reads that plan it, fit. */
  'apply-worker': 420,
  /** One board's active sprint read (the largest in parallel pages), diffed and its bypasses written. */
  'reconcile-worker': 300,
  /** Every watched board's active sprint read and diffed, one board after another. */
  reconcile: FORGE_MAX_TIMEOUT_SECONDS,
  /** The stored accountIds reported to Atlassian in batches, closed ones erased. */
  'personal-data': 300,
  /** Every expired sprint's records deleted. */
  retention: FORGE_MAX_TIMEOUT_SECONDS,
} as const;
