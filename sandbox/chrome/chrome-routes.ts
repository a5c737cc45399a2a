/**
 * The sandbox's Jira pages and the small JSON API their scripts use (/api/...). Pages read the
 * stand-in's model directly, as Jira's own UI reads its database; "Move in Jira" goes through the
 * stand-in's admin API as the person acting, after the permission check Jira's UI would make;
 * "Create issue" goes through the stand-in's REST API as that person; the notifications drawer
 * shows what Jira's notify API queued for them.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { HostedApp } from '../forge-host/forge-manifest';
import { pointsFieldOf, type JiraSite } from '../jira/jira-model';
import { ACTOR_HEADER, SITE_HEADER } from '../jira/jira-stand-in';
import { redirect, route, sendHtml, sendJson, sendText, type Route, type RouteCall } from '../http-routes';
import type { SiteSettings } from '../site-settings';
import { boardPage } from './board-page';
import { dashboardPage, gadgetIdOf } from './dashboard-page';
import { html, type SafeHtml } from './html';
import { issueListPage, issuePage } from './issue-page';
import { pageHtml, type Section } from './layout';
import { settingsIndexPage, settingsModules, settingsPage } from './settings-page';
import { HOME_PROJECT_KEY, viewerOf } from './viewer';

export interface ChromeRouteOptions {
  readonly app: HostedApp;
  readonly site: () => JiraSite;
  /** The stand-in's base URL, for its admin API. */
  readonly jiraUrl: string;
  readonly settings: SiteSettings;
  readonly reset: () => Promise<void>;
}

const ASSETS: Readonly<Record<string, string>> = {
  'chrome.css': 'text/css; charset=utf-8',
  'chrome.js': 'text/javascript; charset=utf-8',
  'board.js': 'text/javascript; charset=utf-8',
  'create-issue.js': 'text/javascript; charset=utf-8',
};

const BACKLOG_PATH = `/jira/software/projects/${HOME_PROJECT_KEY}/boards/1/backlog`;

