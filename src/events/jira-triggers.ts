/**
 * Forge product-event triggers: Jira's events turned into the use cases of track-sprint.ts.
 * Only the changelog's Sprint and estimate items matter; everything else in the payload is
 * ignored. The manifest's `filter.ignoreSelf` keeps Goalkeeper's own changes out.
 */
import type { Ports } from '../app/ports';
import { onIssueChanged, onSprintClosed, onSprintStarted, reconcileWatchedBoards, type IssueSprintChange } from '../app/track-sprint';

/** Event names, as listed in manifest.yml's trigger module. */
export const ISSUE_UPDATED = 'avi:jira:updated:issue';
export const SPRINT_STARTED = 'avi:jira-software:started:sprint';
export const SPRINT_CLOSED = 'avi:jira-software:closed:sprint';

/** Changelog field names of the estimate: company-managed ("Story Points") and team-managed ("Story point estimate"). */
const ESTIMATE_FIELDS = new Set(['Story Points', 'Story point estimate']);

interface ChangelogItem {
  readonly field?: string;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly fromString?: string | null;
  /** Jira's own name; in TypeScript it shadows Object.prototype.toString, hence the wider type. */
  readonly toString?: string | null | (() => string);
}

function displayedTo(item: ChangelogItem): string | null | undefined {
  return typeof item.toString === 'string' ? item.toString : item.to;
}

export interface JiraEvent {
  readonly eventType?: string;
  readonly atlassianId?: string;
  readonly issue?: { readonly id?: string; readonly key?: string };
  readonly changelog?: { readonly id?: string; readonly items?: readonly ChangelogItem[] };
  readonly sprint?: { readonly id?: number };
}

function sprintIds(value: string | null | undefined): number[] {
  return (value ?? '')
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

function points(value: string | null | undefined): number | null {
  const parsed = value === null || value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The sprint-relevant part of an issue-updated event, or null when there is none. */
export function sprintChangeOf(event: JiraEvent, at: string): IssueSprintChange | null {
  const items = event.changelog?.items ?? [];
  const sprintItem = items.find((item) => item.field === 'Sprint');
  const estimateItem = items.find((item) => item.field !== undefined && ESTIMATE_FIELDS.has(item.field));
  if ((!sprintItem && !estimateItem) || !event.issue?.key || !event.issue.id || !event.changelog?.id) return null;
  return {
    changeId: `${event.issue.id}:${event.changelog.id}`,
    issueKey: event.issue.key,
    actorAccountId: event.atlassianId ?? null,
    at,
    sprintsBefore: sprintItem ? sprintIds(sprintItem.from) : null,
    sprintsAfter: sprintItem ? sprintIds(sprintItem.to) : null,
    estimate: estimateItem ? { before: points(estimateItem.fromString ?? estimateItem.from), after: points(displayedTo(estimateItem)) } : null,
  };
}

export function buildJiraEventTrigger(makePorts: () => Ports) {
  return async (event: JiraEvent): Promise<void> => {
    const ports = makePorts();
    switch (event.eventType) {
      case SPRINT_STARTED:
        if (event.sprint?.id) await onSprintStarted(ports, event.sprint.id);
        return;
      case SPRINT_CLOSED:
        if (event.sprint?.id) await onSprintClosed(ports, event.sprint.id);
        return;
      case ISSUE_UPDATED: {
        const change = sprintChangeOf(event, ports.clock.now().toISOString());
        if (change) await onIssueChanged(ports, change);
        return;
      }
      default:
        return;
    }
  };
}

export function buildReconciliationTrigger(makePorts: () => Ports) {
  return async (): Promise<void> => {
    const outcome = await reconcileWatchedBoards(makePorts());
    console.info(`Reconciled ${outcome.boards} board(s): ${outcome.recorded} bypassed change(s) recorded, ${outcome.failed} failed.`);
  };
}
