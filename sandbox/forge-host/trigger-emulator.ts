/**
 * Forge product-event triggers, locally: each change on the sandbox's Jira becomes the event Jira
 * would send (`avi:jira:updated:issue` with its changelog, `avi:jira:created:issue`,
 * `avi:jira:commented:issue`) and is delivered to the `trigger` modules subscribed to it, as an
 * app-only invocation `handler(event, context)`, one at a time per module. `filter.ignoreSelf`
 * drops the changes the app made itself, as Forge does. This is what lets a change made "in Jira"
 * from the sandbox's backlog reach Goalkeeper's bypass detection.
 */
import type { Actor, JiraChange, JiraChangeRecord, JiraIssue, JiraSite } from '../jira/jira-model';
import { FIELD_IDS } from '../jira/jira-model';
import { APP_ACCOUNT } from '../jira/jira-json';
import { runInvocation } from './forge-runtime';
import type { ForgeFunctionHandler } from './queue-emulator';

export interface ProductTrigger {
  readonly moduleKey: string;
  readonly handler: ForgeFunctionHandler;
  readonly events: readonly string[];
  readonly ignoreSelf: boolean;
}

export interface TriggerEmulatorOptions {
  readonly triggers: readonly ProductTrigger[];
  readonly site: () => JiraSite;
  readonly installationId: string;
  readonly licenseActive: () => boolean;
}

export interface TriggerEmulator {
  /** Turns one Jira change into events and queues their delivery. */
  publish(record: JiraChangeRecord): void;
  /** Resolves when every queued event has been delivered. */
  idle(): Promise<void>;
}

interface ChangelogItem {
  readonly field: string;
  readonly fieldId: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  [FIELD_IDS.storyPointEstimate]: 'Story point estimate',
  [FIELD_IDS.storyPoints]: 'Story Points',
};

