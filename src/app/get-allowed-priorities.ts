/**
 * The priorities the re-prioritise form offers, read only when the form asks: from the issue's
 * edit metadata, because the issue's project decides which priorities it allows.
 */
import { GoalkeeperError } from '../domain/errors';
import { notFound } from './access';
import type { Caller } from './caller';
import { missingReasonOf, type MissingReason } from './missing-parts';
import type { Ports } from './ports';

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

/**
 * The priorities a priority change is checked against. Unlike the form's read, a check cannot
 * go on without them: Jira's refusal to tell the app is not the caller's missing right, so it is
 * reported as Jira being unavailable, never as `forbidden`.
 */
export async function prioritiesToCheck(ports: Ports, issueKey: string): Promise<string[]> {
  try {
    return await ports.jira.allowedPriorities(issueKey);
  } catch (error) {
    if (missingReasonOf(error) === null) throw error;
    throw new GoalkeeperError('jira-unavailable', 'Jira did not tell Goalkeeper which priorities this issue allows, so the change cannot be checked now. Try again later.');
  }
}