export function chromeRoutes(options: ChromeRouteOptions): Route[] {
  const { app, settings } = options;

  function render(
    call: RouteCall,
    section: Section,
    page: { title: string; body: SafeHtml },
    status = 200,
    scripts: readonly string[] = [],
  ): void {
    const site = options.site();
    const { viewer, person, people } = viewerOf(call.request, site);
    const notificationCount = site.notifications.filter((notification) => notification.recipientAccountId === person.accountId).length;
    sendHtml(
      call.response,
      status,
      pageHtml({ ...page, section, viewer, person, people, licenseActive: settings.current().licenseActive, scripts, notificationCount }),
    );
  }

  function notFound(call: RouteCall, section: Section, what: string): void {
    render(
      call,
      section,
      {
        title: 'Not found',
        body: html`<div class="empty-state">
          <h1>We can’t find that</h1>
          <p>${what}</p>
          <p><a href="${BACKLOG_PATH}">Go to the backlog</a></p>
        </div>`,
      },
      404,
    );
  }

  function forbidden(call: RouteCall, section: Section, what: string): void {
    render(
      call,
      section,
      {
        title: 'No access',
        body: html`<div class="empty-state">
          <h1>You don’t have access</h1>
          <p>${what}</p>
          <p>Switch to another person in the top bar.</p>
        </div>`,
      },
      403,
    );
  }

  function actorOf(request: IncomingMessage) {
    return { kind: 'user' as const, accountId: viewerOf(request, options.site()).viewer.accountId };
  }

  async function forwardToJira(call: RouteCall, path: string, body?: Record<string, unknown>): Promise<void> {
    const answer = await fetch(
      `${options.jiraUrl}${path}`,
      body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {},
    );
    const text = await answer.text();
    call.response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(text);
  }

  /** "Move in Jira": allowed only to people who may schedule issues in the project, as in Jira. */
  async function actInJira(call: RouteCall, action: 'move' | 'rank'): Promise<void> {
    const site = options.site();
    const issue = site.issueByKeyOrId(call.params[0] ?? '');
    if (!issue)
      return sendJson(call.response, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    const actor = actorOf(call.request);
    if (!site.can(actor, 'SCHEDULE_ISSUES', site.projectOf(issue))) {
      return sendJson(call.response, 403, {
        errorMessages: ['You do not have permission to schedule issues in this project.'],
        errors: {},
      });
    }
    const body = await call.body();
    return forwardToJira(call, `/__sandbox/issues/${encodeURIComponent(issue.key)}/${action}`, {
      ...body,
      actorAccountId: actor.accountId,
    });
  }

  /**
   * Jira's "Create" dialog: the person acting creates an issue through the stand-in's own
   * POST /rest/api/3/issue, as themselves, so Jira's rules (Create issues permission, fields,
   * summary length, priorities) answer exactly as they answer the app. It lands at the bottom of
   * the backlog, as Jira puts a new issue.
   */
  async function createIssue(call: RouteCall): Promise<void> {
    const site = options.site();
    const body = await call.body();
    const project = site.projectByKeyOrId(String(body.projectKey ?? HOME_PROJECT_KEY));
    if (!project) return sendJson(call.response, 400, { errorMessages: [], errors: { project: 'valid project is required' } });
    const estimate =
      typeof body.estimate === 'string' && body.estimate.trim() !== ''
        ? Number(body.estimate)
        : typeof body.estimate === 'number'
          ? body.estimate
          : null;
    const fields: Record<string, unknown> = {
      project: { key: project.key },
      issuetype: { name: String(body.type ?? '') },
      summary: String(body.summary ?? ''),
      ...(typeof body.priority === 'string' && body.priority !== '' ? { priority: { name: body.priority } } : {}),
      ...(estimate !== null ? { [pointsFieldOf(project).fieldId]: estimate } : {}),
    };
    const answer = await fetch(`${options.jiraUrl}/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: `user:${actorOf(call.request).accountId}`, [SITE_HEADER]: site.id },
      body: JSON.stringify({ fields }),
    });
    call.response
      .writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      .end(await answer.text());
  }

  return [
    route('GET', /^\/$/, ({ response }) => redirect(response, BACKLOG_PATH)),
    route('GET', /^\/__sandbox\/([a-z-]+\.(?:css|js))$/, ({ params, response }) => {
      const name = params[0] ?? '';
      const type = ASSETS[name];
      if (!type) return sendJson(response, 404, { message: `No asset ${name}` });
      return sendText(response, type, readFileSync(join(__dirname, 'assets', name), 'utf8'));
    }),
    route('GET', /^\/browse\/([^/]+)$/, (call) => {
      const site = options.site();
      const issue = site.issueByKeyOrId(call.params[0] ?? '');
      if (!issue) return notFound(call, 'issues', `There is no issue ${call.params[0]} on this site.`);
      if (!site.canSeeIssue(actorOf(call.request), issue))
        return forbidden(call, 'issues', `You can’t see ${issue.key}: it is in a project you have no access to.`);
      return render(call, 'issues', issuePage(app, site, issue));
    }),
    route('GET', /^\/jira\/software\/projects\/([^/]+)\/issues$/, (call) => {
      const site = options.site();
      const project = site.projectByKeyOrId(call.params[0] ?? '');
      if (!project) return notFound(call, 'issues', `There is no project ${call.params[0]}.`);
      if (!site.can(actorOf(call.request), 'BROWSE_PROJECTS', project))
        return forbidden(call, 'issues', `You can’t browse ${project.name}.`);
      return render(call, 'issues', issueListPage(site, project));
    }),
    route('GET', /^\/jira\/software\/projects\/([^/]+)\/boards\/(\d+)(?:\/backlog)?$/, (call) => {
      const site = options.site();
      const board = site.boards.get(Number(call.params[1]));
      if (!board) return notFound(call, 'backlog', `There is no board ${call.params[1]}.`);
      if (!site.canSeeBoard(actorOf(call.request), board)) return forbidden(call, 'backlog', `You can’t see ${board.name}.`);
      return render(call, 'backlog', boardPage(app, site, board), 200, ['board.js', 'create-issue.js']);
    }),
    route('GET', /^\/jira\/dashboards\/([^/]+)$/, (call) => {
      const configured = (gadgetId: string) => settings.current().gadgetConfigurations[gadgetId] !== undefined;
      return render(call, 'dashboard', dashboardPage(app, configured, call.url.searchParams.get('edit')));
    }),
    route('GET', /^\/jira\/software\/projects\/([^/]+)\/settings\/apps$/, (call) => {
      const project = options.site().projectByKeyOrId(call.params[0] ?? '');
      if (!project) return notFound(call, 'settings', `There is no project ${call.params[0]}.`);
      return render(call, 'settings', settingsIndexPage(app, project));
    }),
    route('GET', /^\/jira\/software\/projects\/([^/]+)\/settings\/apps\/([^/]+)$/, (call) => {
      const project = options.site().projectByKeyOrId(call.params[0] ?? '');
      const module = settingsModules(app).find((candidate) => candidate.key === call.params[1]);
      if (!project || !module) return notFound(call, 'settings', 'There is no such settings page.');
      return render(call, 'settings', settingsPage(app, project, module));
    }),
    route('GET', /^\/__forge\/module\/([^/]+)$/, (call) => {
      const module = app.manifest.uiModules.find((candidate) => candidate.key === call.params[0]);
      if (!module) return notFound(call, 'backlog', `The app has no module ${call.params[0]}.`);
      const projectKey = call.url.searchParams.get('projectKey') ?? HOME_PROJECT_KEY;
      switch (module.type) {
        case 'jira:dashboardGadget':
          return redirect(call.response, `/jira/dashboards/10000#gadget-${gadgetIdOf(app, module)}`);
        case 'jira:projectSettingsPage':
          return redirect(call.response, `/jira/software/projects/${projectKey}/settings/apps/${module.key}`);
        case 'jira:issuePanel':
        case 'jira:issueContext':
          return redirect(call.response, `/jira/software/projects/${projectKey}/issues`);
        case 'jira:boardAction':
        case 'jira:sprintAction':
          return redirect(call.response, BACKLOG_PATH);
      }
    }),
    route('GET', /^\/api\/boards\/(\d+)$/, (call) => forwardToJira(call, `/__sandbox/boards/${call.params[0]}`)),
    route('POST', /^\/api\/issues$/, createIssue),
    route('GET', /^\/api\/notifications$/, (call) =>
      forwardToJira(call, `/__sandbox/notifications?accountId=${encodeURIComponent(actorOf(call.request).accountId)}`),
    ),
    route('POST', /^\/api\/issues\/([^/]+)\/move$/, (call) => actInJira(call, 'move')),
    route('POST', /^\/api\/issues\/([^/]+)\/rank$/, (call) => actInJira(call, 'rank')),
    route('POST', /^\/api\/licence$/, async (call) => {
      const body = await call.body();
      settings.setLicenseActive(body.active === true || body.active === 'true');
      sendJson(call.response, 200, { licenseActive: settings.current().licenseActive });
    }),
    route('POST', /^\/api\/reset$/, async (call) => {
      await options.reset();
      if ((call.request.headers.accept ?? '').includes('application/json')) return sendJson(call.response, 200, { reset: true });
      return redirect(call.response, call.request.headers.referer ?? '/');
    }),
  ];
}
