/**
 * Keeps the sandbox's Jira across restarts. The stand-in lives in memory and is re-seeded on
 * every start, while Forge storage is kept on disk; without this journal a restart would leave
 * proposals "applied" to Jira changes that no longer exist. Every change made on the sandbox site
 * is written down with what is needed to make it again, and replayed onto the fresh seed at start,
 * in order and as the same person.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SANDBOX_CLOUD_ID,
  type Actor,
  type IssueStatus,
  type JiraChangeRecord,
  type JiraSite,
  type JiraStandInModel,
  type SentNotification,
} from './jira/jira-model';

type JournalEntry =
  | { readonly kind: 'sprint-membership'; readonly actor: Actor; readonly issueKey: string; readonly toSprintId: number | null }
  | {
      readonly kind: 'rank';
      readonly actor: Actor;
      readonly issueKeys: readonly string[];
      readonly position: 'before' | 'after';
      readonly anchorKey: string;
    }
  | { readonly kind: 'estimate'; readonly actor: Actor; readonly issueKey: string; readonly points: number | null }
  | { readonly kind: 'priority'; readonly actor: Actor; readonly issueKey: string; readonly priorityName: string }
  | { readonly kind: 'issue-created'; readonly actor: Actor; readonly issue: CreatedIssue }
  | { readonly kind: 'comment-added'; readonly actor: Actor; readonly issueKey: string; readonly body: unknown; readonly created: string }
  /** An email the notify API queued: kept so a person's notifications drawer survives a restart. */
  | { readonly kind: 'notification-sent'; readonly notification: SentNotification };

interface CreatedIssue {
  readonly key: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly typeName: string;
  readonly status: IssueStatus;
  readonly priorityName: string;
  readonly labels: readonly string[];
  readonly parentKey: string | null;
  readonly sprintIds: readonly number[];
  readonly points: number | null;
  readonly reporterAccountId: string;
  readonly assigneeAccountId: string | null;
  readonly created: string;
}

export interface JiraJournal {
  /** Makes the recorded changes again on a freshly seeded site. */
  replay(site: JiraSite): void;
  /** Forgets every recorded change (the sandbox reset). */
  reset(): void;
}

export function openJiraJournal(filePath: string, model: JiraStandInModel): JiraJournal {
  let entries: JournalEntry[] = existsSync(filePath) ? (JSON.parse(readFileSync(filePath, 'utf8')) as JournalEntry[]) : [];
  let replaying = false;

  function save(): void {
    mkdirSync(dirname(filePath), { recursive: true });
    writeFileSync(`${filePath}.tmp`, JSON.stringify(entries));
    renameSync(`${filePath}.tmp`, filePath);
  }

  model.onChange((record) => {
    if (replaying || record.siteId !== SANDBOX_CLOUD_ID) return;
    entries.push(entryOf(model.site(SANDBOX_CLOUD_ID), record));
    save();
  });
  model.onNotification((siteId, notification) => {
    if (replaying || siteId !== SANDBOX_CLOUD_ID) return;
    entries.push({ kind: 'notification-sent', notification });
    save();
  });

  return {
    replay(site) {
      replaying = true;
      try {
        for (const [index, entry] of entries.entries()) {
          try {
            apply(site, entry);
          } catch (error) {
            console.warn(
              `Sandbox: could not replay Jira change ${index + 1} of ${entries.length} (${entry.kind}): ${(error as Error).message}. Run \`npm run sandbox:reset\` to start from the seed.`,
            );
            break;
          }
        }
      } finally {
        replaying = false;
      }
    },
    reset() {
      entries = [];
      rmSync(filePath, { force: true });
    },
  };
}

function entryOf(site: JiraSite, { actor, change }: JiraChangeRecord): JournalEntry {
  switch (change.kind) {
    case 'sprint-membership':
      return { kind: change.kind, actor, issueKey: change.issueKey, toSprintId: change.toSprintId };
    case 'rank':
      return { kind: change.kind, actor, issueKeys: change.issueKeys, position: change.position, anchorKey: change.anchorKey };
    case 'estimate':
      return { kind: change.kind, actor, issueKey: change.issueKey, points: change.to };
    case 'priority':
      return { kind: change.kind, actor, issueKey: change.issueKey, priorityName: change.to };
    case 'issue-created': {
      const issue = existing(site, change.issueKey);
      return {
        kind: change.kind,
        actor,
        issue: {
          key: issue.key,
          projectKey: site.projectOf(issue).key,
          summary: issue.summary,
          typeName: site.typeOf(issue).name,
          status: issue.status,
          priorityName: issue.priorityName,
          labels: [...issue.labels],
          parentKey: change.parentKey,
          sprintIds: [...issue.sprintIds],
          points: issue.points,
          reporterAccountId: issue.reporterAccountId,
          assigneeAccountId: issue.assigneeAccountId,
          created: issue.created,
        },
      };
    }
    case 'comment-added': {
      const comment = existing(site, change.issueKey).comments.find((candidate) => candidate.id === change.commentId);
      return {
        kind: change.kind,
        actor,
        issueKey: change.issueKey,
        body: comment?.body ?? null,
        created: comment?.created ?? new Date().toISOString(),
      };
    }
  }
}

function apply(site: JiraSite, entry: JournalEntry): void {
  switch (entry.kind) {
    case 'sprint-membership': {
      const issue = existing(site, entry.issueKey);
      if (entry.toSprintId === null) return site.moveToBacklog([issue], entry.actor);
      const sprint = site.sprints.get(entry.toSprintId);
      if (!sprint) throw new Error(`no sprint ${entry.toSprintId}`);
      return site.moveToSprint([issue], sprint, entry.actor);
    }
    case 'rank':
      return site.rank(
        entry.issueKeys.map((key) => existing(site, key)),
        entry.position,
        existing(site, entry.anchorKey),
        entry.actor,
      );
    case 'estimate':
      return site.setPoints(existing(site, entry.issueKey), entry.points, entry.actor);
    case 'priority': {
      const priority = site.priorities.find((candidate) => candidate.name === entry.priorityName);
      if (!priority) throw new Error(`no priority ${entry.priorityName}`);
      return site.setPriority(existing(site, entry.issueKey), priority, entry.actor);
    }
    case 'issue-created': {
      const created = site.createIssue({ ...entry.issue }, entry.actor);
      if (created.key !== entry.issue.key)
        throw new Error(`created ${created.key} where ${entry.issue.key} was expected (the seed changed)`);
      return;
    }
    case 'comment-added':
      site.addComment(existing(site, entry.issueKey), entry.body, entry.actor);
      return;
    case 'notification-sent':
      site.restoreNotification(entry.notification);
      return;
  }
}

function existing(site: JiraSite, key: string) {
  const issue = site.issueByKeyOrId(key);
  if (!issue) throw new Error(`no issue ${key}`);
  return issue;
}