export function createTriggerEmulator(options: TriggerEmulatorOptions): TriggerEmulator {
  const lanes = new Map<string, Promise<void>>();
  let nextChangelogId = 1;
  let pending = 0;
  const waiters: (() => void)[] = [];

  function settle(): void {
    pending -= 1;
    if (pending > 0) return;
    for (const resolve of waiters.splice(0)) resolve();
  }

  function deliver(trigger: ProductTrigger, siteId: string, event: Record<string, unknown>): void {
    const invocation = {
      cloudId: siteId,
      installationId: options.installationId,
      moduleKey: trigger.moduleKey,
      license: { active: options.licenseActive() },
    };
    const context = { installContext: `ari:cloud:jira::site/${siteId}`, moduleKey: trigger.moduleKey };
    pending += 1;
    const previous = lanes.get(trigger.moduleKey) ?? Promise.resolve();
    const next = previous
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => runInvocation(invocation, () => trigger.handler(event, context)))
      .then(
        () => undefined,
        (error: unknown) => console.error(`Sandbox trigger ${trigger.moduleKey} failed on ${String(event.eventType)}`, error),
      )
      .finally(settle);
    lanes.set(trigger.moduleKey, next);
  }

  return {
    publish(record) {
      const site = options.site();
      for (const event of eventsOf(site, record, () => String(nextChangelogId++))) {
        for (const trigger of options.triggers) {
          if (!trigger.events.includes(String(event.eventType))) continue;
          if (trigger.ignoreSelf && event.selfGenerated) continue;
          deliver(trigger, record.siteId, event);
        }
      }
    },
    idle() {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

function accountOf(actor: Actor): string {
  return actor.kind === 'app' ? APP_ACCOUNT.accountId : actor.accountId;
}

/**
 * The Jira events one change produces (a rank of several issues updates each of them). An event's
 * `changelog.id` is the id of the issue's changelog entry it reports, as in Jira's issue_updated
 * webhook payload (`changelog: { id, items }`, Atlassian's "Webhooks" reference), so the event and
 * POST /rest/api/3/changelog/bulkfetch name one change alike. Changes the stand-in's changelog does
 * not keep (rank, priority) get an id of their own.
 */
function eventsOf(site: JiraSite, record: JiraChangeRecord, changelogId: () => string): Record<string, unknown>[] {
  const logged = record.change.kind === 'sprint-membership' || record.change.kind === 'estimate';
  const issueEvent = (eventType: string, issueKey: string, items?: readonly ChangelogItem[]) => {
    const issue = site.issueByKeyOrId(issueKey);
    if (!issue) return [];
    // The entry was just written: the change is published as it is recorded.
    const id = logged ? (issue.changelog[issue.changelog.length - 1]?.id ?? changelogId()) : changelogId();
    return [
      {
        eventType,
        atlassianId: accountOf(record.actor),
        selfGenerated: record.actor.kind === 'app',
        timestamp: Date.parse(record.at),
        issue: issueRef(site, issue),
        ...(items ? { changelog: { id, items } } : {}),
      },
    ];
  };
  const change: JiraChange = record.change;
  switch (change.kind) {
    case 'sprint-membership':
      return issueEvent('avi:jira:updated:issue', change.issueKey, [
        sprintItem(site, change.issueKey, change.fromSprintId, change.toSprintId),
      ]);
    case 'estimate': {
      const text = (points: number | null) => (points === null ? null : String(points));
      const field = FIELD_NAMES[change.fieldId] ?? change.fieldId;
      return issueEvent('avi:jira:updated:issue', change.issueKey, [
        {
          field,
          fieldId: change.fieldId,
          fieldtype: 'custom',
          from: text(change.from),
          fromString: text(change.from),
          to: text(change.to),
          toString: text(change.to),
        },
      ]);
    }
    case 'priority':
      return issueEvent('avi:jira:updated:issue', change.issueKey, [
        {
          field: 'priority',
          fieldId: 'priority',
          fieldtype: 'jira',
          from: priorityId(site, change.from),
          fromString: change.from,
          to: priorityId(site, change.to),
          toString: change.to,
        },
      ]);
    case 'rank':
      return change.issueKeys.flatMap((key) =>
        issueEvent('avi:jira:updated:issue', key, [
          {
            field: 'Rank',
            fieldId: FIELD_IDS.rank,
            fieldtype: 'custom',
            from: '',
            fromString: '',
            to: '',
            toString: `Ranked ${change.position} ${change.anchorKey}`,
          },
        ]),
      );
    case 'issue-created':
      return issueEvent('avi:jira:created:issue', change.issueKey);
    case 'comment-added':
      return issueEvent('avi:jira:commented:issue', change.issueKey).map((event) => ({ ...event, comment: { id: change.commentId } }));
  }
}

/** Jira's Sprint changelog lists every sprint the issue was in, closed ones included. */
function sprintItem(site: JiraSite, issueKey: string, fromSprintId: number | null, toSprintId: number | null): ChangelogItem {
  const issue = site.issueByKeyOrId(issueKey);
  const closed = (issue?.sprintIds ?? []).filter((id) => site.sprints.get(id)?.state === 'closed');
  const list = (open: number | null) => [...closed, ...(open === null ? [] : [open])];
  const ids = (sprints: number[]) => (sprints.length ? sprints.join(', ') : null);
  const names = (sprints: number[]) => (sprints.length ? sprints.map((id) => site.sprints.get(id)?.name ?? String(id)).join(', ') : null);
  return {
    field: 'Sprint',
    fieldId: FIELD_IDS.sprint,
    fieldtype: 'custom',
    from: ids(list(fromSprintId)),
    fromString: names(list(fromSprintId)),
    to: ids(list(toSprintId)),
    toString: names(list(toSprintId)),
  };
}

function priorityId(site: JiraSite, name: string): string | null {
  return site.priorities.find((priority) => priority.name === name)?.id ?? null;
}

function issueRef(site: JiraSite, issue: JiraIssue): Record<string, unknown> {
  const project = site.projectOf(issue);
  const type = site.typeOf(issue);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: { id: type.id, name: type.name },
      project: { id: project.id, key: project.key, name: project.name },
    },
  };
}
