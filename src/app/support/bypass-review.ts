/** What reviewing and reverting a change made around Goalkeeper share: who may, and a review written once. */
import { GoalkeeperError } from '../../domain/errors';
import type { ProjectSettings } from '../../domain/settings';
import type { BypassedChange, BypassReview } from '../../domain/sprint-record';
import type { Ports } from '../ports';
import { isProductOwner, requireCallerPermissions } from './access';
import type { Caller } from './caller';
import { loadSettings } from './issue-situation';

/** The change, if the caller may see its issue and is a Product Owner of its project; the settings in force there. */
export async function loadForProductOwner(
  ports: Ports,
  caller: Caller,
  changeId: string,
): Promise<{ change: BypassedChange; settings: ProjectSettings }> {
  const change = await ports.sprints.getBypassed(changeId);
  // A change on an issue the caller cannot see is answered exactly like one that does not exist.
  const missing = new GoalkeeperError('not-found', 'This change does not exist or you do not have permission to see it.');
  if (!change) throw missing;
  try {
    await requireCallerPermissions(ports.jira, [change.issueKey], ['BROWSE_PROJECTS']);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'not-found') throw missing;
    throw error;
  }
  const issue = await ports.jira.getIssue(change.issueKey);
  const projectKey = issue?.projectKey ?? change.issueKey.split('-')[0]!;
  const settings = await loadSettings(ports, projectKey);
  if (!(await isProductOwner(ports.jira, settings, projectKey, caller.accountId))) {
    throw new GoalkeeperError('forbidden', 'Only the Product Owner can review changes made directly in Jira.');
  }
  return { change, settings };
}

/** Written only if nobody reviewed the change meanwhile: a review is never overwritten. */
export async function recordReview(ports: Ports, change: BypassedChange, review: BypassReview): Promise<BypassedChange> {
  if ((await ports.sprints.reviewBypassed(change.id, review)) === 'conflict') {
    throw new GoalkeeperError('conflict', 'Someone already reviewed this change. Reload to see their review.');
  }
  return { ...change, review };
}
