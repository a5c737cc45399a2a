import { GoalkeeperError } from '../../domain/errors';
import type { Ports } from '../ports';
import { missingReasonOf } from './missing-parts';

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
    throw new GoalkeeperError(
      'jira-unavailable',
      'Jira did not tell Goalkeeper which priorities this issue allows, so the change cannot be checked now. Try again later.',
    );
  }
}
