/**
 * Jira's issue notifications: POST /rest/api/3/issue/{issueIdOrKey}/notify ("Send notification
 * for issue", operationId `notify` in Atlassian's platform OpenAPI; scope write:jira-work). Jira
 * queues an email per recipient and delivers it as it delivers its own notifications, by the
 * recipient's settings — Goalkeeper sends no mail of its own, so a person's Jira notification
 * settings (and their email format: the reason both a text and an HTML body go) hold for it too.
 *
 * Sent as the person calling (asUser): the mail is theirs, and Jira requires *Browse Projects* of
 * the sender. The contract's 400 "the recipient is the same as the calling user" is why the app
 * never names the sender. Recipients are restricted to people who may browse the project, so a
 * Product Owner who lost access learns nothing about the issue.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueNotice, JiraStepResult } from '../app/ports';
import { routeOrNull, succeeded, type JiraClient } from './jira-client';

/** Only the issue's `self` is read: its origin is the site's, where /browse/{key} opens the issue. */
const issueSelfShape = z.object({ key: z.string(), self: z.string() });
/** GET /rest/api/3/user: `locale` "depending on the user's privacy setting, may be returned as null" (schema User). */
const userLocaleShape = z.object({ accountId: z.string(), locale: z.string().nullish() });

export async function notifyAboutIssue(person: JiraClient, issueKey: string, notice: IssueNotice): Promise<JiraStepResult> {
  const failed = `Jira did not send the notification about ${issueKey}`;
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}/notify`);
  if (!path) return { ok: false, status: 400, message: `${failed}: "${issueKey}" is not an issue key.` };
  if (notice.recipientAccountIds.length === 0) return { ok: true, status: 204, message: 'Nobody to notify.' };
  const link = await issueLink(person, issueKey);
  const body = {
    subject: notice.subject,
    textBody: [...notice.paragraphs, ...(link ? [`${notice.linkLabel}: ${link}`] : [])].join('\n\n'),
    htmlBody: [
      ...notice.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      ...(link ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(notice.linkLabel)}</a></p>`] : []),
    ].join(''),
    // The contract names no default for these flags; each is said outright so only the people named hear of it.
    to: {
      reporter: false,
      assignee: false,
      watchers: false,
      voters: false,
      users: notice.recipientAccountIds.map((accountId) => ({ accountId })),
    },
    restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] },
  };
  // Not repeatable: a lost answer may mean the mail is queued already, and a second one is noise.
  const answer = await person.call(path, { method: 'POST', body, replay: 'once' });
  return succeeded(answer)
    ? {
        ok: true,
        status: answer.status,
        message: `Notified ${notice.recipientAccountIds.length} ${notice.recipientAccountIds.length === 1 ? 'person' : 'people'} about ${issueKey}.`,
      }
    : { ok: false, status: answer.status, message: `${failed}: ${answer.problem}` };
}

/** The issue in the site's own UI, from the `self` Jira answers with; null when Jira gives none. */
async function issueLink(person: JiraClient, issueKey: string): Promise<string | null> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}?fields=summary`);
  const issue = path ? await person.read(path, issueSelfShape).catch(() => null) : null;
  if (!issue) return null;
  try {
    return `${new URL(issue.self).origin}/browse/${encodeURIComponent(issue.key)}`;
  } catch {
    return null;
  }
}

/** Profile locales, one GET /rest/api/3/user per account (the bulk read carries no locale); unreadable ones are left out. */
export async function localesOf(client: JiraClient, accountIds: readonly string[]): Promise<Map<string, string>> {
  const users = await Promise.all(
    [...new Set(accountIds)].map(async (accountId) => {
      const path = routeOrNull(() => route`/rest/api/3/user?accountId=${accountId}`);
      return path ? client.read(path, userLocaleShape).catch(() => null) : null;
    }),
  );
  return new Map(users.flatMap((user) => (user?.locale ? [[user.accountId, user.locale] as const] : [])));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
