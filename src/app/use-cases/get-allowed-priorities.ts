/**
 * The priorities the re-prioritise form offers, read only when the form asks: from the issue's
 * edit metadata, because the issue's project decides which priorities it allows.
 */
import { notFound } from '../support/access';
import type { Caller } from '../support/caller';
import { missingReasonOf, type MissingReason } from '../support/missing-parts';
import type { Ports } from '../ports';

export type AllowedPriorities =
  | { readonly kind: 'listed'; readonly priorities: readonly string[] }
  /** Jira refused or failed to tell; the form says so instead of offering a guess. */
  | { readonly kind: 'unavailable'; readonly reason: MissingReason };

export async function getAllowedPriorities(ports: Ports, caller: Caller, request: { issueKey: string }): Promise<AllowedPriorities> {
  const granted = (await ports.jira.permissionsOfCaller([request.issueKey], ['BROWSE_PROJECTS'])).get(request.issueKey);
  if (!granted?.has('BROWSE_PROJECTS')) throw notFound(request.issueKey);
  try {
    return { kind: 'listed', priorities: await ports.jira.allowedPriorities(request.issueKey) };
  } catch (error) {
    const reason = missingReasonOf(error);
    if (reason === null) throw error;
    return { kind: 'unavailable', reason };
  }
}
