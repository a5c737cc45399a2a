/**
 * Forge product-event triggers: Jira's events turned into the use cases of track-sprint.ts.
 * Only the changelog's Sprint item and field changes matter (the estimate is told apart by the
 * board's estimation field id, which only the use case knows); everything else in the payload is
 * ignored. The manifest's `filter.ignoreSelf` keeps Goalkeeper's own changes out, and its
 * `filter.expression` keeps issue updates that touch no custom field from invoking the app at all.
 */
import type { Ports } from '../app/ports';
import {
  onIssueChanged,
  onSprintChanged,
  onSprintClosed,
  onSprintStarted,
  reconcileWatchedBoards,
  type FieldChange,
  type IssueSprintChange,
} from '../app/use-cases/track-sprint';

/** Event names, as listed in manifest.yml's trigger modules. */
export const ISSUE_UPDATED = 'avi:jira:updated:issue';
export const SPRINT_STARTED = 'avi:jira-software:started:sprint';
export const SPRINT_CLOSED = 'avi:jira-software:closed:sprint';
/** Every sprint event Goalkeeper receives: each changes a board's open sprints (created, edited — goal, name, dates —, started, completed, deleted). */
export const SPRINT_EVENTS: readonly string[] = [
  'avi:jira-software:created:sprint',
  'avi:jira-software:updated:sprint',
  SPRINT_STARTED,
  SPRINT_CLOSED,
  'avi:jira-software:deleted:sprint',
];

/** Jira names the Sprint field itself; its id (customfield_NNNNN) differs from site to site. */
const SPRINT_FIELD = 'Sprint';

/** A changelog item, as the Jira platform contract's ChangeDetails describes it (field, fieldId, fieldtype, from, fromString, to, toString). */
interface ChangelogItem {
  readonly field?: string;
  readonly fieldId?: string;
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
  /**
   * Forge's Jira Software events reference types `Sprint.id` as a string
   * (https://developer.atlassian.com/platform/forge/events-reference/jira-software/, "Sprint events");
   * a number is accepted too, as Jira's REST API gives sprint ids.
   */
  readonly sprint?: { readonly id?: string | number; readonly originBoardId?: string | number };
}

/** A Jira id given as a string (Forge's events) or a number (REST), or null when it is none an id could be. */
function positiveIdOf(raw: string | number | undefined): number | null {
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The sprint id of a sprint event, or null when it names none a sprint could have. */
export function sprintIdOf(event: JiraEvent): number | null {
  return positiveIdOf(event.sprint?.id);
}

/** The board a sprint event's sprint belongs to (the documented `Sprint.originBoardId`), or null. */
export function sprintBoardIdOf(event: JiraEvent): number | null {
  return positiveIdOf(event.sprint?.originBoardId);
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

function fieldChangeOf(item: ChangelogItem): FieldChange | null {
  if (!item.fieldId || item.field === SPRINT_FIELD) return null;
  return { fieldId: item.fieldId, before: points(item.fromString ?? item.from), after: points(displayedTo(item)) };
}

/** The sprint-relevant part of an issue-updated event, or null when there is none. */
export function sprintChangeOf(event: JiraEvent, at: string): IssueSprintChange | null {
  const items = event.changelog?.items ?? [];
  const sprintItem = items.find((item) => item.field === SPRINT_FIELD);
  const fieldChanges = items.map(fieldChangeOf).filter((change): change is FieldChange => change !== null);
  if ((!sprintItem && fieldChanges.length === 0) || !event.issue?.key || !event.issue.id || !event.changelog?.id) return null;
  return {
    changeId: `${event.issue.id}:${event.changelog.id}`,
    issueKey: event.issue.key,
    actorAccountId: event.atlassianId ?? null,
    at,
    sprintsBefore: sprintItem ? sprintIds(sprintItem.from) : null,
    sprintsAfter: sprintItem ? sprintIds(sprintItem.to) : null,
    fieldChanges,
  };
}

export function buildJiraEventTrigger(makePorts: () => Ports) {
  return async (event: JiraEvent): Promise<void> => {
    const ports = makePorts();
    const sprintBoardId = SPRINT_EVENTS.includes(event.eventType ?? '') ? sprintBoardIdOf(event) : null;
    if (sprintBoardId !== null) await onSprintChanged(ports, sprintBoardId);
    switch (event.eventType) {
      case SPRINT_STARTED: {
        const sprintId = sprintIdOf(event);
        if (sprintId !== null) await onSprintStarted(ports, sprintId);
        return;
      }
      case SPRINT_CLOSED: {
        const sprintId = sprintIdOf(event);
        if (sprintId !== null) await onSprintClosed(ports, sprintId);
        return;
      }
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
