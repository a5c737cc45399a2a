/**
 * Jira's issue view: summary and the app's issue panels in the main column (where Jira places
 * `jira:issuePanel`, below the description), the activity (comments, including Goalkeeper's
 * decision comments) under them, and the Details group on the right, with the app's issue context
 * panels (`jira:issueContext`, collapsible) below the fields, as Jira places them. Also the project's issue
 * list, to pick any issue.
 */
import type { HostedApp } from '../forge-host/forge-manifest';
import type { Actor, IssueComment, JiraIssue, JiraProject, JiraSite } from '../jira/jira-model';
import { extensionFrame } from './extension-frame';
import { html, type SafeHtml } from './html';
import { avatar } from './layout';

export function issuePage(app: HostedApp, site: JiraSite, issue: JiraIssue): { title: string; body: SafeHtml } {
  const type = site.typeOf(issue);
  const project = site.projectOf(issue);
  const parent = site.parentOf(issue);
  const panels = app.manifest.uiModules.filter((module) => module.type === 'jira:issuePanel');
  const contexts = app.manifest.uiModules.filter((module) => module.type === 'jira:issueContext');
  const body = html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
      <a href="/jira/software/projects/${project.key}/boards/1/backlog">Projects</a> /
      <a href="/jira/software/projects/${project.key}/issues">${project.name}</a>
      ${parent ? html` / <a href="/browse/${parent.key}">${parent.key}</a>` : ''} / <span>${issueTypeIcon(type.name)} ${issue.key}</span>
    </nav>
    ${issuePicker(site, issue)}
    <div class="issue-view">
      <div class="issue-main">
        <h1 class="issue-summary">${issue.summary}</h1>
        ${panels.map(
          (module) =>
            html`<section class="app-panel" aria-label="${module.title}">
              <h2 class="app-panel-title"><span class="app-icon" aria-hidden="true">G</span>${module.title}</h2>
              ${extensionFrame(app, module, { kind: 'issue', issueKey: issue.key })}
            </section>`,
        )}
        <section class="activity" aria-label="Activity">
          <h2>Activity</h2>
          ${issue.comments.length === 0 ? html`<p class="subtle">No comments yet.</p>` : [...issue.comments].reverse().map((comment) => commentView(site, comment))}
        </section>
      </div>
      <aside class="issue-side" aria-label="Details">
        ${statusLozenge(issue)}
        <dl class="details">
          <dt>Assignee</dt>
          <dd>${personName(site, issue.assigneeAccountId)}</dd>
          <dt>Reporter</dt>
          <dd>${personName(site, issue.reporterAccountId)}</dd>
          <dt>Priority</dt>
          <dd>${issue.priorityName}</dd>
          <dt>Sprint</dt>
          <dd>${site.openSprintOf(issue)?.name ?? 'None (backlog)'}</dd>
          <dt>Story point estimate</dt>
          <dd>${issue.points ?? 'None'}</dd>
          <dt>Labels</dt>
          <dd>${issue.labels.length ? issue.labels.map((label) => html`<span class="tag">${label}</span> `) : 'None'}</dd>
          <dt>Parent</dt>
          <dd>${parent ? html`<a href="/browse/${parent.key}">${parent.key} ${parent.summary}</a>` : 'None'}</dd>
          <dt>Type</dt>
          <dd>${type.name}</dd>
        </dl>
        <p class="subtle small">Created ${formatDate(issue.created)} · Updated ${formatDate(issue.updated)}</p>
        ${contexts.map(
          (module) =>
            html`<details class="context-panel" open data-module-key="${module.key}">
              <summary><span class="app-icon" aria-hidden="true">G</span>${module.title}</summary>
              ${extensionFrame(app, module, { kind: 'issue', issueKey: issue.key })}
            </details>`,
        )}
      </aside>
    </div>`;
  return { title: `[${issue.key}] ${issue.summary}`, body };
}

export function issueListPage(site: JiraSite, project: JiraProject): { title: string; body: SafeHtml } {
  const issues = site.byRank([...site.issues.values()].filter((issue) => issue.projectId === project.id));
  const body = html`<h1>Issues <span class="subtle">· ${project.name}</span></h1>
    <table class="issue-table">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Summary</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Sprint</th>
          <th scope="col">Points</th>
        </tr>
      </thead>
      <tbody>
        ${issues.map(
          (issue) =>
            html`<tr>
              <td><a href="/browse/${issue.key}">${issue.key}</a></td>
              <td><a href="/browse/${issue.key}">${issue.summary}</a></td>
              <td>${issueTypeIcon(site.typeOf(issue).name)} ${site.typeOf(issue).name}</td>
              <td>${statusLozenge(issue)}</td>
              <td>${site.openSprintOf(issue)?.name ?? '—'}</td>
              <td>${issue.points ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return { title: 'Issues', body };
}

/** A quick switcher to any issue of the project, grouped the way the backlog groups them. */
function issuePicker(site: JiraSite, current: JiraIssue): SafeHtml {
  const groups = new Map<string, JiraIssue[]>();
  for (const issue of site.byRank([...site.issues.values()].filter((candidate) => candidate.projectId === current.projectId))) {
    const group = site.openSprintOf(issue)?.name ?? (issue.status.category === 'done' ? 'Done' : 'Backlog');
    groups.set(group, [...(groups.get(group) ?? []), issue]);
  }
  return html`<label class="issue-picker"
    >Go to issue
    <select id="issue-picker">
      ${[...groups].map(
        ([group, issues]) =>
          html`<optgroup label="${group}">
            ${issues.map(
              (issue) =>
                html`<option value="${issue.key}" ${issue.id === current.id ? html`selected` : ''}>${issue.key} ${issue.summary}</option>`,
            )}
          </optgroup>`,
      )}
    </select>
  </label>`;
}

function commentView(site: JiraSite, comment: IssueComment): SafeHtml {
  const author = authorOf(site, comment.author);
  return html`<article class="comment">
    ${avatar(author)}
    <div>
      <p class="comment-meta"><strong>${author.displayName}</strong> <span class="subtle">${formatDate(comment.created)}</span></p>
      <p class="comment-body">${adfText(comment.body, (accountId) => site.users.get(accountId)?.displayName)}</p>
    </div>
  </article>`;
}

function authorOf(site: JiraSite, actor: Actor): { accountId: string; displayName: string } {
  if (actor.kind === 'app') return { accountId: 'app', displayName: 'Goalkeeper (app)' };
  return { accountId: actor.accountId, displayName: site.users.get(actor.accountId)?.displayName ?? 'Former user' };
}

/**
 * The plain text of an Atlassian Document Format body (text nodes and mentions). Jira renders a
 * mention that carries only an accountId with the person's current name, as `nameOf` does here.
 */
export function adfText(node: unknown, nameOf: (accountId: string) => string | undefined = () => undefined): string {
  if (typeof node !== 'object' || node === null) return '';
  const { type, text, attrs, content } = node as {
    type?: string;
    text?: string;
    attrs?: { id?: string; text?: string };
    content?: unknown[];
  };
  if (type === 'text') return text ?? '';
  if (type === 'mention') return attrs?.text ?? `@${(attrs?.id && nameOf(attrs.id)) ?? 'someone'}`;
  if (type === 'hardBreak') return '\n';
  const inner = (content ?? []).map((child) => adfText(child, nameOf)).join('');
  return type === 'paragraph' || type === 'blockquote' || type === 'listItem' ? `${inner}\n` : inner;
}

function statusLozenge(issue: JiraIssue): SafeHtml {
  return html`<span class="lozenge lozenge-${issue.status.category}">${issue.status.name}</span>`;
}

export function issueTypeIcon(typeName: string): SafeHtml {
  return html`<span class="type-icon type-${typeName.toLowerCase().replace(/[^a-z]/g, '')}" title="${typeName}" aria-hidden="true"></span>`;
}

function personName(site: JiraSite, accountId: string | null): string {
  return accountId ? (site.users.get(accountId)?.displayName ?? 'Former user') : 'Unassigned';
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
